import { describe, expect, it } from 'vitest';
import { compensation, computeIndex, weightedMean } from '../../../engine/index/index.js';
import { ModelError } from '../../../engine/errors.js';
import { reversalIndex } from './indexHelpers.js';

/**
 * The worked example (test/fixtures/index/reversal.yaml), min-max onto 1–100, two dimensions of
 * one indicator each, weights ½ and ½:
 *   x = 10, 6, 0, 5  → 100, 60.4, 1, 50.5     y = 3, 6, 10, 0 → 30.7, 60.4, 100, 1
 *   arithmetic: A (100 + 30.7)/2 = 65.35, B 60.4, C 50.5, D 25.75        → A B C D
 *   geometric:  A √(100·30.7) = 55.408, B 60.4, C √100 = 10, D √50.5 = 7.106 → B A C D
 * A's strength in x makes up for its weakness in y under the arithmetic mean only.
 */
describe('computeIndex', () => {
  const { spec, data } = reversalIndex();

  it('computeIndex(arithmetic) gives the hand-computed scores and ranks', () => {
    const result = computeIndex(data, { ...spec.method, aggregation: 'arithmetic' });
    Array.from(result.normalised).forEach((value, k) => expect(value).toBeCloseTo([100, 60.4, 1, 50.5, 30.7, 60.4, 100, 1][k], 10));
    Array.from(result.scores).forEach((value, k) => expect(value).toBeCloseTo([65.35, 60.4, 50.5, 25.75][k], 10));
    expect(Array.from(result.ranks)).toEqual([1, 2, 3, 4]);
    expect(Array.from(result.weights)).toEqual([0.5, 0.5]);
    expect(Array.from(result.dimensionScores.subarray(0, 4))).toEqual(Array.from(result.normalised.subarray(0, 4)));
  });

  it('computeIndex(geometric) gives the hand-computed scores and reverses A and B', () => {
    const result = computeIndex(data, { ...spec.method, aggregation: 'geometric' });
    Array.from(result.scores).forEach((value, k) => expect(value).toBeCloseTo([Math.sqrt(3070), 60.4, 10, Math.sqrt(50.5)][k], 10));
    expect(Array.from(result.ranks)).toEqual([2, 1, 3, 4]);
  });

  it('compensation(data, method) reports the rank reversal between the arithmetic and the geometric mean', () => {
    const reversal = compensation(data, spec.method)!;
    expect(reversal.reversals).toEqual([{ ahead: 0, behind: 1 }]);
    expect(compensation(data, { ...spec.method, normalisation: 'z-score' })).toBeUndefined();
  });

  it('computeIndex(geometric) of z-scores is a ModelError naming the city, the indicator and its line', () => {
    const run = () => computeIndex(data, { ...spec.method, normalisation: 'z-score', aggregation: 'geometric' });
    expect(run).toThrow(ModelError);
    expect(run).toThrow(/invalid value for geometric aggregation: z-score gives B -?0\.\d+ on x|invalid value for geometric aggregation: z-score gives [A-D] -/);
    try {
      run();
    } catch (error) {
      expect((error as ModelError).at.line).toBeGreaterThan(1);
      expect((error as ModelError).hint).toMatch(/min-max, rank or distance-to-target/);
    }
  });

  it('computeIndex(rank normalisation) ranks by the mean of the cities\' ranks', () => {
    // x ranks 4, 3, 1, 2; y ranks 2, 3, 4, 1 → means 3, 3, 2.5, 1.5: A and B tie for rank 1.
    const result = computeIndex(data, { ...spec.method, normalisation: 'rank' });
    expect(Array.from(result.scores)).toEqual([3, 3, 2.5, 1.5]);
    expect(Array.from(result.ranks)).toEqual([1, 1, 3, 4]);
  });
});

describe('weightedMean', () => {
  it('weightedMean is Σwx (arithmetic) and Πx^w (geometric), skipping zero weights', () => {
    const offender = new Int32Array(1);
    expect(weightedMean([2, 8, 99], [0.5, 0.5, 0], 'arithmetic', offender)).toBe(5);
    expect(weightedMean([2, 8, -1], [0.5, 0.5, 0], 'geometric', offender)).toBeCloseTo(4, 12);
    expect(offender[0]).toBe(-1);
  });

  it('weightedMean(geometric) of a value ≤ 0 is NaN with its position, never a shift', () => {
    const offender = new Int32Array(1);
    expect(weightedMean([2, 0], [0.5, 0.5], 'geometric', offender)).toBeNaN();
    expect(offender[0]).toBe(1);
  });
});
