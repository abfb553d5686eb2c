import fc from 'fast-check';
import { expect } from 'vitest';
import { fitForecast, type ForecastFit, type ForecastOptions, type ForecastSpec, type Series } from '../../../engine/forecast/index.js';

/** A series of consecutive years from `firstYear`. */
export function series(firstYear: number, values: readonly number[]): Series {
  return { years: Float64Array.from(values, (_, i) => firstYear + i), values: Float64Array.from(values) };
}

/** Consecutive years from `firstYear`, values from `f(year)`. */
export function seriesOf(firstYear: number, count: number, f: (year: number, index: number) => number): Series {
  const years = Float64Array.from({ length: count }, (_, i) => firstYear + i);
  return { years, values: Float64Array.from(years, (year, i) => f(year, i)) };
}

export function years(...values: number[]): Float64Array {
  return Float64Array.from(values);
}

/** fitForecast that must succeed; fails the test with the problem otherwise. */
export function fitOk(history: Series, spec: ForecastSpec, options?: ForecastOptions): ForecastFit {
  const result = fitForecast(history, spec, options);
  if (!result.ok) expect.fail(`${result.problem}: ${result.message}`);
  return result.fit;
}

/** A fixed pattern of relative errors of a few percent, so tests with noise are reproducible. */
export const NOISE = [0.02, -0.015, 0.01, -0.03, 0.025, 0.005, -0.01, 0.02, -0.02, 0.015, -0.005, 0.01, -0.025, 0.01, 0, -0.01];

/**
 * A coefficient of a synthetic series in [min, max]: 0 or at least 1e-6 in magnitude, so the
 * series stays within the 1e±100 that fitForecast accepts (fast-check likes subnormal numbers).
 */
export function coefficient(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true }).filter((value) => value === 0 || Math.abs(value) >= 1e-6);
}
