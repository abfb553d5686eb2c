import type { CompiledProblem } from './compileProblem.js';
import { cachedCovariance, type FactorCache } from './factorCache.js';
import { globalTest } from './globalTest.js';
import type { ReconcileFactors } from './linearFactors.js';
import type { Linearisation } from './linearise.js';
import type { Conflict } from './linearStep.js';
import { measurementTest } from './measurementTest.js';
import { reconcileMessage } from './reconcileMessage.js';
import type { ReconcileOptions } from './reconcileOptions.js';
import type { BoundViolation, ReconcileResult, ReconcileStatus, ReconciledVariable, VariableClass } from './reconcileResult.js';

export interface Outcome {
  readonly status: ReconcileStatus;
  readonly iterations: number;
  /** Size of the last step taken (Infinity before the first, NaN or Infinity if it diverged). */
  readonly lastStep: number;
  /** The constraints at `point`, and their residuals as shares (residualShares). */
  readonly linearisation: Linearisation;
  readonly shares: Float64Array;
  readonly conflicts: readonly Conflict[];
}

/**
 * The result at `point`, with `factors` the linearisation there. Values exist when the iteration
 * converged, or stopped at the cap with finite values; otherwise (inconsistent, diverged) every
 * value, sd and covariance is NaN and the message says why.
 */
export function reportReconciliation(
  problem: CompiledProblem,
  point: Float64Array,
  factors: ReconcileFactors,
  cache: FactorCache,
  options: Required<ReconcileOptions>,
  outcome: Outcome,
): ReconcileResult {
  const { names, roles, measured, unknowns, measurement, sd } = problem;
  const count = names.length;
  const valid = outcome.status === 'converged' || (outcome.status === 'not-converged' && Number.isFinite(outcome.lastStep) && outcome.conflicts.length === 0);
  const covariance = valid ? Float64Array.from(cachedCovariance(problem, factors, cache)) : new Float64Array(count * count).fill(NaN);

  const statistics = new Float64Array(measured.length);
  let chiSquare = 0;
  measured.forEach((v, i) => {
    const z = (point[v] - measurement[v]) / sd[v];
    chiSquare += z * z;
    statistics[i] = factors.elimination.redundant[i] ? z / Math.sqrt(factors.leverage[i]) : NaN;
  });
  const classes: VariableClass[] = roles.map((role) => (role === 'exact' ? 'exact' : 'observable'));
  measured.forEach((v, i) => (classes[v] = factors.elimination.redundant[i] ? 'redundant' : 'non-redundant'));
  unknowns.forEach((v, j) => (classes[v] = factors.elimination.observable[j] ? 'observable' : 'unobservable'));
  const statisticOf = new Float64Array(count).fill(NaN);
  measured.forEach((v, i) => (statisticOf[v] = statistics[i]));

  const variables = names.map((name, v): ReconciledVariable => {
    const determined = valid && classes[v] !== 'unobservable';
    const value = !determined ? NaN : roles[v] === 'exact' ? measurement[v] : point[v];
    return {
      name,
      role: roles[v],
      classification: classes[v],
      measured: measurement[v],
      measuredSd: sd[v],
      value,
      sd: determined ? Math.sqrt(Math.max(0, covariance[v * count + v])) : NaN,
      adjustment: value - measurement[v],
      normalizedAdjustment: valid ? statisticOf[v] : NaN,
    };
  });
  const violations: BoundViolation[] = [];
  variables.forEach(({ name, value }, v) => {
    if (value < problem.lower[v]) violations.push({ variable: name, bound: 'lower', limit: problem.lower[v], value });
    if (value > problem.upper[v]) violations.push({ variable: name, bound: 'upper', limit: problem.upper[v], value });
  });
  const global = globalTest(valid ? chiSquare : NaN, factors.measurementQr.rank, options.significance);
  const tests = measurementTest(names, measured, factors, valid ? statistics : statistics.fill(NaN), options.significance);
  const conflicts = outcome.conflicts.map(({ constraint, residual }) => ({ constraint: problem.labels[constraint], residual }));
  const result = { status: outcome.status, iterations: outcome.iterations, variables, covariance, globalTest: global, measurementTest: tests, violations, conflicts };
  return { ...result, message: reconcileMessage(problem, result, outcome) };
}
