import type { CompiledProblem } from './compileProblem.js';
import { constraintScaling, scalingStillServes } from './constraintScaling.js';
import { eliminateUnknowns, reconcileMeasurements, type EliminationFactors, type ReconcileFactors } from './linearFactors.js';
import { reconciledCovariance } from './reconciledCovariance.js';

/**
 * The last factorisation and what it was made from. A linear problem linearised twice (once to
 * solve, once at the solution to report) and the years of a series reuse it: the elimination of
 * the unknowns while the slopes are the same (balance coefficients, the same variables measured)
 * and its scaling still serves the sds (scalingStillServes), everything (the covariance included)
 * while the sds are the same too. A reused scaling changes results only by rounding.
 */
export interface FactorCache {
  key?: {
    readonly variableCount: number;
    readonly measured: Int32Array;
    readonly unknowns: Int32Array;
    /** The Jacobian's columns of the measured values, then of the unknowns. */
    readonly slopes: Float64Array;
    readonly sd: Float64Array;
  };
  elimination?: EliminationFactors;
  factors?: ReconcileFactors;
  /** The covariance for `factors`, once asked for. */
  covariance?: { readonly factors: ReconcileFactors; readonly values: Float64Array };
  /** How many factorisations were made and reused, per stage (for benchmarks and tests). */
  readonly counts: { eliminations: number; reconciliations: number; reuses: number };
}

export function createFactorCache(): FactorCache {
  return { counts: { eliminations: 0, reconciliations: 0, reuses: 0 } };
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function slopesOf(problem: CompiledProblem, jacobian: Float64Array): Float64Array {
  const constraints = problem.labels.length;
  const slopes = new Float64Array(constraints * (problem.measured.length + problem.unknowns.length));
  let offset = 0;
  for (const v of [...problem.measured, ...problem.unknowns]) {
    slopes.set(jacobian.subarray(v * constraints, (v + 1) * constraints), offset);
    offset += constraints;
  }
  return slopes;
}

export function factorise(problem: CompiledProblem, jacobian: Float64Array, cache: FactorCache): ReconcileFactors {
  const slopes = slopesOf(problem, jacobian);
  const scaling = constraintScaling(problem, jacobian);
  const sd = Float64Array.from(problem.measured, (v) => problem.sd[v]);
  const key = cache.key;
  const sameStructure =
    key !== undefined &&
    key.variableCount === problem.names.length &&
    sameValues(key.measured, problem.measured) &&
    sameValues(key.unknowns, problem.unknowns) &&
    sameValues(key.slopes, slopes) &&
    scalingStillServes(cache.elimination!, scaling);
  if (sameStructure && sameValues(key.sd, sd)) {
    cache.counts.reuses++;
    return cache.factors!;
  }
  if (!sameStructure) {
    cache.elimination = eliminateUnknowns(problem, jacobian, scaling);
    cache.counts.eliminations++;
  }
  cache.factors = reconcileMeasurements(problem, cache.elimination!);
  cache.counts.reconciliations++;
  cache.key = { variableCount: problem.names.length, measured: problem.measured, unknowns: problem.unknowns, slopes, sd };
  return cache.factors;
}

/** The covariance of the variables for the cache's current factors (computed once per factorisation). */
export function cachedCovariance(problem: CompiledProblem, factors: ReconcileFactors, cache: FactorCache): Float64Array {
  if (cache.covariance?.factors !== factors) cache.covariance = { factors, values: reconciledCovariance(problem, factors) };
  return cache.covariance.values;
}
