import { logGamma } from '../lifetime/logGamma.js';
import { inverseNormalCdf } from '../sweep/design/inverseNormal.js';
import { regularizedBeta } from './incompleteBeta.js';

/**
 * Student's t distribution with ν > 0 degrees of freedom (ν = ∞ is the standard normal).
 *
 * Upper tail: Q(t) = P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (Abramowitz & Stegun 26.7.1
 * with 26.5.27), computed with both x = ν/(ν + t²) and 1 − x = t²/(ν + t²) formed directly, so
 * that neither the tails nor the centre lose digits to a subtraction.
 */
export function studentTUpperTail(t: number, degreesOfFreedom: number): number {
  if (t < 0) return 1 - studentTUpperTail(-t, degreesOfFreedom);
  const denominator = degreesOfFreedom + t * t;
  return 0.5 * regularizedBeta(degreesOfFreedom / denominator, degreesOfFreedom / 2, 0.5, (t * t) / denominator);
}

function density(t: number, degreesOfFreedom: number): number {
  const half = degreesOfFreedom / 2;
  const logNormaliser = logGamma(half + 0.5) - logGamma(half) - 0.5 * Math.log(degreesOfFreedom * Math.PI);
  return Math.exp(logNormaliser - (half + 0.5) * Math.log1p((t * t) / degreesOfFreedom));
}

const MAX_ITERATIONS = 200;

/**
 * The t ≥ 0 with Q(t) = tail (0 < tail < ½), by Newton's method on ln Q (Q falls over many
 * decades in the tails, ln Q nearly linearly): t ← t + (ln Q(t) − ln tail)·Q(t)/f(t), f the
 * density. The start is the Cornish–Fisher expansion of t about the normal deviate z
 * (Abramowitz & Stegun 26.7.5, first two terms); a step that leaves the bracket [low, high]
 * known to hold the root is replaced by bisection, so the iteration cannot diverge.
 */
function upperQuantile(tail: number, degreesOfFreedom: number): number {
  const z = -inverseNormalCdf(tail);
  const z3 = z * z * z;
  let t = z + (z3 + z) / (4 * degreesOfFreedom) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * degreesOfFreedom * degreesOfFreedom);
  let low = 0;
  let high = Math.max(t, 1);
  while (studentTUpperTail(high, degreesOfFreedom) > tail) {
    low = high;
    high *= 2;
  }
  if (!(t > low && t < high)) t = (low + high) / 2;
  const logTail = Math.log(tail);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const q = studentTUpperTail(t, degreesOfFreedom);
    if (q > tail) low = t;
    else high = t;
    let next = t + ((Math.log(q) - logTail) * q) / density(t, degreesOfFreedom);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 2 * Number.EPSILON * next) return next;
    t = next;
  }
  return t;
}

/**
 * The p-quantile of Student's t with ν degrees of freedom: −∞ at p = 0, +∞ at 1, NaN outside
 * [0, 1]. Closed forms for ν = 1 (Cauchy: tan(π(p − ½))) and ν = 2 ((2p − 1)/√(2p(1 − p))); the
 * normal quantile for ν = ∞; otherwise the Newton iteration above on the smaller tail, which
 * keeps full relative accuracy for p near 0 or 1.
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p >= 0 && p <= 1) || !(degreesOfFreedom > 0)) return NaN;
  if (degreesOfFreedom === Infinity) return inverseNormalCdf(p);
  if (p === 0.5) return 0;
  // 1 − p is exact for p ≥ ½ (Sterbenz), so the upper tail keeps its accuracy.
  const tail = p < 0.5 ? p : 1 - p;
  const sign = p < 0.5 ? -1 : 1;
  if (tail === 0) return sign * Infinity;
  if (degreesOfFreedom === 1) return sign / Math.tan(Math.PI * tail);
  if (degreesOfFreedom === 2) return (sign * (1 - 2 * tail)) / Math.sqrt(2 * tail * (1 - tail));
  return sign * upperQuantile(tail, degreesOfFreedom);
}
