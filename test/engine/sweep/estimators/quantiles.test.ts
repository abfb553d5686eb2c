import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnQuantiles, sortedQuantile } from '../../../../engine/sweep/estimators/quantiles.js';

describe('columnQuantiles', () => {
  it('columnQuantiles of 1…10 gives NumPy’s default percentiles 1.45, 3.25, 5.5, 7.75, 9.55 (type 7)', () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => 10 - i);
    const result = columnQuantiles(values, 1);
    Array.from(result.quantiles).forEach((q, k) => expect(q).toBeCloseTo([1.45, 3.25, 5.5, 7.75, 9.55][k], 12));
    expect(Array.from(result.probabilities)).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
  });

  it('columnQuantiles works per column of a runs × outputs matrix and leaves NaN runs out, counting them', () => {
    const values = Float64Array.from([1, 100, 2, NaN, 3, 300, 4, 400]);
    const result = columnQuantiles(values, 2, [0, 0.5, 1]);
    expect(Array.from(result.quantiles)).toEqual([1, 2.5, 4, 100, 300, 400]);
    expect(Array.from(result.missing)).toEqual([0, 1]);
    expect(Array.from(columnQuantiles(Float64Array.from([NaN, NaN]), 1, [0.5]).quantiles)).toEqual([NaN]);
  });

  it('columnQuantiles rises with p and stays within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (list) => {
        const values = Float64Array.from(list);
        const probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
        const q = columnQuantiles(values, 1, probabilities).quantiles;
        // == rather than toBe: −0 and 0 are the same quantile.
        expect(q[0] == Math.min(...list)).toBe(true);
        expect(q[6] == Math.max(...list)).toBe(true);
        for (let k = 1; k < q.length; k++) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1]);
      }),
    );
  });

  it('sortedQuantile of one value is that value, of none NaN; columnQuantiles rejects a bad shape', () => {
    expect(sortedQuantile(Float64Array.of(7), 0.3)).toBe(7);
    expect(sortedQuantile(new Float64Array(0), 0.3)).toBeNaN();
    expect(() => columnQuantiles(new Float64Array(5), 2)).toThrow('options.columns must be a positive integer that divides');
    expect(() => columnQuantiles(new Float64Array(4), 2, [1.5])).toThrow('options.probabilities must lie in [0, 1]');
  });
});
