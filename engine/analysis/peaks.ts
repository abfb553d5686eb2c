/**
 * When does a series peak? The peak is the largest value within the horizon; ties go to the
 * EARLIEST year (a plateau peaks when it is first reached). A maximum at either end of the horizon
 * is censored, not a peak:
 * - largest in the last year and higher than the year before: `rising`, the peak (if any) lies
 *   after the horizon and the last value is only a lower bound (right-censored);
 * - largest in the first year: `falling`, the peak (if any) was in or before the first year, and
 *   the first value is only a lower bound (left-censored).
 * A series with the same non-zero value every year is `flat`; an all-zero series has no peak.
 *
 * A peak is decisive only when no other part of the series comes close to it. With a tolerance τ
 * (relative, default 0), every year whose value is within τ of the peak belongs to the band
 * [peak − τ·|peak|, peak]; the years of that band form runs of consecutive years, and each run
 * other than the peak's own is a separate hump: a near tie. A broad top (one run) is not a near
 * tie; two humps separated by at least one year below the band are.
 */
export type Peak =
  | { readonly status: 'peak'; readonly year: number; readonly value: number; readonly nearTies: readonly NearTie[] }
  /** Still rising at the end of the horizon: `value` in `year` (the last) is a lower bound. */
  | { readonly status: 'rising'; readonly year: number; readonly value: number }
  /** Largest in the first year: the peak, if any, was at or before `year` (the first); `value` is a lower bound. */
  | { readonly status: 'falling'; readonly year: number; readonly value: number }
  /** The same non-zero value in every year. */
  | { readonly status: 'flat'; readonly value: number }
  /** Zero throughout. */
  | { readonly status: 'zero' }
  /** NaN somewhere: the run failed, there is nothing to say. */
  | { readonly status: 'undefined' };

export type PeakStatus = Peak['status'];

/** Another hump within the tolerance of the peak: the largest value of that hump and its year. */
export interface NearTie {
  readonly year: number;
  readonly value: number;
  /** The hump reaches an end of the horizon while still climbing towards it: it may exceed the peak beyond the horizon. */
  readonly censored: boolean;
}

export interface PeakOptions {
  /** Relative tolerance τ ≥ 0 for near ties (0.01: within 1 % of the peak). Default 0: exact ties only. */
  readonly tolerance?: number;
}

/**
 * Peak of `values[offset + t * stride]` for t = 0..years.length−1.
 */
export function findPeak(values: ArrayLike<number>, years: readonly number[], offset = 0, stride = 1, options: PeakOptions = {}): Peak {
  const count = years.length;
  let best = -Infinity;
  let bestIndex = -1;
  let nonZero = false;
  let varies = false;
  const first = values[offset];
  for (let t = 0; t < count; t++) {
    const value = values[offset + t * stride];
    if (Number.isNaN(value)) return { status: 'undefined' };
    if (value !== 0) nonZero = true;
    if (value !== first) varies = true;
    if (value > best) {
      best = value;
      bestIndex = t;
    }
  }
  if (!nonZero || bestIndex < 0) return { status: 'zero' };
  if (!varies) return { status: 'flat', value: best };
  const last = count - 1;
  // With ties going to the earliest year, a maximum in the last year is higher than every year before it.
  if (bestIndex === last) return { status: 'rising', year: years[last], value: best };
  if (bestIndex === 0) return { status: 'falling', year: years[0], value: best };
  return { status: 'peak', year: years[bestIndex], value: best, nearTies: nearTies(values, years, offset, stride, best, bestIndex, options.tolerance ?? 0) };
}

/** The humps other than the peak's own within the tolerance band (see the file comment). */
function nearTies(values: ArrayLike<number>, years: readonly number[], offset: number, stride: number, best: number, bestIndex: number, tolerance: number): NearTie[] {
  const floor = best - tolerance * Math.abs(best);
  const at = (t: number) => values[offset + t * stride];
  const ties: NearTie[] = [];
  const count = years.length;
  let t = 0;
  while (t < count) {
    if (at(t) < floor) {
      t++;
      continue;
    }
    // A run of years within the band: [start, end).
    const start = t;
    let top = t;
    while (t < count && at(t) >= floor) {
      if (at(t) > at(top)) top = t;
      t++;
    }
    if (bestIndex >= start && bestIndex < t) continue;
    const climbsToEnd = (t === count && count > 1 && at(count - 1) > at(count - 2)) || (start === 0 && count > 1 && at(0) > at(1));
    ties.push({ year: years[top], value: at(top), censored: climbsToEnd });
  }
  return ties;
}

/** The series summed over items: values laid out year-major with `size` items per year. */
export function totalOverItems(values: Float64Array, size: number): Float64Array {
  if (size === 1) return values;
  const years = values.length / size;
  const total = new Float64Array(years);
  for (let t = 0; t < years; t++) {
    let sum = 0;
    for (let k = 0; k < size; k++) sum += values[t * size + k];
    total[t] = sum;
  }
  return total;
}
