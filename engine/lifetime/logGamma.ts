/**
 * ln Γ(x) for x > 0, to about 1e-15 relative, by the Lanczos approximation
 *   Γ(x + 1) = √(2π) · (x + g + ½)^(x + ½) · e^−(x + g + ½) · A_g(x),
 *   A_g(x) = c₀ + Σ_{k=1}^{8} c_k / (x + k),
 * with g = 7 and the nine coefficients of Godfrey (as tabulated by Press et al., Numerical Recipes,
 * 3rd ed., §6.1, and widely reproduced). For x < ½ the reflection Γ(x)Γ(1 − x) = π / sin(πx) keeps
 * the series in its accurate range.
 */

const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.91893853320467274178;

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let series = COEFFICIENTS[0];
  for (let k = 1; k < COEFFICIENTS.length; k++) series += COEFFICIENTS[k] / (shifted + k);
  const base = shifted + G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}
