import { logGamma } from './logGamma.js';

/**
 * The regularised incomplete gamma functions P(a, x) = γ(a, x) / Γ(a) and Q(a, x) = 1 − P(a, x),
 * for a > 0: the distribution and survival functions of a gamma(shape a, scale 1) variable at x.
 *
 * Two expansions, each used where it converges fast and without cancellation (Press et al.,
 * Numerical Recipes, 3rd ed., §6.2):
 * - x < a + 1: the series P(a, x) = e^−x x^a / Γ(a + 1) · Σ_{n≥0} x^n / ((a + 1)(a + 2)…(a + n)),
 *   and Q = 1 − P (P ≤ about ½ unless a < 1; for small a, e.g. P(0.1, 1) ≈ 0.975, the
 *   subtraction costs up to two digits of Q's relative accuracy);
 * - x ≥ a + 1: the continued fraction
 *   Q(a, x) = e^−x x^a / Γ(a) · 1/(x + 1 − a −) 1·(1 − a)/(x + 3 − a −) 2·(2 − a)/(x + 5 − a −) …,
 *   evaluated by the modified Lentz method.
 * Both stop when the next term changes the result by less than one unit in the last place; they
 * need O(√a) terms, so a generous cap only guards against non-finite input (NaN is returned).
 */

const EPSILON = Number.EPSILON;
/** Stands in for 0 in the Lentz recursion, whose intermediate quantities must not vanish. */
const TINY = 1e-300;
const MAX_TERMS = 100_000;

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) return sum * Math.exp(a * Math.log(x) - x - logGamma(a));
  }
  return NaN;
}

function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const numerator = -i * (i - a);
    b += 2;
    d = numerator * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + numerator / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const change = d * c;
    fraction *= change;
    if (Math.abs(change - 1) < EPSILON) return fraction * Math.exp(a * Math.log(x) - x - logGamma(a));
  }
  return NaN;
}

export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}

export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}
