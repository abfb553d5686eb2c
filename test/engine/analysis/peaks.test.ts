import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeak, totalOverItems } from '../../../engine/analysis/peaks.js';

const years = (count: number, start = 2020) => Array.from({ length: count }, (_, t) => start + t);

describe('findPeak', () => {
  it('findPeak(series) gives the year and value of the maximum', () => {
    expect(findPeak([1, 3, 7, 4, 2], years(5))).toEqual({ status: 'peak', year: 2022, value: 7 });
  });

  it('findPeak(series) breaks ties by taking the earliest year', () => {
    expect(findPeak([1, 5, 2, 5, 1], years(5))).toEqual({ status: 'peak', year: 2021, value: 5 });
    expect(findPeak([1, 4, 4, 4, 4], years(5))).toEqual({ status: 'peak', year: 2021, value: 4 });
  });

  it('findPeak(series) says "rising" when the maximum is the last year and the series still grows', () => {
    expect(findPeak([1, 2, 3, 4], years(4))).toEqual({ status: 'rising', year: 2023, value: 4 });
  });

  it('findPeak(series) reports a peak in the first year for a declining series', () => {
    expect(findPeak([9, 5, 2, 1], years(4))).toEqual({ status: 'peak', year: 2020, value: 9 });
  });

  it('findPeak(series) says "zero" for an all-zero series and "undefined" when a value is NaN', () => {
    expect(findPeak([0, 0, 0], years(3))).toEqual({ status: 'zero' });
    expect(findPeak([1, NaN, 0], years(3))).toEqual({ status: 'undefined' });
  });

  it('findPeak(values, years, offset, stride) reads one item of a year-major array', () => {
    // two items: item 0 peaks in 2021, item 1 is still rising
    const values = [1, 1, 5, 2, 3, 3];
    expect(findPeak(values, years(3), 0, 2)).toEqual({ status: 'peak', year: 2021, value: 5 });
    expect(findPeak(values, years(3), 1, 2)).toEqual({ status: 'rising', year: 2022, value: 3 });
  });

  it('findPeak(series) returns a value no smaller than any other value, first reached in its year', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }), (series) => {
        const peak = findPeak(series, years(series.length));
        if (peak.status === 'zero') return expect(series.every((v) => v === 0)).toBe(true);
        if (peak.status !== 'peak' && peak.status !== 'rising') throw new Error('unexpected status');
        const index = peak.year - 2020;
        expect(series[index]).toBe(peak.value);
        expect(series.every((v) => v <= peak.value)).toBe(true);
        expect(series.slice(0, index).every((v) => v < peak.value)).toBe(true);
      }),
    );
  });
});

describe('totalOverItems', () => {
  it('totalOverItems(values, size) sums the items of every year', () => {
    expect([...totalOverItems(Float64Array.from([1, 2, 3, 4, 5, 6]), 3)]).toEqual([6, 15]);
  });
});
