import type { CurveFit } from './curveFit.js';
import { makeForecastFit } from './forecastFit.js';
import type { ForecastFit, ForecastMethod, ForecastParameter, Series } from './forecastTypes.js';
import { goodnessOfFit } from './goodness.js';

export const DELTA_METHOD_INTERVAL = 'delta method: fitted curve ± t(n − k)·√(s² + gᵀΣg), g the gradient of the curve in its fitted parameters, Σ = s²(JᵀJ)⁻¹';

/** A fitted curve as a forecast: its fitted values, parameters, goodness and prediction interval (see curveFit.ts). */
export interface CurveForecastParts {
  readonly method: ForecastMethod;
  readonly description: string;
  readonly history: Series;
  readonly level: number;
  readonly fit: CurveFit;
  /** The curve's x for a year: the year itself, or the covariate in that year. */
  readonly abscissaOf: (year: number) => number;
  /** The curve is of ln y. */
  readonly logSpace: boolean;
  readonly intervalMethod: string;
}

export function curveForecast(parts: CurveForecastParts): ForecastFit {
  const { fit, history, logSpace, abscissaOf } = parts;
  const back = (value: number) => (logSpace ? Math.exp(value) : value);
  const fitted = Float64Array.from(history.years, (year) => back(fit.curve.value(fit.theta, abscissaOf(year))));
  const k = fit.free.filter(Boolean).length;
  return makeForecastFit({
    method: parts.method,
    description: parts.description,
    parameters: curveParameters(fit),
    history,
    fitted,
    goodness: goodnessOfFit(history.values, fitted, k, logSpace ? 'log-normal' : 'gaussian'),
    level: parts.level,
    intervalMethod: parts.intervalMethod,
    predictive: { locate: (year) => curvePrediction(fit, abscissaOf(year)), degreesOfFreedom: fit.degreesOfFreedom, logSpace },
  });
}

/** Centre f(θ, x) and scale √(s² + gᵀΣg) of the prediction at x (Σ the parameters' covariance). */
function curvePrediction(fit: CurveFit, x: number): { centre: number; scale: number } {
  const { curve, theta, free, covariance } = fit;
  const gradient = new Float64Array(curve.names.length);
  curve.gradient(theta, x, gradient);
  const g = free.flatMap((isFree, j) => (isFree ? [gradient[j]] : []));
  let parameterVariance = 0;
  for (let a = 0; a < g.length; a++) for (let b = 0; b < g.length; b++) parameterVariance += g[a] * covariance[a * g.length + b] * g[b];
  return { centre: curve.value(theta, x), scale: Math.sqrt(fit.residualSumOfSquares / fit.degreesOfFreedom + parameterVariance) };
}

/** The parameters by name: fitted ones with their standard errors √Σⱼⱼ, given ones as given. */
function curveParameters(fit: CurveFit): Record<string, ForecastParameter> {
  const parameters: Record<string, ForecastParameter> = {};
  const k = fit.free.filter(Boolean).length;
  let freeIndex = 0;
  fit.curve.names.forEach((name, j) => {
    if (!fit.free[j]) {
      parameters[name] = { value: fit.theta[j], source: 'given' };
      return;
    }
    parameters[name] = { value: fit.theta[j], standardError: Math.sqrt(fit.covariance[freeIndex * k + freeIndex]), source: 'fitted' };
    freeIndex++;
  });
  return parameters;
}
