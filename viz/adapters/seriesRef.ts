import { DERIVED_KINDS, type TidyKind } from '../../engine/analysis/tidyTable.js';
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

export const SERIES_KINDS: readonly TidyKind[] = ['flow', 'stock', 'stock-inflow', 'stock-outflow', ...DERIVED_KINDS];

export function resolveSeries(solution: RunSeries, ref: SeriesRef, stockDefault: Exclude<TidyKind, 'flow'>): ResolvedSeries {
  const flow = solution.flows.find((candidate) => candidate.id === ref.id);
  const stock = solution.stocks.find((candidate) => candidate.name === ref.id);
  const derived = solution.derived.find((candidate) => candidate.id === ref.id && (ref.kind === undefined || candidate.kind === ref.kind));
  const kind = ref.kind ?? (flow ? 'flow' : stock ? stockDefault : (derived?.kind ?? stockDefault));
  const rate = `${solution.unit}/yr`;
  if (kind === 'flow' && flow) return { kind, id: flow.id, dims: flow.dims, values: flow.values, unit: rate };
  if ((kind === 'stock' || kind === 'stock-inflow' || kind === 'stock-outflow') && stock) {
    const values = kind === 'stock' ? stock.stock : kind === 'stock-inflow' ? stock.inflow : stock.outflow;
    return { kind, id: stock.name, dims: stock.dims, values, unit: kind === 'stock' ? solution.unit : rate };
  }
  if (derived && derived.kind === kind) return { kind, id: derived.id, dims: derived.dims, values: derived.values, unit: derived.unit };
  const candidates = [
    ...(ref.kind === undefined || kind === 'flow' ? solution.flows.map((f) => f.id) : []),
    ...(ref.kind === undefined || kind.startsWith('stock') ? solution.stocks.map((s) => s.name) : []),
    ...solution.derived.filter((d) => ref.kind === undefined || d.kind === kind).map((d) => d.id),
  ];
  const nearest = nearestNames(ref.id, candidates);
  const what = ref.kind === undefined ? 'series' : kind;
  throw new OptionsError('series', `must name a series of the run: unknown ${what}: ${ref.id}${nearest.length ? ` (did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?)` : ''}`);
}

/** The names a model gives its flows, indicators and emission routes (a name made from the id where it gives none). */
export interface SeriesNames {
  readonly flow: (id: string) => string;
  readonly indicator?: (id: string) => string;
  readonly route?: (id: string) => string;
}

/** How an axis names the series: "Flue gas" (a flow), "Landfilled, level", "EEE stock, outflow", "Emissions of Landfill methane", "Diversion rate" (an indicator). */
export function seriesQuantity(series: ResolvedSeries, names: SeriesNames): string {
  const route = names.route ?? displayName;
  switch (series.kind) {
    case 'flow':
      return names.flow(series.id);
    case 'stock':
      return `${displayName(series.id)}, level`;
    case 'stock-inflow':
      return `${displayName(series.id)}, inflow`;
    case 'stock-outflow':
      return `${displayName(series.id)}, outflow`;
    case 'emission':
      return series.id === 'total' ? 'Emissions, direct' : `Emissions of ${route(series.id)}`;
    case 'credit':
      return series.id === 'total' ? 'Credits' : `Credits of ${route(series.id)}`;
    case 'net-emission':
      return 'Net emissions';
    case 'indicator':
      return (names.indicator ?? displayName)(series.id);
  }
}
