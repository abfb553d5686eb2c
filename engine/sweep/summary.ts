import { columnQuantiles, DEFAULT_PROBABILITIES } from './estimators/index.js';
import { PEAK_STATUS } from './peakStatus.js';

/** Per output column of a sweep: how many runs gave a value, and the distribution of those values. */
export interface ColumnSummary {
  readonly probabilities: readonly number[];
  /** Runs with a value (not NaN). */
  readonly runs: Uint32Array;
  /** Runs without one (failed, or the statistic does not exist for them). */
  readonly missing: Uint32Array;
  readonly mean: Float64Array;
  /** Sample standard deviation (n − 1); NaN for fewer than two values. */
  readonly sd: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** quantiles[column · P + k]: the probabilities[k]-quantile (type 7, as R and NumPy by default). */
  readonly quantiles: Float64Array;
}

/**
 * Summarises a runs × columns matrix (row-major). Mean and variance use Welford's update in run
 * order, so the same runs give the same bits however the sweep was split.
 */
export function summarizeColumns(values: Float64Array, columns: number, probabilities: readonly number[] = DEFAULT_PROBABILITIES): ColumnSummary {
  const { quantiles, missing } = columnQuantiles(values, columns, probabilities);
  const rows = values.length / columns;
  const runs = new Uint32Array(columns);
  const mean = new Float64Array(columns);
  const squares = new Float64Array(columns);
  const min = new Float64Array(columns).fill(NaN);
  const max = new Float64Array(columns).fill(NaN);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const value = values[row * columns + column];
      if (Number.isNaN(value)) continue;
      const count = ++runs[column];
      const deviation = value - mean[column];
      mean[column] += deviation / count;
      squares[column] += deviation * (value - mean[column]);
      if (!(value >= min[column])) min[column] = value;
      if (!(value <= max[column])) max[column] = value;
    }
  }
  const sd = new Float64Array(columns);
  for (let column = 0; column < columns; column++) {
    if (runs[column] === 0) mean[column] = NaN;
    sd[column] = runs[column] > 1 ? Math.sqrt(squares[column] / (runs[column] - 1)) : NaN;
  }
  return { probabilities, runs, missing, mean, sd, min, max, quantiles };
}

/** Per column, the runs a summary leaves out of the distribution, and why. */
export interface ExcludedRuns {
  /** Runs whose status is not success (whatever values they have). */
  readonly failed: Uint32Array;
  /** Peak columns: successful runs still rising at the end (peak_status rising), or largest in the first year (falling). */
  readonly rising: Uint32Array;
  readonly falling: Uint32Array;
}

/**
 * Sets to NaN, in a runs × columns matrix (row-major), the values a summary must leave out, and
 * counts them: every value of a run that did not succeed (status ≠ 0), and in a column of a peak's
 * year or value (`peakStatus[column]`, the output's peak_status column, given) every run whose
 * status is not 'peak' — a censored year and value (rising, falling) describe no peak, and a flat
 * or zero series has none. What is left is the distribution of real peaks.
 */
export function excludeRuns(values: Float64Array, columns: number, runStatus: Uint8Array, peakStatus: readonly (ArrayLike<number> | undefined)[]): ExcludedRuns {
  const rows = values.length / columns;
  const failed = new Uint32Array(columns);
  const rising = new Uint32Array(columns);
  const falling = new Uint32Array(columns);
  for (let row = 0; row < rows; row++) {
    const succeeded = runStatus[row] === 0;
    for (let column = 0; column < columns; column++) {
      const peak = peakStatus[column];
      if (!succeeded) failed[column]++;
      else if (peak === undefined || peak[row] === PEAK_STATUS.peak) continue;
      else if (peak[row] === PEAK_STATUS.rising) rising[column]++;
      else if (peak[row] === PEAK_STATUS.falling) falling[column]++;
      values[row * columns + column] = NaN;
    }
  }
  return { failed, rising, falling };
}
