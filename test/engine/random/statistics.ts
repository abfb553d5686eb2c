/**
 * Goodness-of-fit statistics for the tests of random numbers and designs. Critical values are for
 * a significance level of 0.001, so that a correct generator fails one fixed-seed test in a thousand.
 */

/** Pearson's χ² of counts against equal expected counts. */
export function chiSquareUniform(counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const expected = total / counts.length;
  let statistic = 0;
  for (let i = 0; i < counts.length; i++) statistic += (counts[i] - expected) ** 2 / expected;
  return statistic;
}

/** χ²(99) at 0.999, for 100 bins (NIST/SEMATECH table of the chi-square distribution). */
export const CHI_SQUARE_99_AT_0_999 = 148.23;

/** Kolmogorov–Smirnov distance of a sample from the uniform distribution on (0, 1). */
export function kolmogorovSmirnovUniform(sample: Float64Array): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let distance = 0;
  for (let i = 0; i < n; i++) distance = Math.max(distance, (i + 1) / n - sorted[i], sorted[i] - i / n);
  return distance;
}

/** Asymptotic KS critical value at 0.001: √(−ln(0.0005)/2)/√n = 1.9495/√n. */
export function kolmogorovSmirnovCritical(n: number): number {
  return 1.9495 / Math.sqrt(n);
}

/** Counts of values in (0, 1) over `bins` equal bins. */
export function histogram(values: Float64Array, bins: number): Uint32Array {
  const counts = new Uint32Array(bins);
  for (const value of values) counts[Math.floor(value * bins)]++;
  return counts;
}
