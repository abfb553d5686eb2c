import { OptionsError } from '../../errors.js';

/** Widest range of values a histogram allocates a bin for each of. */
const MAX_BINS = 2 ** 24;

export interface IntegerHistogram {
  /** The smallest value seen; counts[k] is the number of runs with value first + k. */
  readonly first: number;
  readonly counts: Uint32Array;
  /** Runs with no value (NaN, e.g. a run that failed). */
  readonly missing: number;
}

/**
 * The distribution of an integer-valued output over the runs of a sweep: one column of a runs ×
 * columns matrix. Every value must be an integer or NaN. A peak_year column also holds the first
 * or last year of runs whose peak is censored: split it with splitPeakYears (peakYears.ts) first,
 * so those are counted apart.
 */
export function integerHistogram(values: Float64Array, columns: number, column: number): IntegerHistogram {
  if (!Number.isSafeInteger(columns) || columns < 1 || values.length % columns !== 0) {
    throw new OptionsError('columns', `must be a positive integer that divides values.length = ${values.length} (got ${columns})`);
  }
  if (!Number.isSafeInteger(column) || column < 0 || column >= columns) {
    throw new OptionsError('column', `must be an integer in [0, ${columns - 1}] (got ${column})`);
  }
  let first = Infinity;
  let last = -Infinity;
  let missing = 0;
  for (let index = column; index < values.length; index += columns) {
    const value = values[index];
    if (Number.isNaN(value)) missing++;
    else if (!Number.isSafeInteger(value)) throw new OptionsError('values', `must be integers or NaN in column ${column} (got ${value})`);
    else {
      first = Math.min(first, value);
      last = Math.max(last, value);
    }
  }
  if (first === Infinity) return { first: NaN, counts: new Uint32Array(0), missing };
  if (last - first + 1 > MAX_BINS) {
    throw new OptionsError('values', `span ${first} … ${last} in column ${column}, more than ${MAX_BINS} bins`);
  }
  const counts = new Uint32Array(last - first + 1);
  for (let index = column; index < values.length; index += columns) {
    const value = values[index];
    if (!Number.isNaN(value)) counts[value - first]++;
  }
  return { first, counts, missing };
}
