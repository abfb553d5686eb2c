import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile/compileModel.js';
import { compileObservations } from '../../../engine/observations/compileObservations.js';
import { modelValues } from '../../../engine/observations/modelValues.js';
import { observationFit } from '../../../engine/observations/observationFit.js';
import { run } from '../../../engine/simulate/run.js';
import { load, modelError } from '../definition/loadHelpers.js';

const MODEL = `metabolis: 1
name: observed
time: { start: 2020, end: 2023 }
unit: kt
dimensions:
  material: [paper, plastic]
  region: [north, south]
drivers:
  waste: { unit: kt/yr, dims: [material], values: { paper: { 2020: 60, 2023: 90 }, plastic: { 2020: 40, 2023: 40 } } }
processes: [collection, sorting, landfill]
flows:
  - { id: collected, from: outside, to: collection, value: waste }
  - { id: separate, from: collection, to: sorting, share: 0.5 }
  - { id: residual, from: collection, to: landfill, share: rest }
  - { id: recovered, from: sorting, to: outside, share: 0.8 }
  - { id: residue, from: sorting, to: landfill, share: rest }
stocks:
  landfilled: { process: landfill, kind: accumulate }
observations:
`;
const compiled = (observations: string) => {
  const model = compile(load(MODEL + observations));
  return { model, observations: compileObservations(model) };
};

describe('compileObservations(model)', () => {
  it('compileObservations(model) converts values and sds into the model units: t/yr and kg/d into kt/yr, t into kt', () => {
    const { observations } = compiled(`  tonnes: { flow: collected, unit: t/yr, values: { 2020: 100000 }, sd: 5000 }
  daily: { flow: collected, unit: kg/d, values: { 2020: 273785 }, sd: 0 }
  level: { stock: landfilled, unit: t, values: { 2021: 120000 }, sd: 1000 }
`);
    expect(observations.map((observation) => observation.unit)).toEqual(['kt/yr', 'kt/yr', 'kt']);
    expect(observations[0].points.value[0]).toBeCloseTo(100, 10);
    expect(observations[0].points.sd[0]).toBeCloseTo(5, 10);
    // 273,785 kg a day over a Julian year of 365.25 days.
    expect(observations[1].points.value[0]).toBeCloseTo((273785 * 365.25) / 1e6, 10);
    expect(observations[2].points.value[0]).toBeCloseTo(120, 10);
    expect(observations[2].points.t[0]).toBe(1);
  });

  it('compileObservations(model) rejects a unit of another kind: a mass for a flow, a rate for a stock, a length for either', () => {
    const flow = modelError(() => compiled('  a: { flow: collected, unit: t, values: { 2020: 1 }, sd: 1 }\n'));
    expect(flow.message).toBe('unit mismatch: observation a is in t, not a mass per time, such as t/yr or kg/d');
    expect(flow.at).toMatchObject({ path: 'observations.a.unit', line: 20 });
    expect(modelError(() => compiled('  a: { stock: landfilled, unit: t/yr, values: { 2020: 1 }, sd: 1 }\n')).message).toBe('unit mismatch: observation a is in t/yr, not a mass, such as t or kt');
    expect(modelError(() => compiled('  a: { flow: collected, unit: m/yr, values: { 2020: 1 }, sd: 1 }\n')).message).toMatch(/^unit mismatch/);
    expect(modelError(() => compiled('  a: { flow: collected, unit: tonnes per year, values: { 2020: 1 }, sd: 1 }\n')).message).toBe('invalid unit: tonnes per year');
  });

  it('compileObservations(model) ties each value to the cells it sums: items fixed, items given, all items of every flow of a sum', () => {
    const { observations } = compiled(`  paper: { flow: collected, item: paper, values: { 2020: 60 }, sd: 1 }
  by_material: { flow: residual, dims: [material], values: { plastic: { 2020: 20 } }, sd: 1 }
  landfilled: { sum: [residual, residue], values: { 2020: 58 }, sd: 1 }
  yield: { share: recovered, item: { material: plastic }, values: { 2020: 0.8 }, sd: 0.1 }
`);
    const [paper, byMaterial, landfilled, share] = observations;
    expect(paper.groups).toEqual([{ items: [], cells: [{ series: 'flow', index: 0, item: 0 }], denominator: [] }]);
    expect(byMaterial.groups.map((group) => group.items)).toEqual([['paper'], ['plastic']]);
    expect(byMaterial.groups[1].cells).toEqual([{ series: 'flow', index: 2, item: 1 }]);
    expect(landfilled.groups[0].cells).toHaveLength(4);
    expect(share.groups[0].cells).toEqual([{ series: 'flow', index: 3, item: 1 }]);
    expect(share.groups[0].denominator).toEqual([
      { series: 'flow', index: 3, item: 1 },
      { series: 'flow', index: 4, item: 1 },
    ]);
  });

  it('compileObservations(model) rejects items and dims that the observed flow does not have', () => {
    expect(modelError(() => compiled('  a: { flow: collected, item: north, values: { 2020: 1 }, sd: 1 }\n')).message).toBe('invalid item: flow collected has no dimension with the item north');
    expect(modelError(() => compiled('  a: { flow: collected, item: { region: north }, values: { 2020: 1 }, sd: 1 }\n')).message).toBe('invalid item: flow collected has no dimension region');
    const dims = modelError(() => compiled('  a: { flow: collected, dims: [region], values: { north: { 2020: 1 } }, sd: 1 }\n'));
    expect(dims.message).toBe('invalid dims: flow collected has no dimension region');
    expect(dims.hint).toMatch(/over material/);
  });

  it('modelValues(solution, observation) reads flows, sums, stock levels and changes, and shares from a run; observationFit gives error, MAPE and bias', () => {
    const { model, observations } = compiled(`  collected: { flow: collected, values: { 2020: 110, 2023: 120 }, cv: 0.1 }
  plastic_landfilled: { sum: [residual, residue], item: plastic, values: { 2020: 24 }, sd: 1 }
  level: { stock: landfilled, values: { 2021: 100 }, sd: 10 }
  change: { stock: landfilled, measure: change, values: { 2021: 60 }, sd: 10 }
  yield: { share: recovered, values: { 2022: 0.8 }, sd: 0.1 }
`);
    const solution = run(model);
    const values = observations.map((observation) => [...modelValues(solution, observation)]);
    // Collected: 100 kt in 2020, 130 in 2023; plastic landfilled 40·(0.5 + 0.5·0.2) = 24; the
    // landfill keeps 0.6 of what is collected: 60 in 2020 and 2021 (paper 70 in 2021).
    expect(values[0]).toEqual([100, 130]);
    expect(values[1][0]).toBeCloseTo(24, 12);
    expect(values[2][0]).toBeCloseTo(0.6 * 100 + 0.6 * 110, 10);
    expect(values[3][0]).toBeCloseTo(0.6 * 110, 10);
    expect(values[4][0]).toBeCloseTo(0.8, 12);
    const [collected] = observationFit(solution, observations);
    expect(collected.points.map((point) => point.error)).toEqual([-10, 10]);
    expect(collected.points[0].relativeError).toBeCloseTo(-10 / 110, 12);
    expect(collected.mape).toBeCloseTo((100 * (10 / 110 + 10 / 120)) / 2, 10);
    expect(collected.bias).toBe(0);
    expect(collected.chiSquare).toBeCloseTo((10 / 11) ** 2 + (10 / 12) ** 2, 10);
  });
});
