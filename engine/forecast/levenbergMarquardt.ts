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
 * 500 trial steps, `iteration-limit`; or when [J; √λ·D] is rank-deficient (a parameter the data
 * do not determine), `singular`. A trial point that cannot be evaluated (residuals not finite) is
 * a step that failed: λ grows, as for a step that does not lower the sum.
 *
 * Bounds (`options.lower`, `options.upper`) are kept by projection: each trial point is clipped
 * into the box before it is evaluated (projected Levenberg–Marquardt; Kanzow, Yamashita &
 * Fukushima 2004). A parameter that ends on its bound is where the box stops the descent.
 */

export interface LevenbergMarquardtOptions {
  /** Per parameter, the smallest value allowed (default −∞). */
  readonly lower?: Float64Array;
  /** Per parameter, the largest value allowed (default +∞). */
  readonly upper?: Float64Array;
  /** Relative reduction of the sum of squares below which a taken step ends the iteration (default 1e-15). */
  readonly relativeReduction?: number;
  /** Most trial steps (default 500). */
  readonly maxSteps?: number;
}

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
  /** Calls of `problem.evaluate`, with and without the Jacobian. */
  readonly evaluations: number;
}

const RELATIVE_REDUCTION = 1e-15;
const MAX_STEPS = 500;
const MAX_DAMPING = 1e16;

export function levenbergMarquardt(problem: NonlinearProblem, start: Float64Array, options: LevenbergMarquardtOptions = {}): LevenbergMarquardtOutcome {
  const lower = options.lower ?? new Float64Array(start.length).fill(-Infinity);
  const upper = options.upper ?? new Float64Array(start.length).fill(Infinity);
  const relativeReduction = options.relativeReduction ?? RELATIVE_REDUCTION;
  const maxSteps = options.maxSteps ?? MAX_STEPS;
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
  let evaluations = 1;
  let rss = sumOfSquares(residuals);
  const outcome = (status: LevenbergMarquardtOutcome['status']): LevenbergMarquardtOutcome => ({ status, theta, residualSumOfSquares: rss, evaluations });
  if (!Number.isFinite(rss)) return outcome('singular');
  let damping = 1e-3;
  for (let step = 0; step < maxSteps; step++) {
    if (rss === 0) return outcome('converged');
    for (let j = 0; j < k; j++) {
      let norm2 = 0;
      for (let i = 0; i < m; i++) norm2 += jacobian[j * m + i] ** 2;
      scale[j] = Math.max(scale[j], Math.sqrt(norm2));
      design.set(jacobian.subarray(j * m, (j + 1) * m), j * rows);
      for (let i = 0; i < k; i++) design[j * rows + m + i] = i === j ? Math.sqrt(damping) * scale[j] : 0;
    }
    rhs.set(residuals);
    const solved = leastSquares(design, rhs, rows, k);
    if (!solved) return outcome('singular');
    const trial = new Float64Array(k);
    for (let j = 0; j < k; j++) trial[j] = Math.min(Math.max(theta[j] + solved.coefficients[j], lower[j]), upper[j]);
    problem.evaluate(trial, trialResiduals);
    evaluations++;
    const trialRss = sumOfSquares(trialResiduals);
    if (trialRss < rss) {
      const reduction = (rss - trialRss) / rss;
      theta = trial;
      rss = trialRss;
      problem.evaluate(theta, residuals, jacobian);
      evaluations++;
      damping /= 10;
      if (reduction <= relativeReduction) return outcome('converged');
    } else {
      damping *= 10;
      if (damping > MAX_DAMPING) return outcome('converged');
    }
  }
  return outcome('iteration-limit');
}

function sumOfSquares(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return sum;
}
