import { OptionsError } from '../errors.js';
import { checkPositive } from './checkSeries.js';
import { covariateByYear } from './covariate.js';
import type { Curve } from './curveFit.js';
import { fitCurve } from './curveFit.js';
import { DELTA_METHOD_INTERVAL, curveForecast } from './curveForecast.js';
import { degenerate, invalidParameter, noConvergence, noSaturation, tooFewPoints } from './forecastProblems.js';
import type { ForecastResult, ForecastSpec, RegressionForm, Series } from './forecastTypes.js';

/**
 * Regression of the driver y on another driver x (the covariate) in the same year, for example
 * waste per person on GDP per person, in three forms:
 *   linear      y = intercept + slope·x
 *   log-log     ln y = intercept + slope·ln x            (slope: the elasticity of y in x)
 *   saturating  y = maximum·x/(halfSaturation + x) + intercept
 * Coefficients given in the spec are held; the others are fitted to the history by least squares
 * (in ln y for log-log). All given: a published curve used as it is (What a Waste 2.0's, in
 * pik-piam/mrremind calcWasteGen.R: log-log intercept 2.16, slope 0.37; saturating maximum
 * 1274.45, halfSaturation 61542.95, intercept 92.15, kg/person/yr on GDP per person). Some given:
 * for example the published elasticity with the intercept fitted to the city, which scales the
 * published curve to the city's level (log-log) or shifts it (saturating).
 *
 * halfSaturation, when fitted, starts from the best of 60 geometrically spaced values from 1/100
 * of the smallest to 100 times the largest covariate value in the history (the other coefficients
 * are linear given it: one least-squares solve each), then Levenberg–Marquardt. A fitted
 * halfSaturation more than 100 times the largest covariate value means the history is not
 * saturating in x: `no-saturation`.
 *
 * Prediction interval in y (ln y for log-log, transformed back): with fitted coefficients the OLS
 * one, or the delta method when halfSaturation is fitted (curveFit.ts); with every coefficient
 * given, the history's scatter about the given curve, ŷ ± t(n)·s, s² = RSS/n.
 */

interface RegressionShape {
  readonly curve: Curve;
  readonly logSpace: boolean;
  readonly equation: string;
  /** The covariate must be positive (a logarithm or a ratio of it). */
  readonly positiveCovariate: boolean;
}

const LINEAR_NAMES = ['intercept', 'slope'] as const;

const SHAPES: Record<RegressionForm, RegressionShape> = {
  linear: {
    curve: {
      names: LINEAR_NAMES,
      value: (theta, x) => theta[0] + theta[1] * x,
      gradient: (_theta, x, out) => {
        out[0] = 1;
        out[1] = x;
      },
    },
    logSpace: false,
    equation: 'y = intercept + slope·x',
    positiveCovariate: false,
  },
  'log-log': {
    curve: {
      names: LINEAR_NAMES,
      value: (theta, x) => theta[0] + theta[1] * Math.log(x),
      gradient: (_theta, x, out) => {
        out[0] = 1;
        out[1] = Math.log(x);
      },
    },
    logSpace: true,
    equation: 'ln y = intercept + slope·ln x',
    positiveCovariate: true,
  },
  saturating: {
    curve: {
      names: ['maximum', 'halfSaturation', 'intercept'],
      value: (theta, x) => (theta[0] * x) / (theta[1] + x) + theta[2],
      gradient: (theta, x, out) => {
        out[0] = x / (theta[1] + x);
        out[1] = (-theta[0] * x) / (theta[1] + x) ** 2;
        out[2] = 1;
      },
    },
    logSpace: false,
    equation: 'y = maximum·x/(halfSaturation + x) + intercept',
    positiveCovariate: true,
  },
};

const HALF_SATURATION = 1;
const CANDIDATES = 60;
const RANGE = 100;

export function fitRegression(history: Series, spec: Extract<ForecastSpec, { method: 'regression' }>, covariate: Series | undefined, until: number | undefined, level: number): ForecastResult {
  const label = `${spec.form} regression`;
  const shape = SHAPES[spec.form];
  const { names } = shape.curve;
  const given = spec.coefficients ?? {};
  for (const [name, value] of Object.entries(given)) {
    if (!names.includes(name)) return invalidParameter(label, `coefficients.${name}`, value, `is not a coefficient of this form (${names.join(', ')})`);
    if (!Number.isFinite(value)) return invalidParameter(label, `coefficients.${name}`, value, 'must be a finite number');
  }
  if (spec.form === 'saturating' && given.halfSaturation !== undefined && !(given.halfSaturation > 0)) {
    return invalidParameter(label, 'coefficients.halfSaturation', given.halfSaturation, 'must be positive');
  }
  const nonPositive = shape.logSpace ? checkPositive(label, 'history values', history) : undefined;
  if (nonPositive) return nonPositive;
  const covariateAt = covariateByYear(covariate, history, until, label, shape.positiveCovariate);
  if (!(covariateAt instanceof Map)) return covariateAt;

  const free = names.map((name) => given[name] === undefined);
  const k = free.filter(Boolean).length;
  const n = history.years.length;
  if (n < k + 1) return tooFewPoints(label, n, k + 1, `it fits ${k} coefficients and needs one more year for the scatter (or give the coefficients)`);

  const abscissae = Float64Array.from(history.years, (year) => covariateAt.get(year) as number);
  const response = shape.logSpace ? history.values.map(Math.log) : history.values;
  const nonlinear = spec.form === 'saturating' && free[HALF_SATURATION];
  const largestCovariate = Math.max(...abscissae);
  const initial = Float64Array.from(names, (name) => given[name] ?? 0);
  const start = nonlinear ? halfSaturationStart(shape.curve, abscissae, response, initial, free) : initial;
  const outcome = fitCurve({ curve: shape.curve, abscissae, response, start, free, linear: !nonlinear });
  const halfSaturation = outcome.ok ? outcome.fit.theta[HALF_SATURATION] : outcome.theta[HALF_SATURATION];
  if (nonlinear && !(halfSaturation <= RANGE * largestCovariate)) {
    return noSaturation(label, 'halfSaturation', halfSaturation, largestCovariate, 'use the linear or log-log form, or give halfSaturation');
  }
  if (!outcome.ok) {
    return outcome.reason === 'singular'
      ? degenerate(label, 'the covariate does not vary enough over the history to determine the coefficients', 'give the coefficients, or use a trend')
      : noConvergence(label, 'give halfSaturation (and the other coefficients) from a published fit');
  }
  return {
    ok: true,
    fit: curveForecast({
      method: 'regression',
      description: `${label} on the covariate x: ${shape.equation}`,
      history,
      level,
      fit: outcome.fit,
      abscissaOf: (year) => {
        const x = covariateAt.get(year);
        if (x === undefined) throw new OptionsError('covariate', `has no value for ${year}; pass options.until to check its coverage when fitting`);
        return x;
      },
      logSpace: shape.logSpace,
      intervalMethod: intervalMethod(k, nonlinear, shape.logSpace),
    }),
  };
}

/** The candidate halfSaturation, with the other free coefficients solved for it, that fits best. */
function halfSaturationStart(curve: Curve, abscissae: Float64Array, response: Float64Array, given: Float64Array, free: readonly boolean[]): Float64Array {
  const linearFree = free.map((isFree, j) => isFree && j !== HALF_SATURATION);
  const low = Math.min(...abscissae) / RANGE;
  const high = Math.max(...abscissae) * RANGE;
  const ratio = (high / low) ** (1 / (CANDIDATES - 1));
  let best = given;
  let bestSquares = Infinity;
  for (let c = 0; c < CANDIDATES; c++) {
    const candidate = Float64Array.from(given);
    candidate[HALF_SATURATION] = low * ratio ** c;
    const outcome = fitCurve({ curve, abscissae, response, start: candidate, free: linearFree, linear: true });
    if (outcome.ok && outcome.fit.residualSumOfSquares < bestSquares) [best, bestSquares] = [outcome.fit.theta, outcome.fit.residualSumOfSquares];
  }
  return best;
}

function intervalMethod(k: number, nonlinear: boolean, logSpace: boolean): string {
  const space = logSpace ? ', in ln y, transformed back with exp (the point forecast is the median)' : '';
  if (k === 0) return `given coefficients: fitted value ± t(n)·s, s² = Σ residual²/n, the scatter of the history about the given curve${space}`;
  if (nonlinear) return DELTA_METHOD_INTERVAL;
  return `OLS prediction interval: fitted value ± t(n − k)·s·√(1 + gᵀ(XᵀX)⁻¹g), g the regressors at x${space}`;
}
