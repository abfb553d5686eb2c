import type { TidyKind } from '../../engine/analysis/tidyTable.js';
import { OptionsError, nearestNames } from '../../engine/errors.js';
import { displayName } from './displayName.js';
import type { RunSeries } from './runSeries.js';

/** Which series of a run: a flow by id, or a stock's level, inflow or outflow by the stock's name. */
export interface SeriesRef {
  readonly id: string;
  /** Default: 'flow' when a flow has this id, otherwise the caller's default part of the stock. */
  readonly kind?: TidyKind;
}

export interface ResolvedSeries {
  readonly kind: TidyKind;
  readonly id: string;
  readonly dims: readonly string[];
  /** Year-major over `dims`. */
  readonly values: Float64Array;
  /** The run's mass unit for stock levels, per year for everything else. */
  readonly unit: string;
}

export const SERIES_KINDS: readonly TidyKind[] = ['flow', 'stock', 'stock-inflow', 'stock-outflow'];

export function resolveSeries(solution: RunSeries, ref: SeriesRef, stockDefault: Exclude<TidyKind, 'flow'>): ResolvedSeries {
  const flow = solution.flows.find((candidate) => candidate.id === ref.id);
  const stock = solution.stocks.find((candidate) => candidate.name === ref.id);
  const kind = ref.kind ?? (flow ? 'flow' : stockDefault);
  const rate = `${solution.unit}/yr`;
  if (kind === 'flow' && flow) return { kind, id: flow.id, dims: flow.dims, values: flow.values, unit: rate };
  if (kind !== 'flow' && stock) {
    const values = kind === 'stock' ? stock.stock : kind === 'stock-inflow' ? stock.inflow : stock.outflow;
    return { kind, id: stock.name, dims: stock.dims, values, unit: kind === 'stock' ? solution.unit : rate };
  }
  const flowIds = ref.kind === undefined || kind === 'flow' ? solution.flows.map((f) => f.id) : [];
  const stockNames = ref.kind === undefined || kind !== 'flow' ? solution.stocks.map((s) => s.name) : [];
  const nearest = nearestNames(ref.id, [...flowIds, ...stockNames]);
  const what = ref.kind === undefined ? 'flow or stock' : kind === 'flow' ? 'flow' : 'stock';
  throw new OptionsError('series', `must name a ${what} of the run: unknown ${ref.kind === undefined ? 'series' : what}: ${ref.id}${nearest.length ? ` (did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?)` : ''}`);
}

/** How an axis names the series: "Flue gas" (a flow, by `flowName`), "Landfilled, level", "EEE stock, outflow". */
export function seriesQuantity(series: ResolvedSeries, flowName: (id: string) => string): string {
  switch (series.kind) {
    case 'flow':
      return flowName(series.id);
    case 'stock':
      return `${displayName(series.id)}, level`;
    case 'stock-inflow':
      return `${displayName(series.id)}, inflow`;
    default:
      return `${displayName(series.id)}, outflow`;
  }
}
