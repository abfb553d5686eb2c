import { OptionsError } from '../errors.js';
import { invalidYears, nonPositive, notConsecutive, notFinite, outOfRange, type ForecastFailure } from './forecastProblems.js';
import type { Series } from './forecastTypes.js';

/**
 * The checks on the data every method shares. A mismatch of the columns' lengths is a
 * programming error (the caller built the series); the rest is the user's data.
 */

/**
 * Sums of squares of values beyond 1e±154 over- or underflow; within 1e±100 every fit keeps
 * ample room, and no unit of a waste series comes near either bound.
 */
const LARGEST_MAGNITUDE = 1e100;

/** Finite values within 1e±100 (or 0), whole years in increasing order. */
export function checkSeries(series: Series, what: string): ForecastFailure | undefined {
  const { years, values } = series;
  if (years.length !== values.length) throw new OptionsError(what, `must have as many years as values (${years.length} years, ${values.length} values)`);
  for (let i = 0; i < years.length; i++) {
    if (!Number.isFinite(years[i])) return invalidYears(what, years[i], years[i - 1]);
    if (!Number.isFinite(values[i])) return notFinite(what, years[i], values[i]);
    const magnitude = Math.abs(values[i]);
    if (magnitude > LARGEST_MAGNITUDE || (magnitude > 0 && magnitude < 1 / LARGEST_MAGNITUDE)) return outOfRange(what, years[i], values[i]);
    if (!Number.isInteger(years[i]) || (i > 0 && !(years[i] > years[i - 1]))) return invalidYears(what, years[i], years[i - 1]);
  }
  return undefined;
}

export function checkConsecutive(method: string, series: Series): ForecastFailure | undefined {
  const { years } = series;
  for (let i = 1; i < years.length; i++) if (years[i] !== years[i - 1] + 1) return notConsecutive(method, years[i - 1], years[i]);
  return undefined;
}

export function checkPositive(method: string, what: string, series: Series): ForecastFailure | undefined {
  const { years, values } = series;
  for (let i = 0; i < values.length; i++) if (!(values[i] > 0)) return nonPositive(method, what, years[i], values[i]);
  return undefined;
}

export function copySeries(series: Series): Series {
  return { years: Float64Array.from(series.years), values: Float64Array.from(series.values) };
}

export function largestValue(series: Series): { year: number; value: number } {
  let index = 0;
  for (let i = 1; i < series.values.length; i++) if (series.values[i] > series.values[index]) index = i;
  return { year: series.years[index], value: series.values[index] };
}
