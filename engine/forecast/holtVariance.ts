/**
 * The h-step forecast variance of Holt's method, as a multiple of the one-step variance σ².
 *
 * In error-correction form (Hyndman, Koehler, Ord & Snyder, Forecasting with Exponential
 * Smoothing, 2008, ch. 6, the linear homoscedastic models; ETS(A,A,N) and ETS(A,Ad,N)) an error
 * εₜ moves the level by α·εₜ and the trend by α·β*·εₜ, where β* is the trend smoothing of the
 * component form. An error j steps before the forecast year therefore reaches it with weight
 *   c_j = α·(1 + β*·(φ + φ² + … + φʲ)),
 * and the h-step variance is σ²·(1 + Σ_{j=1}^{h−1} c_j²). For φ = 1 this is
 * σ²·(1 + (h − 1)·(α² + αβh + β²h(2h − 1)/6)) with β = αβ*, and for φ < 1 the damped closed form,
 * as tabulated in Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed. (2021),
 * §8.7, table of forecast variances (the tests check the sum against both closed forms).
 */
export function holtVarianceFactor(horizon: number, alpha: number, beta: number, phi: number): number {
  let factor = 1;
  let dampedSum = 0;
  let power = 1;
  for (let j = 1; j < horizon; j++) {
    power *= phi;
    dampedSum += power;
    const weight = alpha * (1 + beta * dampedSum);
    factor += weight * weight;
  }
  return factor;
}

/** φ + φ² + … + φʰ: how much of the last trend the h-step forecast adds. */
export function dampedHorizon(horizon: number, phi: number): number {
  let sum = 0;
  let power = 1;
  for (let j = 1; j <= horizon; j++) {
    power *= phi;
    sum += power;
  }
  return sum;
}
