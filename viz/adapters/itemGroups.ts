import { collapseSeries } from './collapse.js';
import type { RunSeries } from './runSeries.js';

/**
 * Which colour category each dimension item falls in. A figure colours its categories in order,
 * so an item's colour follows from its position in the dimension as the model declares it, the
 * same in every figure of a model. Beyond `maxItems` categories colours can no longer be told
 * apart, so the largest `maxItems − 1` items keep their own (in declared order) and the rest
 * share one, named for how many it holds ("7 other streams"). Which items are largest is the
 * caller's `totals`: those of the whole run (runItemTotals), not of one figure, so that every
 * figure of a run keeps the same items and gives each the same colour.
 */
export interface ItemGroups {
  readonly names: readonly string[];
  /** Category of each item, by the item's index in its dimension. */
  readonly groupOf: Int32Array;
}

export function itemGroups(items: readonly string[], totals: Float64Array, maxItems: number, dimension: string): ItemGroups {
  const groupOf = new Int32Array(items.length);
  if (items.length <= maxItems) {
    groupOf.forEach((_, k) => (groupOf[k] = k));
    return { names: items, groupOf };
  }
  const bySize = items.map((_, k) => k).sort((a, b) => totals[b] - totals[a] || a - b);
  const kept = new Set(bySize.slice(0, maxItems - 1));
  const names: string[] = [];
  for (let k = 0; k < items.length; k++) {
    if (!kept.has(k)) continue;
    groupOf[k] = names.length;
    names.push(items[k]);
  }
  const merged = items.length - kept.size;
  for (let k = 0; k < items.length; k++) if (!kept.has(k)) groupOf[k] = names.length;
  names.push(`${merged} other ${dimension}s`);
  return { names, groupOf };
}

/** Totals already summed, by the runs (which never change) and dimension: the figures of many years of the same runs ask again and again. */
const totalsOf = new WeakMap<readonly RunSeries[], Map<string, Float64Array>>();

/**
 * How much of each item of `dimension` the runs move: the sum over every flow that has the
 * dimension, every year and every run. Items that no flow carries total 0 and keep their
 * declared order.
 */
export function runItemTotals(runs: readonly RunSeries[], dimension: string): Float64Array {
  let byDimension = totalsOf.get(runs);
  if (!byDimension) totalsOf.set(runs, (byDimension = new Map()));
  let totals = byDimension.get(dimension);
  if (!totals) byDimension.set(dimension, (totals = summedItemTotals(runs, dimension)));
  return totals;
}

function summedItemTotals(runs: readonly RunSeries[], dimension: string): Float64Array {
  const items = runs[0].dimensions.find((candidate) => candidate.name === dimension)?.items ?? [];
  const totals = new Float64Array(items.length);
  for (const run of runs) {
    for (const flow of run.flows) {
      if (!flow.dims.includes(dimension)) continue;
      const collapsed = collapseSeries(flow.values, flow.dims, run.dimensions, dimension);
      collapsed.values.forEach((value, i) => (totals[i % collapsed.size] += Math.abs(value)));
    }
  }
  return totals;
}
