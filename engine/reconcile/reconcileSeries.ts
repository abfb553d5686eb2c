import { compileProblem, type CompiledProblem } from './compileProblem.js';
import { createFactorCache } from './factorCache.js';
import type { ReconcileProblem } from './problem.js';
import { reconcileCompiled } from './reconcile.js';
import { reconcileOptions, type ReconcileOptions } from './reconcileOptions.js';
import { ReconcileProblemError } from './reconcileProblemError.js';
import type { ReconcileResult } from './reconcileResult.js';

/**
 * Reconciles independent problems one after the other, typically the years of a time series
 * (each year's balances with that year's stock changes). Where consecutive problems have the same
 * linear structure (balance coefficients, which variables are measured), the elimination of the
 * unknowns is made once and reused (while the sds stay within a factor 64 of those it was scaled
 * for), and where the sds are the same too, the whole factorisation and the covariance. The
 * results are those of `reconcile` on each problem, to rounding. A problem
 * that cannot be posed throws before any is solved, its path prefixed with `problems[i].`.
 */
export function reconcileSeries(problems: readonly ReconcileProblem[], options: ReconcileOptions = {}): ReconcileResult[] {
  const checked = reconcileOptions(options);
  const cache = createFactorCache();
  const compiled = problems.map((problem, i): CompiledProblem => {
    try {
      return compileProblem(problem);
    } catch (error) {
      if (error instanceof ReconcileProblemError) throw new ReconcileProblemError(error.message, `problems[${i}].${error.path}`, error.hint);
      throw error;
    }
  });
  return compiled.map((problem) => reconcileCompiled(problem, checked, cache));
}
