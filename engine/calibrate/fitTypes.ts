import type { ObservedSeriesFit } from '../observations/observationFit.js';
import type { Solution } from '../simulate/solution.js';
import type { FittedParameter } from './parameterSelection.js';

/** The options and the result of `fitParameters`. */

export interface FitOptions {
  /** What to fit: `name` or `name[item]` of value parameters. */
  readonly parameters: readonly string[];
  /** Fit the model in this scenario (it must not set a fitted parameter). */
  readonly scenario?: string;
  /** Most Levenberg–Marquardt steps (default 200). */
  readonly maxSteps?: number;
}

export interface ParameterEstimate extends FittedParameter {
  readonly estimate: number;
  /** √ of the covariance's diagonal (see ParameterFit.errorScale); NaN when the fit is singular. */
  readonly standardError: number;
  /** Ended on its lower bound: the box, not the data, stops it there, and its standard error means little. */
  readonly atBound: boolean;
}

/**
 * converged: at a minimum; iteration-limit: stopped at the step cap; singular: the data do not
 * determine every parameter (one changes nothing the observations see, or two change it alike);
 * no-run: the model does not run to success at the starting values.
 */
export type FitStatus = 'converged' | 'iteration-limit' | 'singular' | 'no-run';

export interface ParameterFit {
  readonly status: FitStatus;
  readonly message: string;
  readonly estimates: readonly ParameterEstimate[];
  /** k × k, row-major, in the parameters' units: (JᵀWJ)⁻¹ · errorScale². */
  readonly covariance: Float64Array;
  readonly correlation: Float64Array;
  /** Σ ((model − observed)/sd)² at the start and at the estimate. */
  readonly initialChiSquare: number;
  readonly chiSquare: number;
  /** Observed values (n) − fitted parameters (k). */
  readonly degreesOfFreedom: number;
  /** P(χ²_dof ≥ χ²): small when the model cannot reproduce the data within their sds. */
  readonly pValue: number;
  /** max(1, √(χ²/dof)): what the standard errors were multiplied by (1: the sds are taken as they are). */
  readonly errorScale: number;
  /** Runs of the model made. */
  readonly runs: number;
  /** The run at the estimate, and its fit to every observed series. */
  readonly solution: Solution;
  readonly fit: readonly ObservedSeriesFit[];
}
