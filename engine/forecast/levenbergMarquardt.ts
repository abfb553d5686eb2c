import { leastSquares } from './leastSquares.js';

/**
 * Nonlinear least squares min Σ (yᵢ − f(θ, xᵢ))² by Levenberg–Marquardt with Marquardt's
 * scaling (Moré, "The Levenberg–Marquardt algorithm: implementation and theory", Lecture Notes
 * in Mathematics 630, 1978): each step δ solves
 *   min ‖J·δ − r‖² + λ‖D·δ‖²,   r = y − f(θ), J = ∂f/∂θ, D = diag(largest column norms of J so far),
 * as the linear least-squares problem [J; √λ·D]·δ ≈ [r; 0] (QR, no normal equations). A step
 * that lowers the sum of squares is taken and λ shrinks tenfold; otherwise λ grows tenfold. The
 * scaling makes the iteration indifferent to the parameters' units (a saturation in tonnes next to
 * a rate per year). Everything is deterministic: same start, same bits.
 *
 * It stops when a step lowers the sum of squares by less than 1e-15 of itself, or when no step
 * lowers it at all (λ past 1e16: a minimum to working precision), both `converged`; or after
 * 500 evaluations, `iteration-limit`; or when [J; √λ·D] is rank-deficient (a parameter the data
 * do not determine), `singular`.
 */

export interface NonlinearProblem {
  readonly observations: number;
  readonly parameters: number;
  /** Writes yᵢ − f(θ, xᵢ) to `residuals` and, when given, ∂f(θ, xᵢ)/∂θⱼ to `jacobian` (column-major). */
  evaluate(theta: Float64Array, residuals: Float64Array, jacobian?: Float64Array): void;
}

export interface LevenbergMarquardtOutcome {
  readonly status: 'converged' | 'iteration-limit' | 'singular';
  readonly theta: Float64Array;
  readonly residualSumOfSquares: number;
}

const RELATIVE_REDUCTION = 1e-15;
const MAX_EVALUATIONS = 500;
const MAX_DAMPING = 1e16;

export function levenbergMarquardt(problem: NonlinearProblem, start: Float64Array): LevenbergMarquardtOutcome {
  const m = problem.observations;
  const k = problem.parameters;
  const rows = m + k;
  let theta = Float64Array.from(start);
  const residuals = new Float64Array(m);
  const trialResiduals = new Float64Array(m);
  const jacobian = new Float64Array(m * k);
  const scale = new Float64Array(k);
  const design = new Float64Array(rows * k);
  const rhs = new Float64Array(rows);
  problem.evaluate(theta, residuals, jacobian);
  let rss = sumOfSquares(residuals);
  if (!Number.isFinite(rss)) return { status: 'singular', theta, residualSumOfSquares: rss };
  let damping = 1e-3;
  for (let evaluation = 0; evaluation < MAX_EVALUATIONS; evaluation++) {
    if (rss === 0) return { status: 'converged', theta, residualSumOfSquares: rss };
    for (let j = 0; j < k; j++) {
      let norm2 = 0;
      for (let i = 0; i < m; i++) norm2 += jacobian[j * m + i] ** 2;
      scale[j] = Math.max(scale[j], Math.sqrt(norm2));
      design.set(jacobian.subarray(j * m, (j + 1) * m), j * rows);
      for (let i = 0; i < k; i++) design[j * rows + m + i] = i === j ? Math.sqrt(damping) * scale[j] : 0;
    }
    rhs.set(residuals);
    const step = leastSquares(design, rhs, rows, k);
    if (!step) return { status: 'singular', theta, residualSumOfSquares: rss };
    const trial = new Float64Array(k);
    for (let j = 0; j < k; j++) trial[j] = theta[j] + step.coefficients[j];
    problem.evaluate(trial, trialResiduals);
    const trialRss = sumOfSquares(trialResiduals);
    if (trialRss < rss) {
      const reduction = (rss - trialRss) / rss;
      theta = trial;
      rss = trialRss;
      problem.evaluate(theta, residuals, jacobian);
      damping /= 10;
      if (reduction <= RELATIVE_REDUCTION) return { status: 'converged', theta, residualSumOfSquares: rss };
    } else {
      damping *= 10;
      if (damping > MAX_DAMPING) return { status: 'converged', theta, residualSumOfSquares: rss };
    }
  }
  return { status: 'iteration-limit', theta, residualSumOfSquares: rss };
}

function sumOfSquares(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return sum;
}
