import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTargets } from '../../engine/analysis/targets.js';
import { wasteGenerationParts } from '../../engine/analysis/wasteGeneration.js';
import { compile } from '../../engine/compile/compileModel.js';
import { parseCsv } from '../../engine/definition/csv.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import type { ValueParameterDefinition } from '../../engine/definition/types.js';
import { compileObservations } from '../../engine/observations/compileObservations.js';
import { observationFit, type ObservedSeriesFit } from '../../engine/observations/observationFit.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { run } from '../../engine/simulate/run.js';
import { MODELS_DIRECTORY } from '../support/shippedModels.js';

// What models/singapore reproduces of NEA's yearly statistics 2013–2023 (its observations), and what its scenarios,
// targets and carbon accounts say. The figures asserted are those SOURCES.md ("Fit") and the README quote.
const folder = join(MODELS_DIRECTORY, 'singapore');
const definition = loadModel(join(folder, 'model.yaml'));
const model = compile(definition);
const runs = new Map<string, Solution>([...model.scenarios.keys()].map((scenario) => [scenario, run(model, { scenario })]));
const base = run(model);
const fits = observationFit(base, compileObservations(model));
const fitOf = (observation: string, item?: string): ObservedSeriesFit =>
  fits.find((fit) => fit.observation === observation && (item === undefined || fit.items.includes(item)))!;
const CD = 'construction-demolition';
const streams = definition.dimensions.find((dimension) => dimension.name === 'stream')!.items;
const T = (year: number) => year - base.years[0];
const tagged = (tag: string) => new Set(definition.flows.filter((flow) => flow.tags.includes(tag)).map((flow) => flow.id));
const tagTotal = (solution: Solution, tag: string, t: number) =>
  solution.flows.filter((flow) => tagged(tag).has(flow.id)).reduce((sum, flow) => {
    const size = flow.values.length / solution.years.length;
    let total = sum;
    for (let k = 0; k < size; k++) total += flow.values[t * size + k];
    return total;
  }, 0);
/** Bias is "persistent" when every residual has one sign; the tests ask for both signs and a small mean share. */
const signs = (fit: ObservedSeriesFit) => new Set(fit.points.map((point) => Math.sign(point.error)));

describe('models/singapore against NEA 2013–2023', () => {
  it('run(singapore) reproduces NEA\'s waste disposed within 3 % MAPE, with residuals of both signs and |bias| under 1 %', () => {
    const disposed = fitOf('total_disposed');
    expect(disposed.points).toHaveLength(11);
    expect(disposed.mape).toBeLessThan(3);
    expect(Math.abs(disposed.relativeBias)).toBeLessThan(0.01);
    expect(signs(disposed)).toEqual(new Set([-1, 1]));
  });

  it('run(singapore) misses NEA\'s waste generated and recycled by 3.6 % and 6.0 % MAPE (the 3 % asked is not reached: C&D), with residuals of both signs', () => {
    const generated = fitOf('total_generated');
    const recycled = fitOf('total_recycled');
    expect(generated.mape).toBeGreaterThan(3);
    expect(generated.mape).toBeLessThan(3.7);
    expect(recycled.mape).toBeLessThan(6.1);
    expect(Math.abs(generated.relativeBias)).toBeLessThan(0.02);
    expect(Math.abs(recycled.relativeBias)).toBeLessThan(0.032);
    for (const fit of [generated, recycled]) expect(signs(fit)).toEqual(new Set([-1, 1]));
  });

  it('run(singapore) reproduces every stream\'s recycled tonnage within 10 % but construction and demolition (18.3 % MAPE)', () => {
    for (const stream of streams) {
      const fit = fitOf('stream_recycled', stream);
      if (stream === CD) {
        expect(fit.mape).toBeGreaterThan(10);
        expect(fit.mape).toBeLessThan(18.4);
        expect(signs(fit)).toEqual(new Set([-1, 1]));
      } else {
        expect({ stream, mape: fit.mape < 10 }).toEqual({ stream, mape: true });
      }
    }
  });

  it('run(singapore) keeps domestic and non-domestic waste apart: domestic per person, non-domestic per S$ of GDP, as NEA reports them', () => {
    expect(fitOf('domestic_generated').mape).toBeLessThan(0.01);
    expect(fitOf('non_domestic_generated').mape).toBeLessThan(5.9);
    expect(fitOf('non_domestic_recycling_rate').mape).toBeLessThan(2.5);
    expect(fitOf('domestic_recycling_rate').mape).toBeLessThan(0.01);
    // NEA's non-domestic waste without C&D rose 2020→2022 (3.3 → 4.1 Mt) while the domestic fell: the drivers differ.
    const nonDomestic = base.flows.find((flow) => flow.id === 'non_domestic_waste')!;
    const sum = (t: number) => nonDomestic.values.slice(t * streams.length, (t + 1) * streams.length).reduce((a, b) => a + b, 0);
    expect(sum(T(2022))).toBeGreaterThan(1.2 * sum(T(2020)));
  });

  it('run(singapore) holds the equipment stated to be owned in 2013 within 3 % for every product sold', () => {
    const population = Number(readFileSync(join(folder, 'data/population.csv'), 'utf8').match(/^2013,(\d+)/m)![1]);
    const stock = base.stocks.find((entry) => entry.name === 'eee_stock')!;
    const products = definition.dimensions.find((dimension) => dimension.name === 'product')!.items;
    const mass = definition.parameters.find((parameter) => parameter.name === 'eee_unit_mass') as ValueParameterDefinition;
    // derive-data.ts: OWNED_PER_CAPITA, the 2013 column (assumption, SOURCES.md).
    const owned: Record<string, number> = { 'washing-machine': 0.23, fridge: 0.26, 'air-conditioner': 0.5, 'desktop-pc': 0.16, laptop: 0.32, 'mobile-phone': 1.5, 'flat-panel-tv': 0.28 };
    products.forEach((product, k) => {
      if (!(product in owned)) return;
      const unitMass = mass.value[k];
      expect(Math.abs(stock.stock[k] / ((owned[product] * population * unitMass) / 1000) - 1)).toBeLessThan(0.03);
    });
  });

  it('wasteGenerationParts(singapore) counts discarded equipment once, in NEA\'s streams, not again as the stock\'s outflow', () => {
    expect(wasteGenerationParts(base).map((part) => part.id)).toEqual(['domestic_waste', 'non_domestic_waste', 'construction_site_waste', 'demolition_waste']);
  });

  it('the initial building stock of models/singapore has one cohort per year completed, none over 10 % of it', () => {
    const csv = parseCsv(readFileSync(join(folder, 'data/buildings_initial.csv'), 'utf8'), 'buildings_initial.csv');
    const column = csv.header.indexOf(CD);
    const cohorts = csv.rows.map((row) => [Number(row.cells[0]), Number(row.cells[column])] as const);
    const total = cohorts.reduce((sum, [, mass]) => sum + mass, 0);
    expect(new Set(cohorts.map(([year]) => year)).size).toBe(cohorts.length);
    expect(Math.max(...cohorts.map(([, mass]) => mass / total))).toBeLessThan(0.1);
  });

  it('run(singapore) keeps the five pre-1960 cohorts standing to 2060 (within 0.1 %)', () => {
    const stock = run(model, { cohorts: true }).stocks.find((entry) => entry.name === 'building_stock')!;
    const cohorts = stock.cohortYears!.length;
    const cd = streams.indexOf(CD);
    const level = (t: number, c: number) => stock.byCohort![(t * cohorts + c) * streams.length + cd];
    const kept = stock.cohortYears!.flatMap((year, c) => (year < 1960 ? [c] : []));
    expect(kept).toHaveLength(5);
    for (const c of kept) expect(Math.abs(level(T(2060), c) / level(T(2013), c) - 1)).toBeLessThan(0.001);
  });

  it('run(singapore) builds at 2023\'s pace after 2023: construction materials in 2025 equal 2023\'s', () => {
    const materials = base.flows.find((flow) => flow.id === 'construction_materials')!;
    const at = (t: number) => materials.values[t * streams.length + streams.indexOf(CD)];
    expect(at(T(2025)) / at(T(2023))).toBeCloseTo(1, 9);
  });
});

describe('models/singapore scenarios, targets and carbon', () => {
  it('run(singapore, trend) continues non-domestic waste per S$ from its 2023 value, falling and levelling off (damped Holt)', () => {
    const trend = runs.get('trend')!;
    const statusQuo = runs.get('status-quo')!;
    const nonDomestic = (solution: Solution, t: number) => solution.flows.find((flow) => flow.id === 'non_domestic_waste')!.values.slice(t * streams.length, (t + 1) * streams.length).reduce((a, b) => a + b, 0);
    // 2024: the same population and observed GDP in both; the trend's intensity one damped step (2 %) below 2023's held value.
    expect(nonDomestic(trend, T(2024)) / nonDomestic(statusQuo, T(2024))).toBeCloseTo(0.977, 3);
    // Later the damped fall levels off and GDP per person keeps growing: non-domestic waste rises again.
    expect(nonDomestic(trend, T(2060))).toBeGreaterThan(nonDomestic(trend, T(2030)));
  });

  it('run(singapore, zero-waste) prevents waste (10 % less domestic and non-domestic waste than the status quo by 2030, C&D not prevented) and misses ZWMP\'s 70 % overall rate', () => {
    const zeroWaste = runs.get('zero-waste')!;
    const statusQuo = runs.get('status-quo')!;
    const prevented = (solution: Solution) =>
      ['domestic_waste', 'non_domestic_waste'].reduce((sum, id) => sum + solution.flows.find((flow) => flow.id === id)!.values.slice(T(2030) * streams.length, (T(2030) + 1) * streams.length).reduce((a, b) => a + b, 0), 0);
    expect(prevented(zeroWaste) / prevented(statusQuo)).toBeCloseTo(0.9, 6);
    expect(tagTotal(zeroWaste, 'construction_demolition', T(2030))).toBeCloseTo(tagTotal(statusQuo, 'construction_demolition', T(2030)), 0);
    const results = new Map(evaluateTargets(zeroWaste, definition.targets).map((result) => [result.name, result]));
    expect(results.get('zwmp_overall_2030')!.met).toBe(false);
    expect(results.get('zwmp_overall_2030')!.value).toBeCloseTo(0.655, 3);
    expect(results.get('zwmp_domestic_2030')!.met).toBe(true);
    expect(results.get('zwmp_semakau_2030')!.met).toBe(true);
    const statusQuoResults = evaluateTargets(statusQuo, definition.targets);
    expect(statusQuoResults.filter((result) => result.met).map((result) => result.name)).toEqual(['c40_generation_per_person']);
  });

  it('run(singapore) emits 2.18 Mt of fossil CO2 from incineration in 2017, 39 % above MEWR\'s "around 3 %" of 52.5 Mt (IPCC default carbon contents)', () => {
    const incineration = base.emissions!.series.find((series) => series.route === 'incineration' && series.gas === 'CO2_fossil')!;
    const size = incineration.values.length / base.years.length;
    const in2017 = incineration.values.slice(T(2017) * size, (T(2017) + 1) * size).reduce((a, b) => a + b, 0);
    expect(in2017 / 1e6).toBeCloseTo(2.18, 2);
    expect(in2017 / (0.03 * 52.5e6)).toBeCloseTo(1.39, 2);
  });

  it('run(singapore) credits the WTE plants\' electricity at 0.36 MWh per tonne incinerated times EMA\'s grid factor (0.4388 t/MWh in 2013)', () => {
    const credit = base.emissions!.series.find((series) => series.route === 'wte_electricity')!;
    const incinerated = base.emissions!.routeMass.find((mass) => mass.route === 'wte_electricity')!.values[0];
    expect(credit.kind).toBe('credit');
    expect(credit.co2e.reduce((sum, value, i) => (i < credit.co2e.length / base.years.length ? sum + value : sum), 0)).toBeCloseTo(0.36 * 0.4388 * incinerated, 0);
  });
});
