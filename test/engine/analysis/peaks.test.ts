import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeak, totalOverItems } from '../../../engine/analysis/peaks.js';

const years = (count: number, start = 2020) => Array.from({ length: count }, (_, t) => start + t);

describe('findPeak', () => {
  it('findPeak(series) gives the year and value of the maximum', () => {
    expect(findPeak([1, 3, 7, 4, 2], years(5))).toEqual({ status: 'peak', year: 2022, value: 7, nearTies: [] });
  });

  it('findPeak(series) breaks ties by taking the earliest year and reports the other hump as a tie', () => {
    expect(findPeak([1, 5, 2, 5, 1], years(5))).toEqual({ status: 'peak', year: 2021, value: 5, nearTies: [{ year: 2023, value: 5, censored: false }] });
    // A plateau held to the end is one hump: it peaks when first reached.
    expect(findPeak([1, 4, 4, 4, 4], years(5))).toEqual({ status: 'peak', year: 2021, value: 4, nearTies: [] });
  });

  it('findPeak(series) says "rising" when the maximum is the last year and the series still grows', () => {
    expect(findPeak([1, 2, 3, 4], years(4))).toEqual({ status: 'rising', year: 2023, value: 4 });
  });

  it('findPeak(series) says "falling" (left-censored), not a peak, when the maximum is in the first year', () => {
    expect(findPeak([9, 5, 2, 1], years(4))).toEqual({ status: 'falling', year: 2020, value: 9 });
    // A plateau from the first year is censored too: it may have been reached long before.
    expect(findPeak([9, 9, 2, 1], years(4))).toEqual({ status: 'falling', year: 2020, value: 9 });
  });

  it('findPeak(series) says "flat" for a constant series, "zero" for zeros and "undefined" when a value is NaN', () => {
    expect(findPeak([3, 3, 3], years(3))).toEqual({ status: 'flat', value: 3 });
    expect(findPeak([0, 0, 0], years(3))).toEqual({ status: 'zero' });
    expect(findPeak([1, NaN, 0], years(3))).toEqual({ status: 'undefined' });
  });

  it('findPeak(series, …, { tolerance }) reports a second hump within the tolerance as a near tie', () => {
    // Two humps 1 % apart, separated by a dip.
    const series = [1, 10, 6, 9.9, 2];
    expect(findPeak(series, years(5))).toMatchObject({ status: 'peak', year: 2021, nearTies: [] });
    expect(findPeak(series, years(5), 0, 1, { tolerance: 0.01 })).toEqual({ status: 'peak', year: 2021, value: 10, nearTies: [{ year: 2023, value: 9.9, censored: false }] });
    expect(findPeak(series, years(5), 0, 1, { tolerance: 0.005 })).toMatchObject({ nearTies: [] });
  });

  it('findPeak(series, …, { tolerance }) does not call a broad top a near tie', () => {
    expect(findPeak([1, 10, 9.95, 9.97, 1], years(5), 0, 1, { tolerance: 0.01 })).toMatchObject({ status: 'peak', year: 2021, nearTies: [] });
  });

  it('findPeak(series, …, { tolerance }) marks a near tie at an end that still climbs towards it as censored', () => {
    expect(findPeak([1, 10, 5, 9.92, 9.95], years(5), 0, 1, { tolerance: 0.01 })).toMatchObject({ nearTies: [{ year: 2024, value: 9.95, censored: true }] });
    expect(findPeak([9.95, 5, 10, 5, 1], years(5), 0, 1, { tolerance: 0.01 })).toMatchObject({ nearTies: [{ year: 2020, value: 9.95, censored: true }] });
  });

  it('findPeak(values, years, offset, stride) reads one item of a year-major array', () => {
    // two items: item 0 peaks in 2021, item 1 is still rising
    const values = [1, 1, 5, 2, 3, 3];
    expect(findPeak(values, years(3), 0, 2)).toEqual({ status: 'peak', year: 2021, value: 5, nearTies: [] });
    expect(findPeak(values, years(3), 1, 2)).toEqual({ status: 'rising', year: 2022, value: 3 });
  });

  it('findPeak(series) returns a value no smaller than any other value, first reached in its year, censored only at the ends', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }), fc.double({ min: 0, max: 0.2, noNaN: true }), (series, tolerance) => {
        const peak = findPeak(series, years(series.length), 0, 1, { tolerance });
        if (peak.status === 'zero') return expect(series.every((v) => v === 0)).toBe(true);
        if (peak.status === 'flat') return expect(series.every((v) => v === series[0])).toBe(true);
        if (peak.status === 'undefined') throw new Error('unexpected status');
        const index = peak.year - 2020;
        expect(series[index]).toBe(peak.value);
        expect(series.every((v) => v <= peak.value)).toBe(true);
        expect(series.slice(0, index).every((v) => v < peak.value)).toBe(true);
        if (peak.status === 'falling') expect(index).toBe(0);
        if (peak.status === 'rising') expect(index).toBe(series.length - 1);
        if (peak.status === 'peak') {
          expect(index > 0 && index < series.length - 1).toBe(true);
          for (const tie of peak.nearTies) {
            expect(tie.value).toBeGreaterThanOrEqual(peak.value - tolerance * peak.value);
            // A dip below the band lies between the tie and the peak.
            const [a, b] = [Math.min(index, tie.year - 2020), Math.max(index, tie.year - 2020)];
            expect(series.slice(a, b + 1).some((v) => v < peak.value - tolerance * peak.value)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('totalOverItems', () => {
  it('totalOverItems(values, size) sums the items of every year', () => {
    expect([...totalOverItems(Float64Array.from([1, 2, 3, 4, 5, 6]), 3)]).toEqual([6, 15]);
  });
});
