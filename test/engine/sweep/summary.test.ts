import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PEAK_STATUS } from '../../../engine/sweep/peakStatus.js';
import { excludeRuns, summarizeColumns } from '../../../engine/sweep/summary.js';

describe('summarizeColumns', () => {
  it('summarizeColumns(runs × columns) gives count, mean, sd, extremes and type-7 quantiles per column, leaving NaN out', () => {
    const values = Float64Array.of(1, 5, 2, NaN, 3, 5, 4, 5);
    const summary = summarizeColumns(values, 2, [0, 0.5, 1]);
    expect(Array.from(summary.runs)).toEqual([4, 3]);
    expect(Array.from(summary.missing)).toEqual([0, 1]);
    expect(Array.from(summary.mean)).toEqual([2.5, 5]);
    expect(summary.sd[0]).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(summary.sd[1]).toBe(0);
    expect(Array.from(summary.quantiles.subarray(0, 3))).toEqual([1, 2.5, 4]);
    expect([summary.min[0], summary.max[0]]).toEqual([1, 4]);
  });

  it('summarizeColumns keeps min ≤ p05 ≤ … ≤ p95 ≤ max and the mean within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (list) => {
        const summary = summarizeColumns(Float64Array.from(list), 1);
        const ordered = [summary.min[0], ...summary.quantiles, summary.max[0]];
        for (let k = 1; k < ordered.length; k++) expect(ordered[k]).toBeGreaterThanOrEqual(ordered[k - 1]);
        expect(summary.mean[0]).toBeGreaterThanOrEqual(summary.min[0] - 1e-9 * Math.abs(summary.min[0]));
        expect(summary.mean[0]).toBeLessThanOrEqual(summary.max[0] + 1e-9 * Math.abs(summary.max[0]));
      }),
    );
  });

  it('excludeRuns sets the values of failed runs to NaN in every column, and of censored or absent peaks in peak columns, counting each', () => {
    // Columns: a total, and a peak year qualified by the peak status column below; four runs, the third failed.
    const values = Float64Array.of(10, 2040, 11, 2060, 12, 2045, 13, 2020);
    const peakStatus = Float64Array.of(PEAK_STATUS.peak, PEAK_STATUS.rising, PEAK_STATUS.peak, PEAK_STATUS.falling);
    const excluded = excludeRuns(values, 2, Uint8Array.of(0, 0, 3, 0), [undefined, peakStatus]);
    expect(Array.from(values)).toEqual([10, 2040, 11, NaN, NaN, NaN, 13, NaN]);
    expect(Array.from(excluded.failed)).toEqual([1, 1]);
    expect(Array.from(excluded.rising)).toEqual([0, 1]);
    expect(Array.from(excluded.falling)).toEqual([0, 1]);
  });
});
