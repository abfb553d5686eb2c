import type { ForecastGoodness } from './forecastTypes.js';

/**
 * How `fitted` matches `observed` over the points [from, n):
 *   MAPE = 100/n · Σ |y − ŷ|/|y| (undefined when some y = 0), RMSE = √(Σ (y − ŷ)²/n),
 *   AIC  = −2 ln L + 2k without the constant n(1 + ln 2π) that every method shares:
 *   - `gaussian` (errors normal on the series' own scale): n·ln(RSS/n) + 2k;
 *   - `log-normal` (a fit of ln y): the same in ln y plus the Jacobian of y ↦ ln y,
 *     n·ln(RSS_ln/n) + 2·Σ ln y + 2k, so that its AIC compares with the Gaussian fits' on y.
 * A fit with no residual at all has AIC −∞.
 */
export function goodnessOfFit(observed: Float64Array, fitted: Float64Array, k: number, likelihood: 'gaussian' | 'log-normal' | 'none', from = 0): ForecastGoodness {
  const n = observed.length - from;
  let absolutePercent = 0;
  let hasZero = false;
  let squares = 0;
  let logSquares = 0;
  let logSum = 0;
  for (let i = from; i < observed.length; i++) {
    const error = observed[i] - fitted[i];
    if (observed[i] === 0) hasZero = true;
    else absolutePercent += Math.abs(error / observed[i]);
    squares += error * error;
    if (likelihood === 'log-normal') {
      logSquares += (Math.log(observed[i]) - Math.log(fitted[i])) ** 2;
      logSum += Math.log(observed[i]);
    }
  }
  const aic =
    likelihood === 'gaussian' ? n * Math.log(squares / n) + 2 * k : likelihood === 'log-normal' ? n * Math.log(logSquares / n) + 2 * logSum + 2 * k : undefined;
  return { n, k, mape: hasZero ? undefined : (100 * absolutePercent) / n, rmse: Math.sqrt(squares / n), aic };
}
