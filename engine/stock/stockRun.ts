import { OptionsError } from '../errors.js';
import type { Survival } from '../lifetime/survival.js';
import { CohortStock } from './cohortStock.js';

/**
 * The start shared by the whole-series runs: checks the input series (`option` names it in
 * errors), takes the caller's workspace or a new one of the survival's shape, and resets it.
 */
export function startRun(
  option: string,
  series: ArrayLike<number>,
  survival: Survival,
  workspace: CohortStock | undefined,
  initialStock: ArrayLike<number> | undefined,
): CohortStock {
  checkLength(option, series, survival.horizon);
  const cohortStock = workspace ?? new CohortStock(survival.horizon, survival.initialCohorts);
  cohortStock.reset(survival, initialStock);
  return cohortStock;
}

/** The caller's output array (checked), or a new one. */
export function outputSeries(option: string, given: Float64Array | undefined, horizon: number): Float64Array {
  if (given === undefined) return new Float64Array(horizon);
  checkLength(option, given, horizon);
  return given;
}

function checkLength(option: string, values: ArrayLike<number>, horizon: number): void {
  if (values.length !== horizon) throw new OptionsError(option, `must have one value per year, ${horizon} (got ${values.length})`);
}
