import type { Survival } from '../lifetime/survival.js';
import type { CohortStock } from './cohortStock.js';
import { outputSeries, startRun } from './stockRun.js';

export interface StockDrivenOptions {
  /** Retire older cohorts pro rata instead of letting the inflow go negative (default false). */
  readonly negativeInflowCorrection?: boolean;
  /** Stock by initial cohort at the end of the year before the start, one value per survival.initialCohorts. */
  readonly initialStock?: ArrayLike<number>;
  /** A CohortStock of the survival's shape, reused between calls so that they allocate nothing. */
  readonly workspace?: CohortStock;
  /** Arrays of length T to fill instead of new ones. */
  readonly output?: { readonly inflow: Float64Array; readonly outflow: Float64Array; readonly stock: Float64Array };
}

export interface StockDrivenResult {
  readonly inflow: Float64Array;
  readonly outflow: Float64Array;
  /** Stock at the end of each year: the target, except in unreachable years. */
  readonly stock: Float64Array;
  /** Years (0-based) where the inflow would have been negative and older cohorts were retired instead. */
  readonly correctedYears: number[];
  /** Years where the inflow is negative (correction off): the lifetime retires less than the target falls. */
  readonly negativeInflowYears: number[];
  /** Years where no inflow meets the target (sf(t, t) = 0, or a negative target); the inflow is 0. */
  readonly unreachableYears: number[];
}

/**
 * Stock-driven stock: the inflow that makes the stock meet `target` at the end of every year,
 * i(t) = (s(t) − Σ_{c<t} s_c(t, c)) / sf(t, t), with optional negative-inflow correction.
 * See CohortStock.meetTarget for the maths and the cases.
 */
export function stockDrivenStock(target: ArrayLike<number>, survival: Survival, options: StockDrivenOptions = {}): StockDrivenResult {
  const horizon = survival.horizon;
  const cohortStock = startRun('target', target, survival, options.workspace, options.initialStock);
  const inflow = outputSeries('output.inflow', options.output?.inflow, horizon);
  const outflow = outputSeries('output.outflow', options.output?.outflow, horizon);
  const stock = outputSeries('output.stock', options.output?.stock, horizon);
  const correct = options.negativeInflowCorrection ?? false;
  const result: StockDrivenResult = { inflow, outflow, stock, correctedYears: [], negativeInflowYears: [], unreachableYears: [] };
  for (let year = 0; year < horizon; year++) {
    switch (cohortStock.meetTarget(year, target[year], correct)) {
      case 'met':
        break;
      case 'corrected':
        result.correctedYears.push(year);
        break;
      case 'negative-inflow':
        result.negativeInflowYears.push(year);
        break;
      case 'unreachable':
        result.unreachableYears.push(year);
        break;
    }
    inflow[year] = cohortStock.inflow(year);
    outflow[year] = cohortStock.outflow(year);
    stock[year] = cohortStock.stock(year);
  }
  return result;
}
