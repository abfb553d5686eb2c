import type { CompiledModel } from '../compile/compiledModel.js';
import { OptionsError } from '../errors.js';
import { reconcileSeries, type ReconcileOptions, type ReconcileResult } from '../reconcile/index.js';
import type { Solution } from '../simulate/solution.js';
import { balanceProblems, type BalanceSystem } from './balanceProblems.js';
import type { CompiledObservation } from './observationTypes.js';

export interface ModelReconciliationOptions extends ReconcileOptions {
  /** Model years to reconcile (default: every year with an observation). */
  readonly years?: readonly number[];
  /** A run of the model: its values start the iteration for the unknowns and are reported beside the data. */
  readonly initial?: Solution;
}

export interface ModelReconciliation {
  readonly system: BalanceSystem;
  /** One per problem of `system` (per year). */
  readonly results: readonly ReconcileResult[];
}

/**
 * Reconciles a model's observations with its balances, year by year (see balanceProblems for how
 * the problems are built, engine/reconcile for the method). The model's structure is what is
 * used: its processes, flows, stocks and items, not its values.
 */
export function reconcileModel(model: CompiledModel, observations: readonly CompiledObservation[], options: ModelReconciliationOptions = {}): ModelReconciliation {
  const { start, end } = model.definition.time;
  const years = options.years ?? observedYears(model, observations);
  for (const year of years) {
    if (!Number.isInteger(year) || year < start || year > end) throw new OptionsError('years', `must be model years, ${start}–${end} (got ${year})`);
  }
  const system = balanceProblems(model, observations, years.map((year) => year - start), options.initial);
  const results = reconcileSeries(system.problems.map((entry) => entry.problem), options);
  return { system, results };
}

/** The years in which some observation gives a value, ascending. */
export function observedYears(model: CompiledModel, observations: readonly CompiledObservation[]): number[] {
  const years = new Set<number>();
  for (const observation of observations) for (const t of observation.points.t) years.add(model.definition.time.start + t);
  return [...years].sort((a, b) => a - b);
}
