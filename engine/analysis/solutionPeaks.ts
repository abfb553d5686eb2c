import { itemLabels } from '../compile/dimensionIndex.js';
import type { DerivedKind, Solution } from '../simulate/solution.js';
import { findPeak, totalOverItems, type Peak, type PeakOptions } from './peaks.js';
import { wasteFlowMask } from './wasteFlows.js';

export type PeakSeriesKind = 'flow' | 'stock-outflow' | 'stock' | DerivedKind;

export interface SeriesPeak {
  readonly kind: PeakSeriesKind;
  readonly id: string;
  /** Dimension items of this series, or [] for the total over all items. */
  readonly item: readonly string[];
  /** A waste stream: a flow marked `waste: true` (or, when the model marks none, a flow into an accumulating stock such as a landfill), or a stock's outflow. */
  readonly waste: boolean;
  readonly peak: Peak;
}

/**
 * Peaks of every flow, every stock's outflow and every stock level, and of every derived series
 * (emissions by route and in total), for the total and for each
 * dimension item (near ties within `options.tolerance`, see peaks.ts). Waste streams are the flows the model marks `waste: true` and every stock's
 * outflow (discarded products, demolition waste); a model that marks no flow gets the flows into
 * its accumulating stocks (landfills) instead.
 */
export function solutionPeaks(solution: Solution, options: PeakOptions = {}): SeriesPeak[] {
  const { years } = solution;
  const dimensionItems = (dims: readonly string[]) => dims.map((name) => solution.dimensions.find((d) => d.name === name)!.items);
  const landfills = new Set(solution.stocks.filter((stock) => stock.kind === 'accumulate').map((stock) => stock.process));
  const peaks: SeriesPeak[] = [];

  const add = (kind: PeakSeriesKind, id: string, dims: readonly string[], values: Float64Array, waste: boolean) => {
    const labels = itemLabels(dims.map((_, i) => i), dimensionItems(dims));
    const size = labels.length;
    peaks.push({ kind, id, item: [], waste, peak: findPeak(totalOverItems(values, size), years, 0, 1, options) });
    if (size > 1) labels.forEach((item, k) => peaks.push({ kind, id, item, waste, peak: findPeak(values, years, k, size, options) }));
  };

  const waste = wasteFlowMask(solution.flows, landfills);
  solution.flows.forEach((flow, f) => add('flow', flow.id, flow.dims, flow.values, waste[f]));
  for (const stock of solution.stocks) {
    if (stock.kind !== 'accumulate') add('stock-outflow', stock.name, stock.dims, stock.outflow, stock.waste !== false);
    add('stock', stock.name, stock.dims, stock.stock, false);
  }
  for (const series of solution.derived) add(series.kind, series.id, series.dims, series.values, false);
  return peaks;
}
