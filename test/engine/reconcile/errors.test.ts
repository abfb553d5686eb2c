import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { reconcile, type ReconcileProblem, type ReconcileProblemError } from '../../../engine/reconcile/index.js';
import { balance, measured, unknown, variable } from './problems.js';

/** reconcile(problem) throws a ReconcileProblemError with these fields. */
function expectProblemError(problem: ReconcileProblem, fields: Partial<Pick<ReconcileProblemError, 'message' | 'path' | 'hint'>>): void {
  expect(() => reconcile(problem)).toThrow(expect.objectContaining({ name: 'ReconcileProblemError', ...fields }));
}

const TWO_FLOWS = [measured('in', 100, 3), measured('out', 104, 4)];

describe('reconcile: problems that cannot be posed throw ReconcileProblemError', () => {
  it('reconcile(no variables) and reconcile(no constraints) throw', () => {
    expectProblemError({ variables: [], constraints: [] }, { message: 'reconciliation problem has no variables', path: 'variables' });
    expectProblemError({ variables: TWO_FLOWS, constraints: [] }, { message: 'reconciliation problem has no constraints', path: 'constraints' });
  });

  it('reconcile(a constraint naming no variable) throws with its path', () => {
    expectProblemError({ variables: TWO_FLOWS, constraints: [{ label: 'P', terms: [], constant: 3 }] }, { message: "constraint 'P' names no variable", path: 'constraints[0].terms' });
    expectProblemError(
      { variables: TWO_FLOWS, constraints: [{ label: 'P', terms: [{ coefficient: 2, variables: [] }] }] },
      { message: "constraint 'P' has a term with no variable", path: 'constraints[0].terms[0].variables' },
    );
  });

  it('reconcile(a NaN, negative or infinite sd) throws naming the variable', () => {
    for (const sd of [NaN, -1, Infinity]) {
      expectProblemError(
        { variables: [TWO_FLOWS[0], measured('out', 104, sd)], constraints: [balance('P', ['in'], ['out'])] },
        { message: `invalid standard deviation of out: ${sd}`, path: 'variables[1].measurement.sd', hint: expect.stringContaining('0 for an exact value') },
      );
    }
  });

  it('reconcile(a NaN value, coefficient or constant) throws with its path', () => {
    expectProblemError({ variables: [measured('in', NaN, 1), TWO_FLOWS[1]], constraints: [balance('P', ['in'], ['out'])] }, { path: 'variables[0].measurement.value' });
    expectProblemError({ variables: TWO_FLOWS, constraints: [{ label: 'P', terms: [{ coefficient: NaN, variables: ['in'] }] }] }, { path: 'constraints[0].terms[0].coefficient' });
    expectProblemError({ variables: TWO_FLOWS, constraints: [balance('P', ['in'], ['out'], Infinity)] }, { path: 'constraints[0].constant' });
  });

  it('reconcile(an unknown or duplicate variable name) throws with the nearest names', () => {
    expectProblemError(
      { variables: TWO_FLOWS, constraints: [balance('P', ['in'], ['outt'])] },
      { message: 'unknown variable: outt', path: 'constraints[0].terms[1].variables[0]', hint: "did you mean 'out', 'in'?" },
    );
    expectProblemError({ variables: [...TWO_FLOWS, unknown('in')], constraints: [balance('P', ['in'], ['out'])] }, { message: 'duplicate variable: in', path: 'variables[2].name' });
  });

  it('reconcile(bad options) throws OptionsError naming the option', () => {
    const problem = { variables: TWO_FLOWS, constraints: [balance('P', ['in'], ['out'])] };
    expect(() => reconcile(problem, { maxIterations: 0 })).toThrow(new OptionsError('maxIterations', 'must be a positive integer (got 0)'));
    expect(() => reconcile(problem, { significance: 1.5 })).toThrow(OptionsError);
    expect(() => reconcile(problem, { tolerance: NaN })).toThrow(OptionsError);
  });
});

describe('reconcile: contradictions are a status, not NaN', () => {
  it('reconcile(two exact measurements that conflict) is inconsistent and names them and the balance', () => {
    const result = reconcile({ variables: [measured('in', 10, 0), measured('out', 12, 0)], constraints: [balance('P', ['in'], ['out'])] });
    expect(result.status).toBe('inconsistent');
    expect(result.conflicts).toEqual([{ constraint: 'P', residual: -2 }]);
    expect(result.message).toBe(
      "the constraints cannot all hold: 'P' is off by -2, and nothing that reconciliation may adjust can take it up; check the exact values (sd 0) in, out and the constants in it, or give a measurement there an sd > 0",
    );
    expect(variable(result, 'in').value).toBeNaN();
    expect(result.globalTest.passed).toBe(false);
  });

  it('reconcile(exact values that conflict through an unknown) is inconsistent', () => {
    // a = u and u = b with a ≠ b exact: eliminating u leaves a − b = 0, which cannot hold.
    const result = reconcile({
      variables: [measured('a', 10, 0), unknown('u'), measured('b', 12, 0), measured('c', 5, 1)],
      constraints: [balance('P1', ['a'], ['u']), balance('P2', ['u'], ['b']), balance('P3', ['c'], [], -5)],
    });
    expect(result.status).toBe('inconsistent');
    expect(result.conflicts.map(({ constraint }) => constraint)).toEqual(['P1', 'P2']);
  });

  it('reconcile(exact measurements that agree) converges with no degrees of freedom', () => {
    const result = reconcile({ variables: [measured('in', 10, 0), measured('out', 10, 0)], constraints: [balance('P', ['in'], ['out'])] });
    expect(result.status).toBe('converged');
    expect(result.globalTest.degreesOfFreedom).toBe(0);
  });

  it('reconcile(a flow reconciled below its lower bound) reports the violation without enforcing it', () => {
    // in = out + loss with loss measured 2 ± 5: the balance pushes loss to −2.
    const result = reconcile({
      variables: [measured('in', 100, 1), measured('out', 102, 1), measured('loss', 2, 5, { lower: 0 })],
      constraints: [balance('P', ['in'], ['out', 'loss'])],
    });
    expect(result.status).toBe('converged');
    expect(result.violations).toEqual([{ variable: 'loss', bound: 'lower', limit: 0, value: expect.closeTo(-1.703703703703, 9) }]);
    expect(result.message).toContain('outside their bounds: loss = -1.704 < 0');
  });
});
