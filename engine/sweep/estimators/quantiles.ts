import { OptionsError } from '../../errors.js';

/** The quantiles reported by default: 5, 25, 50, 75 and 95 %. */
export const DEFAULT_PROBABILITIES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];

/**
 * The p-quantile of ascending, NaN-free values by Hyndman & Fan's definition 7 (the default of R's
 * `quantile` and NumPy's `percentile`): with h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
 * NaN for an empty array.
 */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const count = sorted.length;
  if (count === 0) return NaN;
  const h = (count - 1) * p;
  const below = Math.floor(h);
  if (below >= count - 1) return sorted[count - 1];
  return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
}

export interface ColumnQuantiles {
  readonly probabilities: Float64Array;
  /** quantiles[column · P + k] is the probabilities[k]-quantile of the column (type 7). */
  readonly quantiles: Float64Array;
  /** NaN entries of each column (failed runs), left out of its quantiles. */
  readonly missing: Uint32Array;
}

/** Per-column quantiles of a rows × columns matrix (row-major, e.g. runs × output years). */
export function columnQuantiles(
  values: Float64Array,
  columns: number,
  probabilities: readonly number[] = DEFAULT_PROBABILITIES,
): ColumnQuantiles {
  if (!Number.isSafeInteger(columns) || columns < 1 || values.length % columns !== 0) {
    throw new OptionsError('columns', `must be a positive integer that divides values.length = ${values.length} (got ${columns})`);
  }
  if (!probabilities.every((p) => p >= 0 && p <= 1)) throw new OptionsError('probabilities', 'must lie in [0, 1]');
  const rows = values.length / columns;
  const count = probabilities.length;
  const quantiles = new Float64Array(columns * count);
  const missing = new Uint32Array(columns);
  const scratch = new Float64Array(rows);
  for (let column = 0; column < columns; column++) {
    let kept = 0;
    for (let row = 0; row < rows; row++) {
      const value = values[row * columns + column];
      if (Number.isNaN(value)) missing[column]++;
      else scratch[kept++] = value;
    }
    const sorted = scratch.subarray(0, kept).sort();
    for (let k = 0; k < count; k++) quantiles[column * count + k] = sortedQuantile(sorted, probabilities[k]);
  }
  return { probabilities: Float64Array.from(probabilities), quantiles, missing };
}
