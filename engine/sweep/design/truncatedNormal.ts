import { inverseNormalCdf, inverseNormalCdfOfLog } from './inverseNormal.js';
import { logNormalUpperTail, normalCdf, normalUpperTail } from './normalTail.js';

/**
 * Quantile function of the standard normal truncated to [a, b] (a < b; either may be infinite),
 * accurate in the tails: the interval may lie 40 or 1000 standard deviations out.
 *
 * The textbook Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a))) fails when a is far in the upper tail: Φ(a) rounds to 1
 * and every u maps to the same point. Instead, for 0 ≤ a < b, work with upper tails relative to
 * Q(a): with ρ = Q(b)/Q(a), the x whose share of the mass below it is v solves
 *   Q(x)/Q(a) = 1 − v·(1 − ρ) = ρ + w·(1 − ρ),   w = 1 − v,
 * evaluated as ln r = log1p(−v(1 − ρ)) when v ≤ 1/2 and ln(ρ + w(1 − ρ)) otherwise, so that neither
 * form cancels; then x = −Φ⁻¹ of exp(ln Q(a) + ln r), taken in logarithms. An interval with b ≤ 0
 * is the mirror image (x → −x, v ↔ w). An interval around 0 has Φ(a) < 1/2 < Φ(b), so the direct
 * form is accurate, using the upper tail Q(b) + (1 − u)(Φ(b) − Φ(a)) above the median.
 */
export function truncatedStandardNormalQuantile(a: number, b: number): (u: number) => number {
  const clamp = (x: number): number => Math.min(b, Math.max(a, x));
  if (a >= 0) {
    const upper = upperSideQuantile(a, b);
    return (u) => clamp(upper(u, 1 - u));
  }
  if (b <= 0) {
    const mirrored = upperSideQuantile(-b, -a);
    return (u) => clamp(-mirrored(1 - u, u));
  }
  const below = normalCdf(a);
  const above = normalUpperTail(b);
  const mass = 1 - below - above;
  return (u) => {
    const lower = below + u * mass;
    return clamp(lower <= 0.5 ? inverseNormalCdf(lower) : -inverseNormalCdf(above + (1 - u) * mass));
  };
}

/** For 0 ≤ a < b: the x in [a, b] with a share v of the mass below it and w = 1 − v above it. */
function upperSideQuantile(a: number, b: number): (v: number, w: number) => number {
  const logTailA = logNormalUpperTail(a);
  const logRho = b === Infinity ? -Infinity : logNormalUpperTail(b) - logTailA;
  const rho = Math.exp(logRho);
  const oneMinusRho = -Math.expm1(logRho);
  return (v, w) => {
    const logRatio = v <= 0.5 ? Math.log1p(-v * oneMinusRho) : Math.log(rho + w * oneMinusRho);
    return -inverseNormalCdfOfLog(logTailA + logRatio);
  };
}
