import { describe, expect, it } from 'vitest';
import { compileObservations } from '../../../engine/observations/compileObservations.js';
import { reconcileModel, type ModelReconciliation } from '../../../engine/observations/reconcileModel.js';
import type { ReconciledVariable } from '../../../engine/reconcile/index.js';
import { run } from '../../../engine/simulate/run.js';
import { compileYaml } from '../../support/modelFromYaml.js';
import { constraintGradient, minimiseUnderConstraints, type ConstraintFunction } from '../reconcile/constrainedOptimiser.js';
import { kktReconciliation, textbookReconciliation } from '../reconcile/reference.js';

/** A model of `body` over 2020–2022 in t, reconciled (with its base run as the starting point). */
function reconciled(body: string, years?: number[]): ModelReconciliation {
  const model = compileYaml(`metabolis: 1\nname: reconciled\ntime: { start: 2020, end: 2022 }\nunit: t\n${body}`);
  return reconcileModel(model, compileObservations(model), { years, initial: run(model) });
}

function variable(reconciliation: ModelReconciliation, name: string, year = 0): ReconciledVariable {
  const found = reconciliation.results[year].variables.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no variable ${name}`);
  return found;
}

function covariance(reconciliation: ModelReconciliation, a: string, b: string, year = 0): number {
  const result = reconciliation.results[year];
  const n = result.variables.length;
  const index = (name: string) => result.variables.findIndex((candidate) => candidate.name === name);
  return result.covariance[index(a) * n + index(b)];
}

/** P(|Z| ≥ z) for a standard normal Z, by Simpson's rule on the density (independent of the kernel's gamma function). */
function twoSidedNormalTail(z: number): number {
  const steps = 2000;
  const h = z / steps;
  const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let sum = density(0) + density(z);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * density(i * h);
  return 1 - 2 * ((sum * h) / 3);
}

const ONE_PROCESS = `processes: [p]
flows:
  - { id: a, from: outside, to: p, value: 100 }
  - { id: b, from: p, to: outside, share: 1 }
`;

describe('reconcileModel(model with observations): cases solved by hand', () => {
  it('reconcileModel(one process, two flows measured with equal sd) gives their mean, sd σ/√2, full covariance σ²/2, χ² and p by hand, and one suspect group', () => {
    const result = reconciled(`${ONE_PROCESS}observations:
  a_measured: { flow: a, values: { 2020: 100 }, sd: 3 }
  b_measured: { flow: b, values: { 2020: 110 }, sd: 3 }
`);
    for (const name of ['a', 'b']) {
      expect(variable(result, name).value).toBeCloseTo(105, 10);
      expect(variable(result, name).sd).toBeCloseTo(3 / Math.SQRT2, 10);
      expect(variable(result, name).classification).toBe('redundant');
    }
    for (const [x, y] of [['a', 'a'], ['a', 'b'], ['b', 'b']]) expect(covariance(result, x, y)).toBeCloseTo(4.5, 10);
    const test = result.results[0].globalTest;
    expect(test.chiSquare).toBeCloseTo(100 / 18, 10);
    expect(test.degreesOfFreedom).toBe(1);
    // χ²₁ is Z²: P(χ²₁ ≥ 100/18) = P(|Z| ≥ 10/√18).
    expect(test.pValue).toBeCloseTo(twoSidedNormalTail(10 / Math.sqrt(18)), 8);
    expect(variable(result, 'a').normalizedAdjustment).toBeCloseTo(5 / Math.sqrt(9 - 4.5), 10);
    expect(result.results[0].measurementTest.suspects.map((suspect) => suspect.variables)).toEqual([['a', 'b']]);
    expect(result.system.problems[0].variables.map((info) => info.observation)).toEqual(['a_measured', 'b_measured']);
  });

  it('reconcileModel(one process, two flows with unequal sd) gives the inverse-variance weighted mean and its variance', () => {
    const result = reconciled(`${ONE_PROCESS}observations:
  a_measured: { flow: a, values: { 2020: 100 }, sd: 3 }
  b_measured: { flow: b, values: { 2020: 110 }, sd: 4 }
`);
    const weights = [1 / 9, 1 / 16];
    const mean = (100 * weights[0] + 110 * weights[1]) / (weights[0] + weights[1]);
    const variance = 1 / (weights[0] + weights[1]);
    expect(variable(result, 'a').value).toBeCloseTo(mean, 10);
    expect(variable(result, 'b').value).toBeCloseTo(mean, 10);
    expect(variable(result, 'a').sd ** 2).toBeCloseTo(variance, 10);
    expect(covariance(result, 'a', 'b')).toBeCloseTo(variance, 10);
    expect(result.results[0].globalTest.chiSquare).toBeCloseTo(100 / 25, 10);
  });

  it('reconcileModel(network with a redundant pair, a non-redundant flow, an unmeasured flow and an unobservable loop) classifies each, with values, sds and covariances by hand', () => {
    const result = reconciled(`processes: [p, q, r]
flows:
  - { id: a, from: outside, to: p, value: 100 }
  - { id: b, from: p, to: q, share: 0.7 }
  - { id: u, from: p, to: outside, share: rest }
  - { id: c, from: q, to: outside, share: 1 }
  - { id: d, from: outside, to: r, value: 5 }
  - { id: e, from: r, to: outside, share: 1 }
observations:
  a_measured: { flow: a, values: { 2020: 100 }, sd: 5 }
  b_measured: { flow: b, values: { 2020: 70 }, sd: 4 }
  c_measured: { flow: c, values: { 2020: 75 }, sd: 3 }
`);
    const variance = 1 / (1 / 16 + 1 / 9);
    const mean = variance * (70 / 16 + 75 / 9);
    expect(variable(result, 'b')).toMatchObject({ classification: 'redundant' });
    expect(variable(result, 'b').value).toBeCloseTo(mean, 10);
    expect(variable(result, 'c').value).toBeCloseTo(mean, 10);
    expect(variable(result, 'a')).toMatchObject({ classification: 'non-redundant', value: 100, sd: 5, adjustment: 0 });
    expect(variable(result, 'u').classification).toBe('observable');
    expect(variable(result, 'u').value).toBeCloseTo(100 - mean, 10);
    expect(variable(result, 'u').sd ** 2).toBeCloseTo(25 + variance, 10);
    expect(covariance(result, 'u', 'b')).toBeCloseTo(-variance, 10);
    expect(covariance(result, 'u', 'a')).toBeCloseTo(25, 10);
    expect(covariance(result, 'a', 'b')).toBeCloseTo(0, 12);
    for (const name of ['d', 'e']) {
      expect(variable(result, name).classification).toBe('unobservable');
      expect(variable(result, name).value).toBeNaN();
    }
    expect(result.results[0].globalTest).toMatchObject({ degreesOfFreedom: 1 });
    expect(result.results[0].globalTest.chiSquare).toBeCloseTo(25 / 25, 10);
  });

  it('reconcileModel(one flow 10 sd off) points at that flow alone, with the statistic of the textbook formula, and fails the global test', () => {
    const result = reconciled(`processes: [p, q]
flows:
  - { id: a, from: outside, to: p, value: 100 }
  - { id: b, from: p, to: q, share: 0.6 }
  - { id: c, from: p, to: outside, share: rest }
  - { id: d, from: q, to: outside, share: 1 }
observations:
  a_measured: { flow: a, values: { 2020: 100 }, sd: 1 }
  b_measured: { flow: b, values: { 2020: 60 }, sd: 1 }
  c_measured: { flow: c, values: { 2020: 40 }, sd: 1 }
  d_measured: { flow: d, values: { 2020: 70 }, sd: 1 }
`);
    // Variables a, b, c, d: balances a − b − c = 0, b − d = 0.
    const reference = textbookReconciliation([[1, -1, -1, 0], [0, 1, 0, -1]], [1, 1, 1, 1], [100, 60, 40, 70], [0, 0]);
    const dIndex = 3;
    const expected = (reference.values[dIndex] - 70) / Math.sqrt(1 - reference.covariance[dIndex][dIndex]);
    const [first] = result.results[0].measurementTest.suspects;
    expect(first.variables).toEqual(['d']);
    expect(first.statistic).toBeCloseTo(Math.abs(expected), 8);
    expect(result.results[0].globalTest.passed).toBe(false);
    expect(result.results[0].globalTest.chiSquare).toBeCloseTo(reference.chiSquare, 8);
  });

  it('reconcileModel(a transfer coefficient × the flows out of sorting, residue unmeasured) matches a general constrained optimiser, covariance included', () => {
    const result = reconciled(`processes: [sorting]
flows:
  - { id: input, from: outside, to: sorting, value: 100 }
  - { id: recovered, from: sorting, to: outside, share: 0.7 }
  - { id: residue, from: sorting, to: outside, share: rest }
observations:
  input_measured: { flow: input, values: { 2020: 100 }, sd: 5 }
  recovered_measured: { flow: recovered, values: { 2020: 62 }, sd: 3 }
  recovery: { share: recovered, values: { 2020: 0.7 }, sd: 0.03 }
`);
    expect(result.results[0].status).toBe('converged');
    expect(result.results[0].iterations).toBeGreaterThan(1);
    // By hand: v = [input, recovered, residue, τ]; input − recovered − residue = 0 and recovered − τ·(recovered + residue) = 0.
    const constraints: ConstraintFunction[] = [(v) => v[0] - v[1] - v[2], (v) => v[1] - v[3] * (v[1] + v[2])];
    const measurements = [
      { index: 0, value: 100, sd: 5 },
      { index: 1, value: 62, sd: 3 },
      { index: 3, value: 0.7, sd: 0.03 },
    ];
    const optimum = minimiseUnderConstraints(4, measurements, constraints, [100, 62, 38, 0.7]);
    const names = ['input', 'recovered', 'residue', 'observation recovery'];
    names.forEach((name, i) => expect(variable(result, name).value / optimum[i] - 1, name).toBeCloseTo(0, 8));
    const jacobian = constraints.map((h) => constraintGradient(h, optimum));
    const offsets = constraints.map((h, c) => h(optimum) - jacobian[c].reduce((sum, slope, i) => sum + slope * optimum[i], 0));
    const reference = kktReconciliation(jacobian, offsets, [100, 62, 0, 0.7], [5, 3, Infinity, 0.03]);
    names.forEach((a, i) =>
      names.forEach((b, j) => {
        const scale = Math.sqrt(reference.covariance[i][i] * reference.covariance[j][j]);
        expect(Math.abs(covariance(result, a, b) - reference.covariance[i][j]) / scale, `${a}, ${b}`).toBeLessThan(1e-6);
      }),
    );
  });

  it('reconcileModel(two exact measurements that contradict each other) is inconsistent and names the balance', () => {
    const result = reconciled(`${ONE_PROCESS}observations:
  a_measured: { flow: a, values: { 2020: 100 }, sd: 0 }
  b_measured: { flow: b, values: { 2020: 110 }, sd: 0 }
`);
    expect(result.results[0].status).toBe('inconsistent');
    expect(result.results[0].message).toMatch(/balance of p/);
    expect(result.results[0].conflicts.map((conflict) => conflict.constraint)).toEqual(['balance of p']);
  });

  it('reconcileModel(stock levels in consecutive years) measures the change between them, sd √(sd₁² + sd₂²), and names a level without the year before', () => {
    const result = reconciled(`processes: [landfill]
flows:
  - { id: deposits, from: outside, to: landfill, value: 50 }
stocks:
  landfilled: { process: landfill, kind: accumulate }
observations:
  deposits_measured: { flow: deposits, values: { 2021: 48, 2022: 50 }, sd: 2 }
  level: { stock: landfilled, values: { 2020: 1000, 2021: 1055, 2022: 1100 }, sd: 3 }
`);
    expect(result.system.problems.map((problem) => problem.year)).toEqual([2020, 2021, 2022]);
    expect(result.system.unused).toEqual([{ observation: 'level', year: 2020, item: '' }]);
    const change = variable(result, 'Δ landfilled', 1);
    expect(change.measured).toBe(55);
    expect(change.measuredSd).toBeCloseTo(3 * Math.SQRT2, 12);
    // deposits = change: the weighted mean of 48 ± 2 and 55 ± √18.
    const weights = [1 / 4, 1 / 18];
    expect(change.value).toBeCloseTo((48 * weights[0] + 55 * weights[1]) / (weights[0] + weights[1]), 10);
    expect(result.results[0].variables.every((entry) => entry.role === 'unknown')).toBe(true);
  });

  it('reconcileModel(items, a total and one item observed) ties the total to the sum of its items and determines the other item', () => {
    const result = reconciled(`dimensions:
  material: [paper, plastic]
drivers:
  waste: { unit: t/yr, dims: [material], values: { paper: { 2020: 60, 2022: 60 }, plastic: { 2020: 40, 2022: 40 } } }
processes: [collection]
flows:
  - { id: collected, from: outside, to: collection, value: waste }
  - { id: treated, from: collection, to: outside, share: 1 }
observations:
  collected_total: { flow: collected, values: { 2020: 100 }, sd: 4 }
  treated_total: { flow: treated, values: { 2020: 104 }, sd: 3 }
  paper_treated: { flow: treated, item: paper, values: { 2020: 62 }, sd: 2 }
`);
    const total = variable(result, 'observation collected_total');
    expect(total.value).toBeCloseTo(variable(result, 'collected[paper]').value + variable(result, 'collected[plastic]').value, 9);
    expect(total.value).toBeCloseTo(variable(result, 'observation treated_total').value, 9);
    expect(total.value).toBeCloseTo((100 / 16 + 104 / 9) / (1 / 16 + 1 / 9), 9);
    expect(variable(result, 'treated[paper]')).toMatchObject({ classification: 'non-redundant', value: 62 });
    expect(variable(result, 'collected[plastic]').value).toBeCloseTo(total.value - 62, 9);
    expect(variable(result, 'collected[plastic]').classification).toBe('observable');
  });
});
