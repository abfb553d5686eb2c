import type { Solution } from '../simulate/solution.js';
import type { CompiledObservation, ObservationCell, ObservationKind } from './observationTypes.js';

/**
 * The model's value of every observed point of `observation` in a solution, in the model's units
 * (the same as the observation's converted values): sums of flows or stock levels, a stock's
 * change over the year (inflow − outflow, what the process balance takes off), or a flow over
 * all that leaves its source (NaN where nothing leaves); NaN for a substance, which a run does
 * not compute. Written into `out` (length = points).
 */
export function modelValues(solution: Solution, observation: CompiledObservation, out = new Float64Array(observation.points.t.length)): Float64Array {
  if (observation.substance !== undefined) return out.fill(NaN);
  const { t, group } = observation.points;
  for (let i = 0; i < t.length; i++) {
    const { cells, denominator } = observation.groups[group[i]];
    const value = cellSum(solution, observation.kind, cells, t[i]);
    out[i] = observation.kind === 'share' ? value / cellSum(solution, 'flow', denominator, t[i]) : value;
  }
  return out;
}

/** Σ of the cells in year index `t`. */
export function cellSum(solution: Solution, kind: ObservationKind, cells: readonly ObservationCell[], t: number): number {
  let sum = 0;
  for (const cell of cells) sum += cellValue(solution, kind, cell, t);
  return sum;
}

function cellValue(solution: Solution, kind: ObservationKind, cell: ObservationCell, t: number): number {
  if (cell.series === 'flow') {
    const values = solution.flows[cell.index].values;
    return values[t * (values.length / solution.years.length) + cell.item];
  }
  const stock = solution.stocks[cell.index];
  const index = t * (stock.stock.length / solution.years.length) + cell.item;
  return kind === 'change' ? stock.inflow[index] - stock.outflow[index] : stock.stock[index];
}
