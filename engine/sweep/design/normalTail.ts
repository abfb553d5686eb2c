import { erfc } from '../../lifetime/erfc.js';

/**
 * The standard normal distribution function and its upper tail, from Cody's erfc
 * (engine/lifetime/erfc.ts): Φ(x) = erfc(−x/√2)/2 and Q(x) = 1 − Φ(x) = erfc(x/√2)/2. Rounding x/√2
 * costs about x²·1e-16 of relative accuracy in Q (2e-13 at x = 30), which moves a quantile by
 * about 1e-16 of itself. Q underflows below x ≈ 37.5; its logarithm is given everywhere.
 */

const SQRT_HALF = Math.SQRT1_2;
const LOG_SQRT_2PI = 0.91893853320467274178;
/** Where the asymptotic series of log Q takes over (Q(37) ≈ 5.7e-300 is still a normal double). */
const ASYMPTOTIC_FROM = 37;
/** Terms of the asymptotic series; the first omitted one, 17!!/37^18, is below 1e-20. */
const ASYMPTOTIC_TERMS = 9;

export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT_HALF);
}

export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x * SQRT_HALF);
}

/**
 * ln Q(x), finite for every finite x. For x ≥ 37 it uses Q(x) = φ(x)/x · Σ_k (−1)^k (2k−1)!!/x^(2k)
 * (Abramowitz & Stegun 26.2.12); the series is alternating, so its error is below the first
 * omitted term. For x < 0, ln(1 − Φ(x)) with log1p keeps the accuracy of the small Φ(x).
 */
export function logNormalUpperTail(x: number): number {
  if (x < 0) return Math.log1p(-normalCdf(x));
  if (x < ASYMPTOTIC_FROM) return Math.log(normalUpperTail(x));
  const inverseSquare = 1 / (x * x);
  let term = 1;
  let series = 1;
  for (let k = 1; k < ASYMPTOTIC_TERMS; k++) {
    term *= -(2 * k - 1) * inverseSquare;
    series += term;
  }
  return -0.5 * x * x - Math.log(x) - LOG_SQRT_2PI + Math.log(series);
}

/** The Mills ratio Q(x)/φ(x), the reciprocal of −d ln Q/dx, for Newton steps on ln Q. */
export function millsRatio(x: number): number {
  return Math.exp(logNormalUpperTail(x) + 0.5 * x * x + LOG_SQRT_2PI);
}
