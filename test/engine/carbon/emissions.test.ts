import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { co2eTotals } from '../../../engine/carbon/emissionSeries.js';
import { run } from '../../../engine/simulate/run.js';
import type { Solution } from '../../../engine/simulate/solution.js';
import { compileFailure, compileYaml } from '../../support/modelFromYaml.js';

/** A city with food and paper waste, collected and split between an incinerator and a landfill. */
function city(emissions: string, options: { horizon?: number; waste?: string; landfillShare?: number; extra?: string } = {}): string {
  const end = 2020 + (options.horizon ?? 3) - 1;
  return `
metabolis: 1
name: carbon city
time: { start: 2020, end: ${end} }
unit: t
dimensions:
  stream: [food, paper]
drivers:
  waste: { unit: t/yr, dims: [stream], values: ${options.waste ?? '{ food: { 2020: 1000, ' + end + ': 1000 }, paper: { 2020: 500, ' + end + ': 500 } }'} }
parameters:
  landfill_share: ${options.landfillShare ?? 0.4}
${options.extra ?? ''}
processes: [collection, incineration, landfill]
flows:
  - { from: outside, to: collection, value: waste }
  - { from: collection, to: landfill, share: landfill_share }
  - { from: collection, to: incineration, share: rest }
  - { from: incineration, to: outside, share: 1 }
stocks:
  landfilled: { process: landfill, kind: accumulate }
${emissions}
`;
}

const series = (solution: Solution, route: string, gas: string) => solution.emissions!.series.find((s) => s.route === route && s.gas === gas)!;

describe('run(model) with emissions', () => {
  it('run(model) multiplies a factor route by its flow, in the factor\'s unit, and weighs it by the GWP', () => {
    const solution = run(
      compileYaml(
        city(`gwp: { CH4: 28, N2O: 265 }
emissions:
  incineration_n2o: { flow: collection->incineration, gas: N2O, factor: 50, unit: g/t }`),
      ),
    );
    const n2o = series(solution, 'incineration_n2o', 'N2O');
    // 600 t of food and 300 t of paper a year to incineration, 50 g N2O per t.
    expect(n2o.dims).toEqual(['stream']);
    expect(n2o.values[0]).toBeCloseTo(600 * 50e-6, 12);
    expect(n2o.values[1]).toBeCloseTo(300 * 50e-6, 12);
    expect(n2o.co2e[0]).toBeCloseTo(600 * 50e-6 * 265, 10);
  });

  it('run(model) computes incineration CO2 by IPCC Eq. 5.1, fossil and biogenic apart', () => {
    const solution = run(
      compileYaml(
        city(
          `gwp: AR5
emissions:
  wte: { kind: incineration, process: incineration, dry_matter: dry, carbon_fraction: carbon, fossil_fraction: fossil, oxidation: 1 }`,
          { extra: '  dry: { dims: [stream], value: { food: 0.4, paper: 0.9 } }\n  carbon: { dims: [stream], value: { food: 0.38, paper: 0.46 } }\n  fossil: { dims: [stream], value: { food: 0, paper: 0.01 } }' },
        ),
      ),
    );
    // Paper: 300 t · 0.9 · 0.46 · 0.01 · 1 · 44/12 fossil; the other 99 % of its carbon biogenic.
    expect(series(solution, 'wte', 'CO2_fossil').values[1]).toBeCloseTo(300 * 0.9 * 0.46 * 0.01 * (44 / 12), 10);
    expect(series(solution, 'wte', 'CO2_biogenic').values[1]).toBeCloseTo(300 * 0.9 * 0.46 * 0.99 * (44 / 12), 10);
    expect(series(solution, 'wte', 'CO2_fossil').values[0]).toBe(0);
    // Biogenic CO2 weighs nothing in CO2e.
    expect(series(solution, 'wte', 'CO2_biogenic').co2e.every((value) => value === 0)).toBe(true);
    expect(solution.emissions!.gwp).toMatchObject({ name: 'AR5', CH4: 28, N2O: 265 });
  });

  it('run(model) of a single deposit releases W · DOC · DOCf · MCF · F · 16/12 of methane over the decades, geometrically after the first year', () => {
    const k = 0.1;
    const solution = run(
      compileYaml(
        city(
          `gwp: AR5
emissions:
  methane: { kind: landfill, stock: landfilled, doc: 0.15, docf: 0.5, mcf: 1, f: 0.5, k: ${k}, oxidation: 0 }`,
          { horizon: 300, waste: '{ food: { 2020: 1000, 2021: 0, 2319: 0 }, paper: { 2020: 0, 2021: 0, 2319: 0 } }', landfillShare: 1 },
        ),
      ),
    );
    const ch4 = series(solution, 'methane', 'CH4').values;
    const total = ch4.reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1000 * 0.15 * 0.5 * 1 * 0.5 * (16 / 12), 6);
    expect(ch4[0]).toBe(0); // none in the deposit year (M = 13)
    expect(ch4[2 * 4] / ch4[2 * 2]).toBeCloseTo(Math.exp(-2 * k), 12); // food, two items a year
    // The landfill's methane peaks a year after its deposits.
    const deposits = solution.emissions!.landfills[0].deposits;
    expect(deposits.indexOf(Math.max(...deposits))).toBe(0);
  });

  it('run(model) takes recovered methane off what is emitted, oxidises the rest by OX and credits gas used for energy apart', () => {
    const solution = run(
      compileYaml(
        city(
          `gwp: { CH4: 28, N2O: 265 }
emissions:
  methane:
    kind: landfill
    stock: landfilled
    doc: 0.15
    docf: 0.5
    mcf: 1
    f: 0.5
    half_life: 4
    oxidation: 0.1
    recovery: 0.6
    recovery_use: energy
    electricity: 5
    grid_factor: 0.5`,
          { horizon: 10 },
        ),
      ),
    );
    const fill = solution.emissions!.landfills[0];
    for (let i = 0; i < fill.generated.length; i++) {
      expect(fill.recovered[i]).toBeCloseTo(0.6 * fill.generated[i], 12);
      expect(fill.emitted[i]).toBeCloseTo(0.4 * fill.generated[i] * 0.9, 12);
    }
    const credit = solution.emissions!.series.find((s) => s.route === 'methane' && s.kind === 'credit')!;
    expect(credit.values[16]).toBeCloseTo(fill.recovered[16] * 5 * 0.5, 12);
    const totals = co2eTotals(solution.emissions!, solution.years.length);
    totals.net.forEach((net, t) => expect(net).toBeCloseTo(totals.direct[t] - totals.credits[t], 9));
    expect(totals.credits[5]).toBeGreaterThan(0);
  });

  it('run(model) decays deposits made before the horizon into it', () => {
    const solution = run(
      compileYaml(
        city(
          `gwp: AR5
emissions:
  methane:
    kind: landfill
    stock: landfilled
    doc: 0.15
    docf: 0.5
    mcf: 1
    f: 0.5
    k: 0.2
    oxidation: 0
    history: { dims: [stream], values: { food: { 2018: 1000, 2019: 0 }, paper: { 2018: 0, 2019: 0 } } }`,
          { waste: '{ food: { 2020: 0, 2022: 0 }, paper: { 2020: 0, 2022: 0 } }' },
        ),
      ),
    );
    const ch4 = series(solution, 'methane', 'CH4').values;
    // 1000 t of food in 2018: DDOCm 75 t; by 2020 it has decayed through 2019 and decays again in 2020.
    expect(ch4[0]).toBeCloseTo(75 * Math.exp(-0.2) * (1 - Math.exp(-0.2)) * 0.5 * (16 / 12), 10);
    expect(ch4[1]).toBe(0); // paper: nothing deposited
  });

  it('compile(model) loads library tables without negative values as unsigned parameters, so a fit keeps them at 0 or above', () => {
    const model = compileYaml(
      city(
        `libraries:
  ipcc:
    library: ipcc-2006-waste
    tables: [doc, k]
    items: { waste_type: { from: stream, map: { food: food, paper: paper } }, climate: tropical_wet }`,
        { horizon: 4 },
      ),
    );
    const signed = (name: string) => model.definition.parameters.find((parameter) => parameter.name === name)!;
    expect(signed('ipcc_doc')).toMatchObject({ kind: 'value', signed: false });
    expect(signed('ipcc_k')).toMatchObject({ kind: 'value', signed: false });
  });

  it('run(model) takes IPCC defaults from the shipped library as parameters', () => {
    const solution = run(
      compileYaml(
        city(
          `libraries:
  ipcc:
    library: ipcc-2006-waste
    tables: [doc, k]
    items: { waste_type: { from: stream, map: { food: food, paper: paper } }, climate: tropical_wet }
gwp: AR6
emissions:
  methane: { kind: landfill, stock: landfilled, doc: ipcc_doc, docf: 0.5, mcf: 1, f: 0.5, k: ipcc_k, oxidation: 0 }`,
          { horizon: 4 },
        ),
      ),
    );
    const fill = solution.emissions!.landfills[0];
    // Food: DOC 0.15 and k 0.40 in the tropical wet zone (Tables 2.4 and 3.3): 400 t a year deposited.
    expect(fill.generated[2]).toBeCloseTo(400 * 0.15 * 0.5 * 0.5 * (16 / 12) * (1 - Math.exp(-0.4)), 10);
    // AR6 weighs methane of biogenic origin by its non-fossil value.
    expect(solution.emissions!.gwp.CH4).toBe(27);
  });

  it('run(model) gives emissions that scale with the flows: twice the waste, twice the emissions; none, none', () => {
    const routes = `gwp: AR5
emissions:
  n2o: { flow: collection->incineration, gas: N2O, factor: 0.05, unit: kg/t }
  methane: { kind: landfill, stock: landfilled, doc: 0.15, docf: 0.5, mcf: 1, f: 0.5, k: 0.1, oxidation: 0.1 }`;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), (food, paper) => {
        const waste = (scale: number) => `{ food: { 2020: ${food * scale}, 2024: ${food * scale} }, paper: { 2020: ${paper * scale}, 2024: ${paper * scale} } }`;
        const once = run(compileYaml(city(routes, { horizon: 5, waste: waste(1) }))).emissions!;
        const twice = run(compileYaml(city(routes, { horizon: 5, waste: waste(2) }))).emissions!;
        const none = run(compileYaml(city(routes, { horizon: 5, waste: waste(0) }))).emissions!;
        once.series.forEach((entry, s) => {
          entry.co2e.forEach((value, i) => expect(twice.series[s].co2e[i]).toBeCloseTo(2 * value, 6));
          none.series[s].co2e.forEach((value) => expect(value).toBe(0));
        });
      }),
      { numRuns: 30 },
    );
  });
});

describe('emission errors', () => {
  it('compile(model) rejects a factor that is not a mass per mass, naming the route', () => {
    const error = compileFailure(city(`emissions:\n  odd: { flow: collection->landfill, gas: CH4, factor: area }`, { extra: '  area: { unit: m^2, value: 1 }' }));
    expect(error.message).toBe('unit mismatch: factor of route odd is in m^2, not a mass per mass (kg/t, t/t)');
    expect(error.at.path).toBe('emissions.odd.factor');
  });

  it('loadModel(model) rejects a route on a flow that does not exist, with the nearest ids', () => {
    const error = compileFailure(city(`emissions:\n  odd: { flow: collection->landfil, gas: CH4, factor: 0.1 }`));
    expect(error.message).toBe('unknown flow: collection->landfil');
    expect(error.hint).toMatch(/collection->landfill/);
  });

  it('loadModel(model) rejects an unknown gas and lists the gases', () => {
    const error = compileFailure(city(`emissions:\n  odd: { flow: collection->landfill, gas: CO2, factor: 0.1 }`));
    expect(error.message).toMatch(/gas/);
    expect(error.hint).toMatch(/CO2_fossil/);
  });

  it('loadModel(model) rejects first-order decay on a stock that is not an accumulating landfill', () => {
    const text = city(`emissions:\n  m: { kind: landfill, stock: kept, doc: 0.1, docf: 0.5, mcf: 1, f: 0.5, k: 0.1, oxidation: 0 }`).replace(
      'landfilled: { process: landfill, kind: accumulate }',
      'kept: { process: landfill, kind: inflow-driven, lifetime: { fixed: { mean: 5 } } }',
    );
    expect(compileFailure(text).message).toBe('invalid landfill route: stock kept is inflow-driven');
  });
});
