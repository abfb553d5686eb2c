import { ModelError, type SourceLocation } from '../errors.js';
import type { YearPoints } from './yearPoints.js';

export type Interpolation = 'linear' | 'step';
export type Extrapolation = 'error' | 'constant' | 'linear';

export interface SeriesOptions {
  readonly interpolate: Interpolation;
  readonly extrapolate: Extrapolation;
}

/**
 * A value for every model year and item from values given for some years.
 * Between given years g_j <= y < g_{j+1}: `linear` is v_j + (v_{j+1} − v_j)(y − g_j)/(g_{j+1} − g_j),
 * `step` holds v_j. Outside them: `error` refuses to invent data, `constant` holds the nearest
 * given value, `linear` continues the line through the two nearest given years.
 * Result: year-major, `series[(year − start) * size + item]`.
 */
export function yearlySeries(points: YearPoints, size: number, time: { start: number; end: number }, options: SeriesOptions, subject: string, at: SourceLocation): Float64Array {
  checkCoverage(points.years, time, options.extrapolate, subject, at);
  const { years, values } = points;
  const last = years.length - 1;
  const horizon = time.end - time.start + 1;
  const series = new Float64Array(horizon * size);
  let segment = 0; // years[segment] <= year < years[segment + 1] once year is inside the data
  for (let t = 0; t < horizon; t++) {
    const year = time.start + t;
    while (segment < last - 1 && years[segment + 1] <= year) segment++;
    // Each year is a copy of one given year, or a point on the line from given year `low` to `low + 1`.
    let copy = -1;
    let low = segment;
    if (last === 0) copy = 0;
    else if (year < years[0] || year > years[last]) {
      const outside = year < years[0] ? 0 : last;
      if (options.extrapolate === 'linear') low = Math.min(outside, last - 1);
      else copy = outside;
    } else if (year === years[segment]) copy = segment; // bit for bit: the line would turn −0 into 0
    else if (year === years[segment + 1]) copy = segment + 1;
    else if (options.interpolate === 'step') copy = segment;
    const row = t * size;
    if (copy >= 0) {
      series.set(values.subarray(copy * size, copy * size + size), row);
      continue;
    }
    const offset = year - years[low];
    const span = years[low + 1] - years[low];
    const from = low * size;
    const to = from + size;
    for (let item = 0; item < size; item++) {
      const start = values[from + item];
      series[row + item] = start + ((values[to + item] - start) * offset) / span;
    }
  }
  return series;
}

/** `error` refuses years outside the data; `linear` needs two years to draw its line. */
function checkCoverage(years: readonly number[], time: { start: number; end: number }, extrapolate: Extrapolation, subject: string, at: SourceLocation): void {
  const first = years[0];
  const final = years[years.length - 1];
  if (extrapolate === 'error') {
    const gaps = [gap(time.start, Math.min(first - 1, time.end)), gap(Math.max(final + 1, time.start), time.end)].filter((text) => text !== '');
    if (gaps.length > 0) {
      throw new ModelError(`${subject} has no data for ${gaps.join(' and ')}`, at, 'set extrapolate: constant or extrapolate: linear to fill the years outside the data, or give data for them');
    }
  }
  if (extrapolate === 'linear' && years.length < 2 && (time.start < first || time.end > final)) {
    throw new ModelError(`${subject} has data for ${first} only; linear extrapolation needs two years`, at, 'give a second year of data, or set extrapolate: constant');
  }
}

/** `2031–2060`, `2060`, or '' for an empty range. */
function gap(from: number, to: number): string {
  if (from > to) return '';
  return from === to ? `${from}` : `${from}–${to}`;
}
