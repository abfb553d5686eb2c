import { checkPositive } from './checkSeries.js';
import type { Curve } from './curveFit.js';
import { fitCurve } from './curveFit.js';
import { curveForecast } from './curveForecast.js';
import { degenerate, tooFewPoints } from './forecastProblems.js';
import type { ForecastResult, Series } from './forecastTypes.js';

/**
 * Linear trend y = level + slope·(year − Y) and log-linear trend ln y = logLevel + rate·(year − Y),
 * Y the last observed year (so `level` is the trend's value there, and the log-linear trend grows
 * by e^rate − 1 a year), fitted by ordinary least squares. Years may have gaps. Prediction
 * interval: the OLS one, ŷ ± t_{n−2}·s·√(1 + 1/n + (year − mean year)²/Σ(yearᵢ − mean year)²),
 * for the log-linear trend in ln y and transformed back.
 */
function trendCurve(names: readonly [string, string], referenceYear: number): Curve {
  return {
    names,
    value: (theta, year) => theta[0] + theta[1] * (year - referenceYear),
    gradient: (_theta, year, out) => {
      out[0] = 1;
      out[1] = year - referenceYear;
    },
  };
}

const LINEAR_INTERVAL = 'OLS prediction interval: fitted value ± t(n − 2)·s·√(1 + 1/n + (year − mean year)²/Σ(yearᵢ − mean year)²)';
const LOG_INTERVAL = `${LINEAR_INTERVAL}, in ln y, transformed back with exp (the point forecast is the median)`;

export function fitTrend(history: Series, logSpace: boolean, level: number): ForecastResult {
  const method = logSpace ? 'log-linear' : 'linear';
  const n = history.years.length;
  if (n < 3) return tooFewPoints(`${method} trend`, n, 3, 'a trend has 2 parameters and needs one more year to estimate the scatter');
  if (logSpace) {
    const negative = checkPositive('log-linear trend', 'history values', history);
    if (negative) return negative;
  }
  const referenceYear = history.years[n - 1];
  const outcome = fitCurve({
    curve: trendCurve(logSpace ? ['logLevel', 'rate'] : ['level', 'slope'], referenceYear),
    abscissae: history.years,
    response: logSpace ? history.values.map(Math.log) : history.values,
    start: new Float64Array(2),
    free: [true, true],
    linear: true,
  });
  if (!outcome.ok) return degenerate(`${method} trend`, 'the years do not determine a trend', 'give at least two different years');
  return {
    ok: true,
    fit: curveForecast({
      method,
      description: logSpace ? `log-linear trend: ln y = logLevel + rate·(year − ${referenceYear})` : `linear trend: y = level + slope·(year − ${referenceYear})`,
      history,
      level,
      fit: outcome.fit,
      abscissaOf: (year) => year,
      logSpace,
      intervalMethod: logSpace ? LOG_INTERVAL : LINEAR_INTERVAL,
    }),
  };
}
