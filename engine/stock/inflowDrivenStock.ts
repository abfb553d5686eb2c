import type { Survival } from '../lifetime/survival.js';
import { CohortStock } from './cohortStock.js';
import { outputSeries, startRun } from './stockRun.js';

export interface InflowDrivenOptions {
  /** Stock by initial cohort at the end of the year before the start, one value per survival.initialCohorts. */
  readonly initialStock?: ArrayLike<number>;
  /** A CohortStock of the survival's shape, reused between calls so that they allocate nothing. */
  readonly workspace?: CohortStock;
  /** Arrays of length T to fill instead of new ones. */
  readonly output?: { readonly stock: Float64Array; readonly outflow: Float64Array };
}

export interface InflowDrivenResult {
  /** Stock at the end of each year. */
  readonly stock: Float64Array;
  /** What leaves the stock during each year. */
  readonly outflow: Float64Array;
}

/**
 * Inflow-driven stock: every year's inflow enters as a cohort and leaves by the survival,
 * s(t) = Σ_c i(c) · sf(t, c) (plus what remains of the initial stock), o(t) = s(t − 1) + i(t) − s(t).
 * See CohortStock for the maths.
 */
export function inflowDrivenStock(inflow: ArrayLike<number>, survival: Survival, options: InflowDrivenOptions = {}): InflowDrivenResult {
  const horizon = survival.horizon;
  const cohortStock = startRun('inflow', inflow, survival, options.workspace, options.initialStock);
  const stock = outputSeries('output.stock', options.output?.stock, horizon);
  const outflow = outputSeries('output.outflow', options.output?.outflow, horizon);
  for (let year = 0; year < horizon; year++) {
    cohortStock.addCohort(year, inflow[year]);
    stock[year] = cohortStock.stock(year);
    outflow[year] = cohortStock.outflow(year);
  }
  return { stock, outflow };
}
