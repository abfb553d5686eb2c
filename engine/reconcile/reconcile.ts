import { compileProblem, type CompiledProblem } from './compileProblem.js';
import { createFactorCache, factorise, type FactorCache } from './factorCache.js';
import { createLinearisation, linearise, residualShares } from './linearise.js';
import { linearStep, type LinearStep } from './linearStep.js';
import type { ReconcileProblem } from './problem.js';
import { reconcileOptions, type ReconcileOptions } from './reconcileOptions.js';
import type { ReconcileResult } from './reconcileResult.js';
import { reportReconciliation } from './reportReconciliation.js';

/**
 * Reconciles the measurements of `problem`: the values closest to the measurements, in the
 * metric of their covariance, that satisfy every constraint, with their covariance and the
 * statistical tests of the result. Pure and deterministic. A problem that cannot be posed throws
 * ReconcileProblemError, bad options OptionsError; everything else is the result's status.
 */
export function reconcile(problem: ReconcileProblem, options: ReconcileOptions = {}): ReconcileResult {
  return reconcileCompiled(compileProblem(problem), reconcileOptions(options), createFactorCache());
}

/**
 * Successive linearisation (Kelly 2004; Cencic 2016): linearise the constraints at the current
 * estimate, reconcile the linear problem exactly, move there, repeat. A fixed point satisfies the
 * constraints and the first-order optimality conditions of the nonlinear problem. A linear problem
 * takes one step. The result is reported with the linearisation at the final estimate, so the
 * covariance and the tests are those of the solution.
 */
export function reconcileCompiled(problem: CompiledProblem, options: Required<ReconcileOptions>, cache: FactorCache): ReconcileResult {
  const point = Float64Array.from(problem.start);
  const linearisation = createLinearisation(problem);
  let iterations = 0;
  let lastStep = Infinity;
  for (;;) {
    linearise(problem, point, linearisation);
    const factors = factorise(problem, linearisation.jacobian, cache);
    const shares = residualShares(linearisation.residual, linearisation.magnitude, factors.elimination.rowScale);
    const report = (status: ReconcileResult['status'], step: LinearStep | undefined) =>
      reportReconciliation(problem, point, factors, cache, options, { status, iterations, lastStep, linearisation, shares, conflicts: step?.conflicts ?? [] });
    if (iterations > 0 && (problem.linear || (lastStep <= options.tolerance && Math.max(...shares) <= options.tolerance))) {
      return report('converged', undefined);
    }
    if (iterations === options.maxIterations) return report('not-converged', undefined);
    const step = linearStep(problem, factors, linearisation, point);
    iterations++;
    // A product's slopes can vanish or line up at a poor estimate: a conflict there is the
    // linearisation's, not necessarily the constraints'.
    if (step.conflicts.length > 0) return report(step.conflicts.some(({ constraint }) => problem.nonlinear[constraint]) ? 'not-converged' : 'inconsistent', step);
    lastStep = moveTo(problem, point, step);
    if (!Number.isFinite(lastStep)) return report('not-converged', undefined);
  }
}

/** Applies a step to `point`; returns its size (sd units for measured values, relative for unknowns). */
function moveTo(problem: CompiledProblem, point: Float64Array, step: LinearStep): number {
  const { measured, unknowns, measurement, sd } = problem;
  let size = 0;
  measured.forEach((v, i) => {
    const next = measurement[v] + sd[v] * step.standardised[i];
    size = Math.max(size, Math.abs(next - point[v]) / sd[v]);
    point[v] = next;
  });
  unknowns.forEach((v, j) => {
    const change = step.unknownStep[j];
    if (change === 0) return;
    const next = point[v] + change;
    size = Math.max(size, Math.abs(change) / Math.max(Math.abs(next), Math.abs(point[v])));
    point[v] = next;
  });
  return size;
}
