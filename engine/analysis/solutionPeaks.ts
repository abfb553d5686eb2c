import { itemLabels } from '../compile/dimensionIndex.js';
import { OUTSIDE } from '../definition/types.js';
import type { Solution } from '../simulate/solution.js';
import { findPeak, totalOverItems, type Peak } from './peaks.js';

export type PeakSeriesKind = 'flow' | 'stock-outflow' | 'stock';

export interface SeriesPeak {
  readonly kind: PeakSeriesKind;
  readonly id: string;
  /** Dimension items of this series, or [] for the total over all items. */
  readonly item: readonly string[];
  /** True for what leaves the economy as waste: stock outflows, flows to outside, flows into accumulate stocks. */
  readonly waste: boolean;
  readonly peak: Peak;
}

/**
 * Peaks of every flow, every stock's outflow and every stock level, for the total and for each
 * dimension item. Stock outflows (discarded products, demolition waste), flows leaving the
 * system and flows into landfill-like accumulating stocks are marked as waste streams.
 */
export function solutionPeaks(solution: Solution): SeriesPeak[] {
  const { years } = solution;
  const dimensionItems = (dims: readonly string[]) => dims.map((name) => solution.dimensions.find((d) => d.name === name)!.items);
  const landfills = new Set(solution.stocks.filter((stock) => stock.kind === 'accumulate').map((stock) => stock.process));
  const peaks: SeriesPeak[] = [];

  const add = (kind: PeakSeriesKind, id: string, dims: readonly string[], values: Float64Array, waste: boolean) => {
    const labels = itemLabels(dims.map((_, i) => i), dimensionItems(dims));
    const size = labels.length;
    peaks.push({ kind, id, item: [], waste, peak: findPeak(totalOverItems(values, size), years) });
    if (size > 1) labels.forEach((item, k) => peaks.push({ kind, id, item, waste, peak: findPeak(values, years, k, size) }));
  };

  for (const flow of solution.flows) add('flow', flow.id, flow.dims, flow.values, flow.to === OUTSIDE || landfills.has(flow.to));
  for (const stock of solution.stocks) {
    if (stock.kind !== 'accumulate') add('stock-outflow', stock.name, stock.dims, stock.outflow, true);
    add('stock', stock.name, stock.dims, stock.stock, false);
  }
  return peaks;
}
