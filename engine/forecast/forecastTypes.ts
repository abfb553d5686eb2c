/**
 * The public shapes of the forecast kernel: what a method is asked (a spec), what it answers (a
 * fit, or a problem the user can act on). See README.md in this folder for the methods.
 */

/** A yearly series as columns: whole years in increasing order, one value each. */
export interface Series {
  readonly years: Float64Array;
  readonly values: Float64Array;
}

export const FORECAST_METHODS = ['linear', 'log-linear', 'holt', 'gm11', 'logistic', 'gompertz', 'regression'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export const REGRESSION_FORMS = ['linear', 'log-log', 'saturating'] as const;
export type RegressionForm = (typeof REGRESSION_FORMS)[number];

export type ForecastSpec =
  | { readonly method: 'linear' }
  | { readonly method: 'log-linear' }
  /** Smoothing parameters fixed where given, fitted otherwise; `phi` only with `damped`. */
  | { readonly method: 'holt'; readonly damped?: boolean; readonly alpha?: number; readonly beta?: number; readonly phi?: number }
  | { readonly method: 'gm11' }
  /** The upper asymptote fixed where given, fitted otherwise. */
  | { readonly method: 'logistic'; readonly saturation?: number }
  | { readonly method: 'gompertz'; readonly saturation?: number }
  /** Regression on `options.covariate`; coefficients fixed where given (all, some or none), fitted otherwise. */
  | { readonly method: 'regression'; readonly form: RegressionForm; readonly coefficients?: Readonly<Record<string, number>> };

export interface ForecastOptions {
  /** Coverage of the prediction interval, in (0, 1). Default 0.95. */
  readonly level?: number;
  /** For `regression`: the other driver, over every history year and every year to be projected. */
  readonly covariate?: Series;
  /** The last year the forecast will be asked for (the model's end year): a regression's covariate must reach it. */
  readonly until?: number;
}

export const FORECAST_DEFAULTS = { level: 0.95 } as const;

export type ForecastProblem =
  | 'not-finite'
  | 'out-of-range'
  | 'invalid-years'
  | 'too-few-points'
  | 'years-not-consecutive'
  | 'non-positive'
  | 'invalid-parameter'
  | 'saturation-below-data'
  | 'no-saturation'
  | 'no-convergence'
  | 'degenerate'
  | 'missing-covariate';

export type ForecastResult =
  | { readonly ok: true; readonly fit: ForecastFit }
  | { readonly ok: false; readonly problem: ForecastProblem; readonly message: string; readonly hint: string };

export interface ForecastParameter {
  readonly value: number;
  /** Asymptotic standard error, where the method defines one (least-squares fits). */
  readonly standardError?: number;
  /** `fitted` by the method's criterion, `given` in the spec, or `derived` from the data and the others (initial or final states). */
  readonly source: 'fitted' | 'given' | 'derived';
}

export interface ForecastGoodness {
  /** Observed years used. */
  readonly n: number;
  /** Parameters estimated from the data (given ones are not counted). */
  readonly k: number;
  /** Mean absolute percentage error of the fitted values, in percent; undefined when an observed value is 0. */
  readonly mape: number | undefined;
  /** Root mean square error of the fitted values, in the series' unit. */
  readonly rmse: number;
  /** Akaike's criterion n·ln(RSS/n) + 2k of the Gaussian likelihood of the observed values (see README); undefined for gm11. */
  readonly aic: number | undefined;
  /** gm11 only, and not for a constant history: the posterior variance ratio C = S(residuals)/S(data) (< 0.35 is "good"). */
  readonly posteriorVarianceRatio?: number;
  /** gm11 only, and not for a constant history: the small-error probability P = share of |residual − mean| < 0.6745·S(data) (> 0.95 is "good"). */
  readonly smallErrorProbability?: number;
}

/** The point forecast and the prediction interval, one value per requested year. */
export interface ForecastBand {
  /** The median of the predictive distribution: its mean too, except for the log-space methods (see README). */
  readonly point: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

export interface ForecastFit {
  readonly method: ForecastMethod;
  /** One line: the fitted equation in words, e.g. "log-log regression: ln y = a + b·ln x". */
  readonly description: string;
  /** Named, in a fixed order per method (README). */
  readonly parameters: Readonly<Record<string, ForecastParameter>>;
  /** The history the fit was made from (a copy). */
  readonly history: Series;
  /** In-sample values over the history years: one-step-ahead forecasts (holt) or the fitted curve (the others). */
  readonly fitted: Float64Array;
  readonly goodness: ForecastGoodness;
  readonly interval: { readonly level: number; readonly method: string };
  /**
   * The forecast for `years`, each an observed year (its observed value, with no interval) or a
   * whole year after the last observed one; any other year is an OptionsError.
   */
  project(years: Float64Array): ForecastBand;
  /** The forecast's p-quantile for each year (0 < p < 1): a whole path at one probability, for sweeps. */
  quantile(years: Float64Array, p: number): Float64Array;
}
