import { logNormalUpperTail, millsRatio } from './normalTail.js';

/**
 * The standard normal quantile Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16), "The percentage
 * points of the normal distribution", Applied Statistics 37 (1988) 477–484: accurate to about
 * 1 part in 10^16. Coefficients as printed there (and in R's qnorm.c). Three rational
 * approximations: in q = p − 1/2 for |q| ≤ 0.425, and in r = √(−ln min(p, 1 − p)) for r ≤ 5 and
 * for 5 < r ≤ 27. The logarithmic form below reaches r > 27 (p below 1e-316), where the last
 * approximation is only a starting point, polished by Newton steps on ln Q.
 */

const CENTRAL_NUMERATOR = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const CENTRAL_DENOMINATOR = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
];
const NEAR_NUMERATOR = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const NEAR_DENOMINATOR = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const FAR_NUMERATOR = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const FAR_DENOMINATOR = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
/** ln 0.075: below it, p is in a tail of AS 241. */
const LOG_TAIL_LIMIT = Math.log(0.075);
const NEWTON_STEPS = 8;

/** Horner evaluation of a degree-7 polynomial with coefficients in increasing order. */
function polynomial7(c: readonly number[], x: number): number {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}

function centralQuantile(q: number): number {
  const r = 0.180625 - q * q;
  return (q * polynomial7(CENTRAL_NUMERATOR, r)) / polynomial7(CENTRAL_DENOMINATOR, r);
}

/** The positive deviate z with min(p, 1 − p) = exp(−r²). */
function tailDeviate(r: number): number {
  if (r <= 5) return polynomial7(NEAR_NUMERATOR, r - 1.6) / polynomial7(NEAR_DENOMINATOR, r - 1.6);
  return polynomial7(FAR_NUMERATOR, r - 5) / polynomial7(FAR_DENOMINATOR, r - 5);
}

/** Φ⁻¹(p): −∞ at 0, +∞ at 1, NaN outside [0, 1]. */
export function inverseNormalCdf(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return centralQuantile(q);
  // 1 − p is exact for p ≥ 1/2 (Sterbenz), so the upper tail keeps its relative accuracy.
  const tail = q < 0 ? p : 1 - p;
  if (!(tail > 0)) return tail === 0 ? (q < 0 ? -Infinity : Infinity) : NaN;
  const z = tailDeviate(Math.sqrt(-Math.log(tail)));
  return q < 0 ? -z : z;
}

/**
 * Φ⁻¹(exp(logP)) for logP ≤ 0, accurate where exp(logP) underflows (truncated normals far out in
 * a tail need this). Past r = 27 it refines z on ln Q(z) = logP by Newton's method:
 * d ln Q/dz = −1/M(z) with M the Mills ratio, so z ← z + (ln Q(z) − logP)·M(z).
 */
export function inverseNormalCdfOfLog(logP: number): number {
  if (logP > LOG_TAIL_LIMIT) {
    const p = Math.exp(logP);
    return p <= 0.925 ? inverseNormalCdf(p) : -inverseNormalCdf(-Math.expm1(logP));
  }
  if (logP === -Infinity) return -Infinity;
  const r = Math.sqrt(-logP);
  let z = tailDeviate(r);
  if (r > 27) {
    for (let step = 0; step < NEWTON_STEPS; step++) {
      const correction = (logNormalUpperTail(z) - logP) * millsRatio(z);
      z += correction;
      if (Math.abs(correction) <= 1e-15 * z) break;
    }
  }
  return -z;
}
