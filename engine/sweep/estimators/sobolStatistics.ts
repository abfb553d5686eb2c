import type { SaltelliSums } from './saltelliSums.js';

/**
 * The Sobol' indices of one output from its Saltelli sums (saltelliSums.ts), as a flat vector of
 * statistics, and their scattering into the per-output arrays of the result. With V the variance
 * of f over A and B together (as SALib), N base points, and the sums of the centred values:
 *   first order (Saltelli et al. 2010):   S_i  = (Σ b(ab_i − a)/N) / V;
 *   total effect (Jansen 1999):           ST_i = (Σ (a − ab_i)²/(2N)) / V;
 *   second order (Saltelli 2002):         S_ik = (Σ ba_i·ab_k/N − Σ ab/N) / V − S_i − S_k.
 */

/** Indices per output: d first-order, d total, then d(d − 1)/2 second-order for pairs i < k. */
export function statisticsPerOutput(factors: number, secondOrder: boolean): number {
  return 2 * factors + (secondOrder ? (factors * (factors - 1)) / 2 : 0);
}

/** Writes the statistics of block column `o` into `out` (in the order above) and returns its variance V. */
export function estimateIndices(sums: SaltelliSums, count: number, o: number, factors: number, secondOrder: boolean, out: Float64Array): number {
  const mean = (sums.sumA[o] + sums.sumB[o]) / (2 * count);
  const variance = sums.sumSquares[o] / (2 * count) - mean * mean;
  for (let i = 0; i < factors; i++) {
    out[i] = sums.first[o * factors + i] / count / variance;
    out[factors + i] = sums.total[o * factors + i] / (2 * count) / variance;
  }
  if (secondOrder) {
    const productTerm = sums.sumProduct[o] / count;
    let pair = 2 * factors;
    for (let i = 0; i < factors; i++) {
      for (let k = i + 1; k < factors; k++) {
        const closed = (sums.cross[(o * factors + i) * factors + k] / count - productTerm) / variance;
        out[pair++] = closed - out[i] - out[k];
      }
    }
  }
  return variance;
}

/** Copies one output's statistics into the result arrays; a pair's index goes to (i, k) and (k, i). */
export function scatterStatistics(
  statistics: Float64Array,
  output: number,
  factors: number,
  secondOrder: boolean,
  first: Float64Array,
  total: Float64Array,
  second: Float64Array | undefined,
): void {
  for (let i = 0; i < factors; i++) {
    first[output * factors + i] = statistics[i];
    total[output * factors + i] = statistics[factors + i];
  }
  if (!secondOrder || second === undefined) return;
  let pair = 2 * factors;
  for (let i = 0; i < factors; i++) {
    for (let k = i + 1; k < factors; k++) {
      second[(output * factors + i) * factors + k] = statistics[pair];
      second[(output * factors + k) * factors + i] = statistics[pair];
      pair++;
    }
  }
}
