import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carbonSavings } from '../../../engine/analysis/carbonSavings.js';
import { tidyTable } from '../../../engine/analysis/tidyTable.js';
import { compile } from '../../../engine/compile/compileModel.js';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import { run } from '../../../engine/simulate/run.js';
import { comparisonInput, emissionFacts, landfillMethaneInput, savingsWaterfallInput, solutionEmissionsInput, tableRun } from '../../../viz/adapters/index.js';
import { comparisonSvg, emissionsSvg, landfillMethaneSvg, savingsWaterfallSvg } from '../../../viz/index.js';
import { smallSolution } from './fixtures.js';

const definition = loadModel(join(import.meta.dirname, '../../fixtures/carbon/model.yaml'));
const model = compile(definition);
const [statusQuo, trend, zeroWaste] = ['status-quo', 'trend', 'zero-waste'].map((scenario) => run(model, { scenario }));
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, value) => total + value, 0);

describe('solutionEmissionsInput', () => {
  it("solutionEmissionsInput(run) gives each route's CO2e over its items, in the model's order and by its label, the credits apart", () => {
    const input = solutionEmissionsInput(zeroWaste);
    expect(input.routes.map((route) => [route.label, route.direct !== undefined, route.credit !== undefined])).toEqual([
      ['Incineration', true, false],
      ['Electricity from incineration', false, true],
      ['Landfill methane', true, true],
      ['Recycling (primary production avoided)', false, true],
    ]);
    expect(input.unit).toBe('t CO2e/yr');
    expect(input.gwp).toBe('GWP100 AR5');
    expect(input.scenario).toBe('zero-waste');
    // The routes add up to the net, year by year.
    input.years.forEach((_, t) => {
      const routes = input.routes.reduce((total, route) => total + (route.direct?.[t] ?? 0) - (route.credit?.[t] ?? 0), 0);
      expect(routes).toBeCloseTo(input.net[t], 6);
    });
    expect(() => emissionsSvg(input)).not.toThrow();
  });

  it('solutionEmissionsInput(tableRun(tidy table)) gives the same input as the run itself, when the folder recorded its emission facts', () => {
    const saved = tableRun(tidyTable(zeroWaste), { model: zeroWaste.model, scenario: zeroWaste.scenario, status: zeroWaste.status, issues: zeroWaste.issues, unit: zeroWaste.unit, wasteGeneration: undefined, flowLabels: [], emissionFacts: emissionFacts(zeroWaste) });
    expect(solutionEmissionsInput(saved)).toEqual(solutionEmissionsInput(zeroWaste));
  });

  it('solutionEmissionsInput(run without emissions) is an options error that says so', () => {
    expect(() => solutionEmissionsInput(smallSolution())).toThrow('options.solution must have emissions: Small city has no emissions section');
  });
});

describe('savingsWaterfallInput', () => {
  it("savingsWaterfallInput(savings) leads from the baseline's net over the horizon to the scenario's, route by route", () => {
    const input = savingsWaterfallInput(carbonSavings(statusQuo, zeroWaste), statusQuo, zeroWaste);
    const net = (solution: typeof statusQuo) => sum(solution.derived.find((series) => series.kind === 'net-emission')!.values);
    expect(input.baseline).toEqual({ name: 'status-quo', net: net(statusQuo) });
    expect(input.scenario).toEqual({ name: 'zero-waste', net: net(zeroWaste) });
    const saved = input.steps.reduce((total, step) => total + step.scale + step.mix + step.intensity, 0);
    expect(input.baseline.net - saved).toBeCloseTo(input.scenario.net, 3);
    expect(input.steps.map((step) => step.label)).toEqual([
      'Incineration',
      'Landfill methane',
      'Electricity from incineration, credits',
      'Landfill methane, credits',
      'Recycling (primary production avoided), credits',
    ]);
    // A route keeps its colour of the emissions figure: the landfill is the model's third route.
    expect(input.steps[1].color).toBe('#009E73');
    expect(input).toMatchObject({ unit: 't CO2e', period: '2015–2060, total' });
    expect(() => savingsWaterfallSvg(input)).not.toThrow();
  });

  it('savingsWaterfallInput(savings, { period }) takes one year per year, or the mean of a span', () => {
    const savings = carbonSavings(statusQuo, zeroWaste);
    const year = savingsWaterfallInput(savings, statusQuo, zeroWaste, { period: { year: 2040 } });
    expect(year).toMatchObject({ unit: 't CO2e/yr', period: '2040' });
    const t = 2040 - 2015;
    expect(year.steps[0].mix).toBe(savings.routes[0].mix[t]);
    const mean = savingsWaterfallInput(savings, statusQuo, zeroWaste, { period: { from: 2030, to: 2039, aggregate: 'mean' } });
    expect(mean).toMatchObject({ unit: 't CO2e/yr', period: '2030–2039, annual mean' });
    expect(mean.steps[0].scale + mean.steps[0].mix + mean.steps[0].intensity).toBeCloseTo(sum(savings.routes[0].saving.slice(15, 25)) / 10, 6);
  });
});

describe('landfillMethaneInput', () => {
  it("landfillMethaneInput(run) sums a landfill's deposits and methane over items, with the route's colour and what is recovered for", () => {
    const input = landfillMethaneInput(zeroWaste, { routes: definition.emissions!.routes });
    const landfill = zeroWaste.emissions!.landfills[0];
    expect(input.route).toBe('Landfill methane');
    expect(input.color).toBe('#009E73');
    expect(input.recoveryUse).toBe('energy');
    expect(sum(input.deposits)).toBeCloseTo(sum(landfill.deposits), 6);
    expect(sum(input.emitted)).toBeCloseTo(sum(landfill.emitted), 6);
    expect(input.notes).toContain('Deposits of 2010–2014 (before the horizon) decay into it.');
    const figure = landfillMethaneSvg(input);
    // The landfill takes no new waste from 2030: the deposits peak in 2020, the methane two years later and goes on to 2060.
    expect(figure.peaks.deposits).toMatchObject({ status: 'peak', year: 2020 });
    expect(figure.peaks.emitted).toMatchObject({ status: 'peak', year: 2022 });
    expect(input.emitted[input.emitted.length - 1]).toBeGreaterThan(0);
  });

  it('landfillMethaneInput(run, { route }) rejects a route that is no landfill, naming the nearest', () => {
    expect(() => landfillMethaneInput(zeroWaste, { route: 'landfill_methan' })).toThrow("options.route must name a landfill route: unknown landfill route: landfill_methan (did you mean 'landfill_methane'?)");
  });
});

describe('comparisonInput', () => {
  it('comparisonInput(runs) gives the waste generated and every indicator by its label, dimensionless ones in per cent with their targets', () => {
    const input = comparisonInput([statusQuo, trend, zeroWaste], { indicators: definition.indicators, targets: definition.targets, flows: definition.flows });
    expect(input.scenarios).toEqual(['status-quo', 'trend', 'zero-waste']);
    expect(input.panels.map((panel) => [panel.title, panel.unit])).toEqual([
      ['Waste generated', 't/yr'],
      ['Waste per person', 'kg/person/yr'],
      ['Diversion rate', '%'],
      ['Landfill and incineration, change from 2015', '%'],
    ]);
    const diversion = input.panels[2];
    expect(diversion.targets).toEqual([{ year: 2030, comparison: 'at-least', value: 50 }]);
    const indicator = zeroWaste.derived.find((series) => series.kind === 'indicator' && series.id === 'diversion')!;
    expect(diversion.values[2][15]).toBeCloseTo(indicator.values[15] * 100, 12);
    expect(input.panels[3].targets).toEqual([{ year: 2030, comparison: 'at-most', value: -50 }]);
  });

  it('comparisonSvg(comparisonInput(runs)) names the scenarios whose lines are the same, panel by panel', () => {
    const figure = comparisonSvg(comparisonInput([statusQuo, trend, zeroWaste], { indicators: definition.indicators, targets: definition.targets }));
    expect(figure.groups.map((group) => [group.panel, group.scenarios.join(' = '), group.exact])).toEqual([
      ['Waste generated', 'status-quo = trend', true],
      ['Waste per person', 'status-quo = trend', true],
      ['Diversion rate', 'status-quo = trend', true],
      ['Landfill and incineration, change from 2015', 'status-quo = trend', true],
    ]);
    // Notes wrap at spaces and after hyphens.
    const notes = [...figure.svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join(' ').replace(/- /g, '-');
    expect(notes).toContain('status-quo = trend in every panel: the same values.');
  });
});
