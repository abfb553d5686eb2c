import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearlySeries, type SeriesOptions } from '../../../engine/definition/series.js';
import type { YearPoints } from '../../../engine/definition/yearPoints.js';
import { modelError } from './loadHelpers.js';

const at = { file: 'model.yaml', path: 'drivers.d.csv', line: 3 };

/** Points with one item: `{ 2020: 10, 2025: 20 }` style. */
function points(given: Record<number, number>): YearPoints {
  const years = Object.keys(given).map(Number).sort((a, b) => a - b);
  return { years, values: Float64Array.from(years, (year) => given[year]), locations: years.map(() => at) };
}

function series(given: Record<number, number>, options: SeriesOptions, start = 2020, end = 2030): number[] {
  return Array.from(yearlySeries(points(given), 1, { start, end }, options, 'driver d', at));
}

describe('yearlySeries(points, size, time, options)', () => {
  it('yearlySeries(linear) interpolates on the line between given years', () => {
    expect(series({ 2020: 10, 2025: 20, 2030: 0 }, { interpolate: 'linear', extrapolate: 'error' })).toEqual([10, 12, 14, 16, 18, 20, 16, 12, 8, 4, 0]);
  });

  it('yearlySeries(step) holds the last given value until the next given year', () => {
    expect(series({ 2020: 10, 2023: 20, 2030: 5 }, { interpolate: 'step', extrapolate: 'error' })).toEqual([10, 10, 10, 20, 20, 20, 20, 20, 20, 20, 5]);
  });

  it('yearlySeries(extrapolate constant) holds the nearest given value on both sides', () => {
    expect(series({ 2022: 4, 2026: 8 }, { interpolate: 'linear', extrapolate: 'constant' })).toEqual([4, 4, 4, 5, 6, 7, 8, 8, 8, 8, 8]);
  });

  it('yearlySeries(extrapolate linear) continues the line through the two nearest given years', () => {
    // before: through 2022 (4) and 2024 (6), slope 1; after: through 2024 (6) and 2026 (2), slope −2.
    expect(series({ 2022: 4, 2024: 6, 2026: 2 }, { interpolate: 'linear', extrapolate: 'linear' })).toEqual([2, 3, 4, 5, 6, 4, 2, 0, -2, -4, -6]);
  });

  it('yearlySeries(extrapolate error) names the years without data and how to fill them', () => {
    const error = modelError(() => series({ 2020: 1, 2030: 2 }, { interpolate: 'linear', extrapolate: 'error' }, 2015, 2060));
    expect(error.message).toBe('driver d has no data for 2015–2019 and 2031–2060');
    expect(error.at).toEqual(at);
    expect(error.hint).toMatch(/extrapolate: constant or extrapolate: linear/);
  });

  it('yearlySeries(extrapolate error) names a single missing year as a year', () => {
    expect(() => series({ 2020: 1, 2029: 2 }, { interpolate: 'linear', extrapolate: 'error' })).toThrow('driver d has no data for 2030');
  });

  it('yearlySeries(extrapolate linear) needs two given years', () => {
    expect(() => series({ 2025: 1 }, { interpolate: 'linear', extrapolate: 'linear' })).toThrow('driver d has data for 2025 only; linear extrapolation needs two years');
  });

  it('yearlySeries(points) keeps items apart in a year-major layout', () => {
    const twoItems: YearPoints = { years: [2020, 2022], values: Float64Array.of(1, 100, 3, 300), locations: [at, at, at, at] };
    const result = yearlySeries(twoItems, 2, { start: 2020, end: 2022 }, { interpolate: 'linear', extrapolate: 'error' }, 'driver d', at);
    expect(Array.from(result)).toEqual([1, 100, 2, 200, 3, 300]);
  });

  it('yearlySeries(points) reproduces every given year inside the horizon and stays between neighbours', () => {
    const given = fc.uniqueArray(fc.integer({ min: 2000, max: 2050 }), { minLength: 2, maxLength: 10 }).chain((years) =>
      fc.tuple(fc.constant(years.sort((a, b) => a - b)), fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: years.length, maxLength: years.length })),
    );
    fc.assert(
      fc.property(given, fc.constantFrom<SeriesOptions['interpolate']>('linear', 'step'), ([years, values], interpolate) => {
        const input: YearPoints = { years, values: Float64Array.from(values), locations: years.map(() => at) };
        const time = { start: years[0], end: years[years.length - 1] };
        const result = yearlySeries(input, 1, time, { interpolate, extrapolate: 'error' }, 'driver d', at);
        years.forEach((year, j) => expect(result[year - time.start]).toBe(values[j]));
        for (let j = 0; j + 1 < years.length; j++) {
          const low = Math.min(values[j], values[j + 1]);
          const high = Math.max(values[j], values[j + 1]);
          const rounding = 1e-12 * Math.max(Math.abs(low), Math.abs(high));
          for (let year = years[j]; year <= years[j + 1]; year++) {
            const value = result[year - time.start];
            expect(value).toBeGreaterThanOrEqual(low - rounding);
            expect(value).toBeLessThanOrEqual(high + rounding);
          }
        }
      }),
    );
  });
});
