import { leastSquares } from './leastSquares.js';
import { levenbergMarquardt } from './levenbergMarquardt.js';

/**
 * A parametric curve y = f(θ, x) fitted by least squares, with some parameters given (held at
 * their values) and the others fitted. Trends (x = year), saturation curves and regressions
 * (x = the covariate) are all such curves; log-space methods fit ln y.
 *
 * With k fitted parameters and n points, s² = RSS/(n − k) and the coefficients' covariance is
 * s²·(JᵀJ)⁻¹, J = ∂f/∂θ over the fitted parameters at the solution: the OLS covariance for a
 * curve linear in θ, its first-order (delta-method) counterpart otherwise (Seber & Wild,
 * Nonlinear Regression, 1989, ch. 5). The prediction at a new x is then t-distributed with
 * n − k degrees of freedom, centre f(θ, x) and scale s·√(1 + gᵀ(JᵀJ)⁻¹g), g = ∂f/∂θ at x: the
 * classical OLS prediction interval (exact under normal errors for a linear curve) and its
 * delta-method form for a nonlinear one. With every parameter given, s² = RSS/n on n degrees of
 * freedom: the scatter of the history about the given curve.
 */
export interface Curve {
  readonly names: readonly string[];
  value(theta: Float64Array, x: number): number;
  /** ∂f(θ, x)/∂θⱼ for every parameter j. */
  gradient(theta: Float64Array, x: number, out: Float64Array): void;
}

export interface CurveFitRequest {
  readonly curve: Curve;
  readonly abscissae: Float64Array;
  readonly response: Float64Array;
  /** Every parameter: given ones at their values, fitted ones at a start. */
  readonly start: Float64Array;
  readonly free: readonly boolean[];
  /** f is linear in θ: one least-squares solve is exact. */
  readonly linear: boolean;
}

export interface CurveFit {
  readonly curve: Curve;
  readonly theta: Float64Array;
  readonly free: readonly boolean[];
  readonly residualSumOfSquares: number;
  readonly degreesOfFreedom: number;
  /** s²·(JᵀJ)⁻¹ over the fitted parameters, in their order, row-major. */
  readonly covariance: Float64Array;
}

export type CurveFitOutcome =
  | { readonly ok: true; readonly fit: CurveFit }
  /** `theta`: every parameter where the iteration stopped. */
  | { readonly ok: false; readonly reason: 'singular' | 'iteration-limit'; readonly theta: Float64Array };

export function fitCurve(request: CurveFitRequest): CurveFitOutcome {
  const { curve, abscissae, response, start, free, linear } = request;
  const n = abscissae.length;
  const freeIndices = free.flatMap((isFree, j) => (isFree ? [j] : []));
  const k = freeIndices.length;
  const theta = Float64Array.from(start);
  const gradient = new Float64Array(curve.names.length);

  /** Residuals y − f and the Jacobian over the fitted parameters, at `theta` with `freeValues` put in. */
  const evaluate = (freeValues: Float64Array, residuals: Float64Array, jacobian?: Float64Array) => {
    for (let j = 0; j < k; j++) theta[freeIndices[j]] = freeValues[j];
    for (let i = 0; i < n; i++) {
      residuals[i] = response[i] - curve.value(theta, abscissae[i]);
      if (!jacobian) continue;
      curve.gradient(theta, abscissae[i], gradient);
      for (let j = 0; j < k; j++) jacobian[j * n + i] = gradient[freeIndices[j]];
    }
  };

  const startFree = Float64Array.from(freeIndices, (j) => start[j]);
  const residuals = new Float64Array(n);
  const jacobian = new Float64Array(n * k);
  if (k > 0 && linear) {
    evaluate(startFree, residuals, jacobian);
    const step = leastSquares(jacobian, residuals, n, k);
    if (!step) return { ok: false, reason: 'singular', theta: Float64Array.from(start) };
    for (let j = 0; j < k; j++) startFree[j] += step.coefficients[j];
  } else if (k > 0) {
    const outcome = levenbergMarquardt({ observations: n, parameters: k, evaluate }, startFree);
    startFree.set(outcome.theta);
    if (outcome.status !== 'converged') {
      for (let j = 0; j < k; j++) theta[freeIndices[j]] = startFree[j];
      return { ok: false, reason: outcome.status, theta };
    }
  }
  evaluate(startFree, residuals, jacobian);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += residuals[i] * residuals[i];
  const degreesOfFreedom = n - k;
  const variance = rss / degreesOfFreedom;
  let covariance = new Float64Array(0);
  if (k > 0) {
    const gram = leastSquares(jacobian, residuals, n, k);
    if (!gram) return { ok: false, reason: 'singular', theta };
    covariance = gram.inverseGram.map((value) => value * variance);
  }
  return { ok: true, fit: { curve, theta: Float64Array.from(theta), free, residualSumOfSquares: rss, degreesOfFreedom, covariance } };
}
