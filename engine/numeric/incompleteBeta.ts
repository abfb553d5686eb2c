import { logGamma } from '../lifetime/logGamma.js';

/**
 * The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b) for a, b > 0 and
 * 0 ≤ x ≤ 1: the distribution function of a beta(a, b) variable at x (Student's t and Fisher's F
 * distribution functions are special cases).
 *
 * I_x(a, b) = x^a (1 − x)^b / (a B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))) with
 *   d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
 *   d_{2m}   = m (b − m) x / ((a + 2m − 1)(a + 2m)),
 * evaluated by the modified Lentz method (Press et al., Numerical Recipes, 3rd ed., §6.4). The
 * fraction converges fast for x < (a + 1)/(a + b + 2); above that the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) is used. `complement` is 1 − x, which callers that know it more
 * accurately than the subtraction (x close to 1) pass in. Accuracy: about 1e-13 relative for shapes
 * up to ~100, limited by ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), which loses ln Γ(a + b)·ε.
 */

const EPSILON = Number.EPSILON;
/** Stands in for 0 in the Lentz recursion, whose intermediate quantities must not vanish. */
const TINY = 1e-300;
const MAX_TERMS = 10_000;

function continuedFraction(x: number, a: number, b: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m < MAX_TERMS; m++) {
    const twoM = 2 * m;
    const even = (m * (b - m) * x) / ((a - 1 + twoM) * (a + twoM));
    d = 1 + even * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + even / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    const odd = (-(a + m) * (sum + m) * x) / ((a + twoM) * (a + 1 + twoM));
    d = 1 + odd * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + odd / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const change = d * c;
    fraction *= change;
    if (Math.abs(change - 1) < EPSILON) return fraction;
  }
  return NaN;
}

export function regularizedBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (x <= 0) return 0;
  if (complement <= 0) return 1;
  const logFront = a * Math.log(x) + b * Math.log(complement) - (logGamma(a) + logGamma(b) - logGamma(a + b));
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * continuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * continuedFraction(complement, b, a)) / b;
}
