import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileProblem } from '../../../engine/reconcile/index.js';
import { balance, covarianceOf, measured, unknown, variable } from './problems.js';
import { kktReconciliation, textbookReconciliation } from './reference.js';

/**
 * P1: a = b + u     P2: u = c      (u unknown: a, b, c are redundant through a − b − c = 0)
 * P3: d + v = w     (v, w unknown: d is checked by nothing, v and w are undetermined)
 * P4: e = g         (g unknown: determined by e alone, which nothing checks)
 */
const NETWORK: ReconcileProblem = {
  variables: [
    measured('a', 100, 5),
    measured('b', 60, 4),
    unknown('u'),
    measured('c', 45, 3),
    measured('d', 20, 2),
    unknown('v'),
    unknown('w'),
    measured('e', 7, 1),
    unknown('g'),
  ],
  constraints: [balance('P1', ['a'], ['b', 'u']), balance('P2', ['u'], ['c']), balance('P3', ['d', 'v'], ['w']), balance('P4', ['e'], ['g'])],
};

describe('reconcile: a network with unknowns', () => {
  it('reconcile(network) classifies every variable', () => {
    const result = reconcile(NETWORK);
    expect(Object.fromEntries(result.variables.map((v) => [v.name, v.classification]))).toEqual({
      a: 'redundant',
      b: 'redundant',
      u: 'observable',
      c: 'redundant',
      d: 'non-redundant',
      v: 'unobservable',
      w: 'unobservable',
      e: 'non-redundant',
      g: 'observable',
    });
    expect(result.message).toContain('unobservable): v, w');
    expect(result.message).toContain('non-redundant, kept as measured): d, e');
  });

  it('reconcile(network) reconciles the redundant flows by hand: one reduced balance a − b − c = 0', () => {
    const result = reconcile(NETWORK);
    // r = a − b − c = −5, AQAᵀ = 25 + 16 + 9 = 50, x̃ = x − QAᵀ r/50.
    expect(variable(result, 'a').value).toBeCloseTo(100 + (25 * 5) / 50, 12);
    expect(variable(result, 'b').value).toBeCloseTo(60 - (16 * 5) / 50, 12);
    expect(variable(result, 'c').value).toBeCloseTo(45 - (9 * 5) / 50, 12);
    // Q̃ = Q − QAᵀAQ/50.
    expect(variable(result, 'a').sd).toBeCloseTo(Math.sqrt(25 - 625 / 50), 12);
    expect(covarianceOf(result, 'a', 'b')).toBeCloseTo((25 * 16) / 50, 12);
    expect(covarianceOf(result, 'a', 'c')).toBeCloseTo((25 * 9) / 50, 12);
    expect(result.globalTest).toMatchObject({ chiSquare: expect.closeTo(25 / 50, 12), degreesOfFreedom: 1 });
  });

  it('reconcile(network) computes the unknown u = c̃ with its sd and its covariance with the measurements', () => {
    const result = reconcile(NETWORK);
    expect(variable(result, 'u').value).toBeCloseTo(44.1, 12);
    expect(variable(result, 'u').sd).toBeCloseTo(Math.sqrt(9 - 81 / 50), 12);
    expect(covarianceOf(result, 'u', 'c')).toBeCloseTo(9 - 81 / 50, 12);
    expect(covarianceOf(result, 'u', 'a')).toBeCloseTo((9 * 25) / 50, 12);
    expect(covarianceOf(result, 'u', 'b')).toBeCloseTo(-(9 * 16) / 50, 12);
  });

  it('reconcile(network) keeps a non-redundant measurement and its sd, and carries it to the unknown it determines', () => {
    const result = reconcile(NETWORK);
    expect(variable(result, 'd')).toMatchObject({ value: 20, sd: 2, adjustment: 0 });
    expect(variable(result, 'd').normalizedAdjustment).toBeNaN();
    expect(variable(result, 'e')).toMatchObject({ value: 7, sd: 1, adjustment: 0 });
    expect(variable(result, 'g').value).toBeCloseTo(7, 12);
    expect(variable(result, 'g').sd).toBeCloseTo(1, 12);
    expect(covarianceOf(result, 'g', 'e')).toBeCloseTo(1, 12);
    expect(covarianceOf(result, 'g', 'a')).toBe(0);
  });

  it('reconcile(network) gives no value to an unobservable unknown: NaN value, sd and covariance', () => {
    const result = reconcile(NETWORK);
    for (const name of ['v', 'w']) {
      expect(variable(result, name).value).toBeNaN();
      expect(variable(result, name).sd).toBeNaN();
      expect(covarianceOf(result, name, 'a')).toBeNaN();
    }
  });
});

/** A random process network: every process exchanges a flow with the outside, plus random internal flows. */
const networks = fc
  .integer({ min: 2, max: 5 })
  .chain((processes) =>
    fc.record({
      processes: fc.constant(processes),
      boundary: fc.array(fc.boolean(), { minLength: processes, maxLength: processes }),
      internal: fc.array(fc.tuple(fc.nat(processes - 1), fc.nat(processes - 1)), { maxLength: 6 }),
      values: fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }),
      sds: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 12, maxLength: 12 }),
      unknowns: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    }),
  )
  .map(({ processes, boundary, internal, values, sds, unknowns }) => {
    const flows: [number, number][] = boundary.map((incoming, p) => (incoming ? [-1, p] : [p, -1]));
    for (const [from, to] of internal) if (from !== to && flows.length < 12) flows.push([from, to]);
    // A: one row per process balance, +1 for an inflow, −1 for an outflow.
    const incidence = Array.from({ length: processes }, (_, p) => flows.map(([from, to]) => (to === p ? 1 : 0) - (from === p ? 1 : 0)));
    return { flows, incidence, values: values.slice(0, flows.length), sds: sds.slice(0, flows.length), unknowns: unknowns.slice(0, flows.length) };
  });

function networkProblem(network: { flows: [number, number][]; incidence: number[][]; values: number[]; sds: number[] }, isUnknown: (f: number) => boolean): ReconcileProblem {
  return {
    variables: network.flows.map((_, f) => (isUnknown(f) ? unknown(`f${f}`) : measured(`f${f}`, network.values[f], network.sds[f]))),
    constraints: network.incidence.map((row, p) => ({
      label: `P${p}`,
      terms: row.flatMap((coefficient, f) => (coefficient === 0 ? [] : [{ coefficient, variables: [`f${f}`] }])),
    })),
  };
}

describe('reconcile: random networks against the textbook formulae', () => {
  it('reconcile(all measured) equals x − QAᵀ(AQAᵀ)⁻¹(Ax + c), Q − QAᵀ(AQAᵀ)⁻¹AQ and rᵀ(AQAᵀ)⁻¹r', () => {
    fc.assert(
      fc.property(networks, (network) => {
        const result = reconcile(networkProblem(network, () => false));
        const reference = textbookReconciliation(network.incidence, network.sds, network.values, network.incidence.map(() => 0));
        const scale = Math.max(...network.values);
        result.variables.forEach((v, i) => expect(Math.abs(v.value - reference.values[i])).toBeLessThan(1e-10 * scale));
        const count = result.variables.length;
        for (let i = 0; i < count; i++) {
          for (let j = 0; j < count; j++) expect(Math.abs(result.covariance[i * count + j] - reference.covariance[i][j])).toBeLessThan(1e-10 * 100);
        }
        expect(result.globalTest.chiSquare / reference.chiSquare - 1).toBeCloseTo(0, 10);
        expect(result.globalTest.degreesOfFreedom).toBe(network.incidence.length);
      }),
      { numRuns: 60 },
    );
  });

  it('reconcile(with unknowns) equals the solution of the optimality (KKT) system, covariance included', () => {
    fc.assert(
      fc.property(networks, (network) => {
        const result = reconcile(networkProblem(network, (f) => network.unknowns[f]));
        fc.pre(result.variables.every((v) => v.classification !== 'unobservable'));
        const reference = kktReconciliation(
          network.incidence,
          network.incidence.map(() => 0),
          network.values.map((value, f) => (network.unknowns[f] ? 0 : value)),
          network.sds.map((sd, f) => (network.unknowns[f] ? Infinity : sd)),
        );
        const scale = Math.max(...network.values);
        result.variables.forEach((v, i) => expect(Math.abs(v.value - reference.values[i])).toBeLessThan(1e-9 * scale));
        const count = result.variables.length;
        for (let i = 0; i < count; i++) {
          for (let j = 0; j < count; j++) expect(Math.abs(result.covariance[i * count + j] - reference.covariance[i][j])).toBeLessThan(1e-8 * 100);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reconcile(network) satisfies every balance and never increases a variance', () => {
    fc.assert(
      fc.property(networks, (network) => {
        const problem = networkProblem(network, (f) => network.unknowns[f]);
        const result = reconcile(problem);
        const value = (name: string) => result.variables.find((v) => v.name === name)!.value;
        const scale = Math.max(...network.values);
        for (const constraint of problem.constraints) {
          const values = constraint.terms.map((term) => term.coefficient * value(term.variables[0]));
          if (values.some(Number.isNaN)) continue;
          expect(Math.abs(values.reduce((sum, v) => sum + v, 0))).toBeLessThanOrEqual(1e-12 * scale);
        }
        for (const v of result.variables) if (v.role === 'measured') expect(v.sd).toBeLessThanOrEqual(v.measuredSd * (1 + 1e-12));
      }),
      { numRuns: 100 },
    );
  });

  it('reconcile(network in other units) classifies, adjusts and tests the same: each variable in a unit of its own, 10^±8', () => {
    fc.assert(
      fc.property(networks, fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 12, maxLength: 12 }), (network, exponents) => {
        const problem = networkProblem(network, (f) => network.unknowns[f]);
        const units = exponents.map((e) => 10 ** e);
        // x' = k·x with sd' = k·sd and coefficient' = coefficient/k: the same problem in other units.
        const scaled: ReconcileProblem = {
          variables: problem.variables.map((v, f) => (v.measurement ? measured(v.name, v.measurement.value * units[f], v.measurement.sd * units[f]) : v)),
          constraints: problem.constraints.map((c) => ({ ...c, terms: c.terms.map((t) => ({ ...t, coefficient: t.coefficient / units[Number(t.variables[0].slice(1))] })) })),
        };
        const [original, other] = [reconcile(problem), reconcile(scaled)];
        expect(other.variables.map((v) => v.classification)).toEqual(original.variables.map((v) => v.classification));
        other.variables.forEach((v, f) => {
          if (Number.isNaN(original.variables[f].value)) return;
          expect(v.value / units[f] - original.variables[f].value).toBeCloseTo(0, 6);
          if (!Number.isNaN(original.variables[f].normalizedAdjustment)) expect(v.normalizedAdjustment).toBeCloseTo(original.variables[f].normalizedAdjustment, 6);
        });
        expect(other.globalTest.degreesOfFreedom).toBe(original.globalTest.degreesOfFreedom);
        expect(other.globalTest.chiSquare).toBeCloseTo(original.globalTest.chiSquare, 6);
      }),
      { numRuns: 100 },
    );
  });
});
