import type { Aggregation } from './indexMethod.js';

/**
 * The weighted mean of `values[k]` for the k with weights[k] > 0, the weights summing to 1
 * (OECD/JRC Handbook, step 6):
 *   arithmetic: Σ w_k x_k — a low value can be made up by a high one (full compensation);
 *   geometric:  Π x_k^(w_k) = exp(Σ w_k ln x_k) — compensation shrinks as values are unequal, and
 *               the mean is defined for x_k > 0 only.
 * Under the geometric mean a value ≤ 0 is not shifted: the mean is NaN and `offender[0]` holds its
 * position k (−1 otherwise), so that the caller names the city and indicator in its error.
 */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>, method: Aggregation, offender: Int32Array): number {
  offender[0] = -1;
  let total = 0;
  for (let k = 0; k < values.length; k++) {
    const weight = weights[k];
    if (weight === 0) continue;
    if (method === 'arithmetic') total += weight * values[k];
    else if (values[k] > 0) total += weight * Math.log(values[k]);
    else {
      offender[0] = k;
      return NaN;
    }
  }
  return method === 'arithmetic' ? total : Math.exp(total);
}
