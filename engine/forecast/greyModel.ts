import { checkConsecutive, checkPositive } from './checkSeries.js';
import { makeForecastFit } from './forecastFit.js';
import { degenerate, tooFewPoints } from './forecastProblems.js';
import type { ForecastResult, Series } from './forecastTypes.js';
import { goodnessOfFit } from './goodness.js';
import { leastSquares } from './leastSquares.js';

/**
 * The grey model GM(1,1) (Deng, Control problems of grey systems, Systems & Control Letters 1 (1982)
 * 288–294; Liu & Lin, Grey Systems: Theory and Applications, Springer 2010).
 * With x⁰(1..n) the history and x¹(k) = x⁰(1) + … + x⁰(k) its accumulation, the background
 * values z(k) = (x¹(k) + x¹(k − 1))/2 and the grey equation x⁰(k) + a·z(k) = b (k = 2..n) give
 * a and b by least squares; the whitened equation dx¹/dt + a·x¹ = b has the time response
 *   x̂¹(k + 1) = (x⁰(1) − b/a)·e^(−ak) + b/a,
 * and the forecasts are its differences,
 *   x̂⁰(k) = (b − a·x⁰(1))·g(a)·e^(−a(k − 2)),  k ≥ 2,  g(a) = (1 − e^(−a))/a  (g(0) = 1),
 * evaluated with expm1 so that a → 0 (a flat series) needs no special case. x̂⁰(1) = x⁰(1) by
 * construction, so the goodness of fit (MAPE, RMSE, C, P) is over k = 2..n:
 *   C = S₂/S₁ with S₁, S₂ the (population) standard deviations of x⁰ and of the residuals
 *   ε(k) = x⁰(k) − x̂⁰(k); P = share of k with |ε(k) − mean ε| < 0.6745·S₁ (neither for a
 *   constant history, S₁ = 0).
 * GM(1,1) is not a likelihood fit of x⁰ (a, b minimise the grey equation's residuals), so it has
 * no AIC and no standard errors.
 *
 * Prediction interval (approximate, not part of grey theory): x̂⁰(k) is exponential in k, so the
 * interval is the one a log-linear trend in k would have, centred on the GM(1,1) forecast, with
 * the GM(1,1) residuals in ln: ln x̂⁰(k) ± t(n − 3)·s·√(1 + 1/m + (k − k̄)²/Σ(kᵢ − k̄)²),
 * s² = Σ (ln x⁰ − ln x̂⁰)²/(m − 2) over the m = n − 1 fitted points k = 2..n.
 */

export function fitGreyModel(history: Series, level: number): ForecastResult {
  const label = 'GM(1,1)';
  const { years, values } = history;
  const n = values.length;
  if (n < 4) return tooFewPoints(label, n, 4, 'GM(1,1) fits 2 parameters to the n − 1 grey equations and needs one more for the error variance');
  const invalid = checkConsecutive(label, history) ?? checkPositive(label, 'history values', history);
  if (invalid) return invalid;

  const m = n - 1;
  const design = new Float64Array(2 * m);
  let accumulated = values[0];
  for (let k = 1; k < n; k++) {
    const previous = accumulated;
    accumulated += values[k];
    design[k - 1] = -(accumulated + previous) / 2;
    design[m + k - 1] = 1;
  }
  const solution = leastSquares(design, values.subarray(1), m, 2);
  if (!solution) return degenerate(label, 'the grey equations do not determine a and b', 'use a linear trend');
  const [a, b] = solution.coefficients;
  const growth = a === 0 ? 1 : -Math.expm1(-a) / a;
  const logScale = Math.log((b - a * values[0]) * growth);
  if (!Number.isFinite(logScale)) return degenerate(label, `the fitted values are not positive (a = ${a}, b = ${b})`, 'the series does not follow an exponential path; use a linear trend or holt');
  /** ln x̂⁰(k) for k ≥ 2 (1-based). */
  const logForecast = (k: number) => logScale - a * (k - 2);

  const fitted = Float64Array.from(values, (value, i) => (i === 0 ? value : Math.exp(logForecast(i + 1))));
  const goodness = goodnessOfFit(values, fitted, 2, 'none', 1);

  let logSquares = 0;
  let meanK = 0;
  for (let k = 2; k <= n; k++) {
    logSquares += (Math.log(values[k - 1]) - logForecast(k)) ** 2;
    meanK += k / m;
  }
  let spreadK = 0;
  for (let k = 2; k <= n; k++) spreadK += (k - meanK) ** 2;
  const s = Math.sqrt(logSquares / (m - 2));
  const lastYear = years[n - 1];

  return {
    ok: true,
    fit: makeForecastFit({
      method: 'gm11',
      description: 'GM(1,1): x¹(k + 1) = (x⁰(1) − b/a)·e^(−ak) + b/a, forecasts its differences',
      parameters: { a: { value: a, source: 'fitted' }, b: { value: b, source: 'fitted' } },
      history,
      fitted,
      goodness: { ...goodness, ...posteriorChecks(values, fitted) },
      level,
      intervalMethod:
        'approximate: a log-linear trend interval in k centred on the GM(1,1) forecast, from its residuals in ln ' +
        '(ln x̂ ± t(n − 3)·s·√(1 + 1/m + (k − mean k)²/Σ(kᵢ − mean k)²), m = n − 1 fitted points)',
      predictive: {
        locate: (year) => {
          const k = n + (year - lastYear);
          return { centre: logForecast(k), scale: s * Math.sqrt(1 + 1 / m + (k - meanK) ** 2 / spreadK) };
        },
        degreesOfFreedom: m - 2,
        logSpace: true,
      },
    }),
  };
}

/**
 * The posterior variance ratio C and the small-error probability P over k = 2..n (see above);
 * both compare the residuals with the spread of the data, so a constant history has neither.
 */
function posteriorChecks(values: Float64Array, fitted: Float64Array): { posteriorVarianceRatio?: number; smallErrorProbability?: number } {
  const n = values.length;
  const meanValue = values.reduce((sum, value) => sum + value, 0) / n;
  let dataVariance = 0;
  for (const value of values) dataVariance += (value - meanValue) ** 2 / n;
  if (dataVariance === 0) return {};
  let meanResidual = 0;
  for (let i = 1; i < n; i++) meanResidual += (values[i] - fitted[i]) / (n - 1);
  let residualVariance = 0;
  let small = 0;
  const s1 = Math.sqrt(dataVariance);
  for (let i = 1; i < n; i++) {
    const deviation = values[i] - fitted[i] - meanResidual;
    residualVariance += deviation ** 2 / (n - 1);
    if (Math.abs(deviation) < 0.6745 * s1) small++;
  }
  return { posteriorVarianceRatio: Math.sqrt(residualVariance) / s1, smallErrorProbability: small / (n - 1) };
}
