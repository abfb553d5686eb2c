import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileProblem, type ReconcileResult } from '../../../engine/reconcile/index.js';
import { constraintGradient, minimiseUnderConstraints, type ConstraintFunction } from './constrainedOptimiser.js';
import { balance, measured, unknown, variable } from './problems.js';
import { kktReconciliation } from './reference.js';

const term = (coefficient: number, ...variables: string[]) => ({ coefficient, variables });

/**
 * A sorting process: input `in` splits into f1 = tc·in (tc a measured transfer coefficient) and
 * f2; a substance with concentration cin in the input goes to c1·f1 and c2·f2 (c1 `unknown` or
 * measured). Measurements deliberately off the balances, so that products of adjusted values
 * matter.
 */
function sorting(c1Measured: boolean): ReconcileProblem {
  return {
    variables: [
      measured('in', 100, 5),
      measured('f1', 35, 2),
      measured('f2', 62, 3),
      measured('tc', 0.3, 0.03),
      measured('cin', 0.05, 0.005),
      c1Measured ? measured('c1', 0.09, 0.01) : unknown('c1', 0.1),
      measured('c2', 0.02, 0.004),
    ],
    constraints: [
      { label: 'mass', terms: [term(1, 'in'), term(-1, 'f1'), term(-1, 'f2')] },
      { label: 'split', terms: [term(1, 'f1'), term(-1, 'tc', 'in')] },
      { label: 'substance', terms: [term(1, 'cin', 'in'), term(-1, 'c1', 'f1'), term(-1, 'c2', 'f2')] },
    ],
  };
}

/** The problem's constraints as plain functions of the vector of all variables, for the optimiser. */
function constraintFunctions(problem: ReconcileProblem): ConstraintFunction[] {
  const index = new Map(problem.variables.map((v, i) => [v.name, i]));
  return problem.constraints.map(
    (constraint) => (v) => constraint.terms.reduce((sum, t) => sum + t.variables.reduce((product, name) => product * v[index.get(name)!], t.coefficient), constraint.constant ?? 0),
  );
}

function crossCheck(problem: ReconcileProblem, result: ReconcileResult): void {
  const count = problem.variables.length;
  const measurements = problem.variables.flatMap((v, index) => (v.measurement ? [{ index, ...v.measurement }] : []));
  const constraints = constraintFunctions(problem);
  const start = problem.variables.map((v) => v.measurement?.value ?? v.initial ?? 1);
  const optimum = minimiseUnderConstraints(count, measurements, constraints, start);
  optimum.forEach((value, i) => expect(result.variables[i].value / value - 1, problem.variables[i].name).toBeCloseTo(0, 8));

  // The covariance of the problem linearised at the optimum: h(v) ≈ h(v*) + J·(v − v*).
  const jacobian = constraints.map((h) => constraintGradient(h, optimum));
  const offsets = constraints.map((h, c) => h(optimum) - jacobian[c].reduce((sum, slope, i) => sum + slope * optimum[i], 0));
  const reference = kktReconciliation(
    jacobian,
    offsets,
    problem.variables.map((v) => v.measurement?.value ?? 0),
    problem.variables.map((v) => v.measurement?.sd ?? Infinity),
  );
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < count; j++) {
      const scale = Math.sqrt(reference.covariance[i][i] * reference.covariance[j][j]);
      expect(Math.abs(result.covariance[i * count + j] - reference.covariance[i][j]) / scale, `${i},${j}`).toBeLessThan(1e-6);
    }
  }
}

describe('reconcile: products of variables', () => {
  it('reconcile(transfer coefficient × flow, concentration × flow, one unknown concentration) matches an augmented-Lagrangian optimiser', () => {
    const problem = sorting(false);
    const result = reconcile(problem);
    expect(result.status).toBe('converged');
    expect(result.iterations).toBeGreaterThan(2);
    expect(variable(result, 'c1').classification).toBe('observable');
    crossCheck(problem, result);
  });

  it('reconcile(every factor measured) matches the optimiser, covariance included', () => {
    const problem = sorting(true);
    const result = reconcile(problem);
    expect(result.status).toBe('converged');
    expect(result.globalTest.degreesOfFreedom).toBe(3);
    crossCheck(problem, result);
  });

  it('reconcile(products) satisfies the nonlinear constraints at the reconciled values', () => {
    const problem = sorting(false);
    const result = reconcile(problem);
    const values = result.variables.map((v) => v.value);
    for (const h of constraintFunctions(problem)) expect(Math.abs(h(values))).toBeLessThan(1e-9);
  });
});

describe('reconcile: when the iterated linearisation fails', () => {
  it('reconcile(products, maxIterations 2) stops at the cap, keeps the last iterate and says so', () => {
    const result = reconcile(sorting(false), { maxIterations: 2 });
    expect(result.status).toBe('not-converged');
    expect(result.iterations).toBe(2);
    expect(Number.isFinite(variable(result, 'in').value)).toBe(true);
    expect(result.message).toContain('did not converge in 2 iterations');
    expect(result.message).toContain('raise maxIterations');
  });

  it('reconcile(x·(x + y) = −1 measured far from it) oscillates and reports not-converged', () => {
    // Feasible (x = 1, y = −2), but from (−3, −1) successive linearisation cycles instead of converging.
    const result = reconcile({
      variables: [measured('x', -3, 1), measured('y', -1, 1)],
      constraints: [{ label: 'product', terms: [term(1, 'x', 'y'), term(1, 'x', 'x')], constant: 1 }],
    });
    expect(result.status).toBe('not-converged');
    expect(result.iterations).toBe(100);
    expect(result.message).toMatch(/^the iterated linearisation did not converge in 100 iterations .*'product' still off by/);
  });

  it('reconcile(x·x + 1 = 0) has no real solution: the linearisation runs out of slope and no values are reported', () => {
    const result = reconcile({ variables: [measured('x', 1, 1)], constraints: [{ label: 'square', terms: [term(1, 'x', 'x')], constant: 1 }] });
    expect(result.status).toBe('not-converged');
    expect(result.conflicts).toEqual([{ constraint: 'square', residual: 1 }]);
    expect(variable(result, 'x').value).toBeNaN();
    expect(result.message).toContain("'square' is off by 1");
  });

  it('reconcile(a product of exact values that does not balance) is inconsistent', () => {
    const result = reconcile({
      variables: [measured('in', 100, 0), measured('tc', 0.3, 0), measured('f1', 35, 0)],
      constraints: [{ label: 'split', terms: [term(1, 'f1'), term(-1, 'tc', 'in')] }],
    });
    expect(result.status).toBe('inconsistent');
    expect(result.conflicts).toEqual([{ constraint: 'split', residual: expect.closeTo(5, 12) }]);
  });
  it('reconcile(concentrations the data leave free) calls them unobservable, even where the iteration drives one to zero', () => {
    // Two inflows a, b and one outflow c: masses measured, the concentration only of a. The
    // substance balance sa + sb = sc leaves sb free, and with it cb, sc and cc; sa = ca·a alone
    // is determined. The free sb stays at 0, cb is driven to about 1e-18, and a row scaled by the
    // inverse of the slope cb once made sc and cc "observable" with sb = 0.
    const result = reconcile({
      variables: [measured('a', 100, 5), measured('b', 50, 3), measured('c', 152, 6), measured('ca', 0.02, 0.002), unknown('sa'), unknown('sb'), unknown('sc'), unknown('cb'), unknown('cc')],
      constraints: [
        balance('goods', ['a', 'b'], ['c']),
        balance('substance', ['sa', 'sb'], ['sc']),
        { label: 'sa', terms: [term(1, 'sa'), term(-1, 'ca', 'a')] },
        { label: 'sb', terms: [term(1, 'sb'), term(-1, 'cb', 'b')] },
        { label: 'sc', terms: [term(1, 'sc'), term(-1, 'cc', 'c')] },
      ],
    });
    expect(result.status).toBe('converged');
    expect(['sb', 'sc', 'cb', 'cc'].map((name) => variable(result, name).classification)).toEqual(['unobservable', 'unobservable', 'unobservable', 'unobservable']);
    expect(variable(result, 'sa').classification).toBe('observable');
    expect(variable(result, 'sa').value).toBeCloseTo(0.02 * variable(result, 'a').value, 12);
  });
});
