import { describe, expect, it } from 'vitest';
import { integerHistogram } from '../../../../engine/sweep/estimators/integerHistogram.js';

describe('integerHistogram', () => {
  it('integerHistogram counts the peak years of one output column, with no-peak runs apart', () => {
    // Two columns: peak year and peak mass; five runs.
    const values = Float64Array.from([2041, 1.5, 2043, 2.5, NaN, 0, 2041, 3, 2040, 4]);
    const histogram = integerHistogram(values, 2, 0);
    expect(histogram.first).toBe(2040);
    expect(Array.from(histogram.counts)).toEqual([1, 2, 0, 1]);
    expect(histogram.missing).toBe(1);
  });

  it('integerHistogram of a column with no values is empty', () => {
    const histogram = integerHistogram(Float64Array.from([NaN, NaN]), 1, 0);
    expect(histogram.counts).toHaveLength(0);
    expect(histogram.missing).toBe(2);
  });

  it('integerHistogram rejects non-integer values and a column out of range, naming them', () => {
    expect(() => integerHistogram(Float64Array.from([2040.5]), 1, 0)).toThrow('options.values must be integers or NaN in column 0 (got 2040.5)');
    expect(() => integerHistogram(Float64Array.from([1, 2]), 2, 2)).toThrow('options.column must be an integer in [0, 1]');
    expect(() => integerHistogram(Float64Array.from([0, 1e9]), 1, 0)).toThrow(/more than 16777216 bins/);
  });
});
