import { describe, expect, it } from 'vitest';
import { inverseNormalCdf } from '../../../engine/sweep/design/inverseNormal.js';
import { reconcile, type ReconcileProblem } from '../../../engine/reconcile/index.js';
import { balance, measured, variable } from './problems.js';

/**
 * P1: a = b + c, P2: b = d + e, P3: c + d = f, all measured with sd 1 and consistent except for
 * `error` added to one flow. Reduced columns: a (1,0,0), b (−1,1,0), c (−1,0,1), d (0,−1,1),
 * e (0,−1,0), f (0,0,−1): no two parallel, so every flow can be told apart.
 */
function threeProcesses(wrong: string, error: number): ReconcileProblem {
  const truth: Record<string, number> = { a: 100, b: 60, c: 40, d: 25, e: 35, f: 65 };
  return {
    variables: Object.entries(truth).map(([name, value]) => measured(name, value + (name === wrong ? error : 0), 1)),
    constraints: [balance('P1', ['a'], ['b', 'c']), balance('P2', ['b'], ['d', 'e']), balance('P3', ['c', 'd'], ['f'])],
  };
}

describe('reconcile: gross errors', () => {
  it('reconcile(one flow off by 10 sd) names that flow alone as the first suspect', () => {
    for (const wrong of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const result = reconcile(threeProcesses(wrong, 10));
      expect(result.globalTest.passed).toBe(false);
      expect(result.measurementTest.suspects[0].variables, wrong).toEqual([wrong]);
      // With no noise the largest statistic is the error's: |t| = 10·√(Q − Q̃)_ii / σ_i.
      const adjustmentSd = Math.sqrt(1 - variable(result, wrong).sd ** 2);
      expect(result.measurementTest.suspects[0].statistic).toBeCloseTo(10 * adjustmentSd, 9);
    }
  });

  it('reconcile(consistent data) suspects nothing and passes the global test', () => {
    const result = reconcile(threeProcesses('a', 0));
    expect(result.globalTest.chiSquare).toBeCloseTo(0, 20);
    expect(result.globalTest.passed).toBe(true);
    expect(result.measurementTest.suspects).toEqual([]);
  });

  it('reconcile(two flows only one balance sees, one wrong) reports both as a group that cannot be told apart', () => {
    // P1: a = b, P2: b = c + d: c and d appear only in P2, with the same sign: parallel columns.
    const result = reconcile({
      variables: [measured('a', 100, 2), measured('b', 100, 2), measured('c', 70 + 15, 1), measured('d', 30, 1)],
      constraints: [balance('P1', ['a'], ['b']), balance('P2', ['b'], ['c', 'd'])],
    });
    expect(result.measurementTest.suspects[0].variables).toEqual(['c', 'd']);
    expect(variable(result, 'c').normalizedAdjustment).toBeCloseTo(variable(result, 'd').normalizedAdjustment, 12);
    expect(result.message).toContain('one of c, d');
  });

  it('reconcile(n redundant measurements) tests each at the Šidák level 1 − (1 − α)^(1/n)', () => {
    const result = reconcile(threeProcesses('a', 0), { significance: 0.1 });
    const level = 1 - 0.9 ** (1 / 6);
    expect(result.measurementTest).toMatchObject({ significance: 0.1, tests: 6, testLevel: expect.closeTo(level, 14) });
    expect(result.measurementTest.criticalValue).toBeCloseTo(inverseNormalCdf(1 - level / 2), 12);
  });
});
