import { OptionsError } from '../../engine/errors.js';
import type { TimeSeries, TimeSeriesInput } from '../charts/time-series.js';
import { collapseSeries, itemSeries } from './collapse.js';
import { displayName, flowNamer, type FlowLook } from './displayName.js';
import { itemGroups, runItemTotals } from './itemGroups.js';
import type { RunSeries } from './runSeries.js';
import { checkSameYears } from './sameYears.js';
import { resolveSeries, seriesQuantity, type SeriesRef } from './seriesRef.js';

export interface SolutionTimeSeriesOptions {
  /** A flow, or a stock (its level by default). */
  readonly series: SeriesRef;
  /** Dimension whose items get a line (or area) each: default the series' first; null for the total. */
  readonly by?: string | null;
  /** Most lines per run; the runs' smallest items beyond share one (default 7). */
  readonly maxItems?: number;
  /** Default: the model's name. */
  readonly title?: string;
  /** The model's flows, for their labels; a flow without one is named from its id. */
  readonly flows?: readonly FlowLook[];
  /** The model's indicators and emission routes (by id), for their labels; likewise. */
  readonly indicators?: readonly FlowLook[];
  readonly routes?: readonly FlowLook[];
}

/** A flow or stock of one or more runs (scenarios, or saved runs) over time, one series per dimension item and run. */
export function solutionTimeSeriesInput(solutions: readonly RunSeries[], options: SolutionTimeSeriesOptions): TimeSeriesInput {
  const years = checkSameYears(solutions);
  const resolved = solutions.map((solution) => resolveSeries(solution, options.series, 'stock'));
  const first = resolved[0];
  const by = options.by === null ? undefined : (options.by ?? first.dims[0]);
  if (by !== undefined && !first.dims.includes(by)) {
    throw new OptionsError('by', `must be a dimension of ${first.id} (${first.dims.join(', ') || 'it has none'}; got ${by})`);
  }
  const quantity = seriesQuantity(first, { flow: flowNamer(options.flows), indicator: flowNamer(options.indicators), route: flowNamer(options.routes) });
  const collapsed = resolved.map((series) => collapseSeries(series.values, series.dims, solutions[0].dimensions, by));
  const items = collapsed[0].items;
  const groups = items ? itemGroups(items, runItemTotals(solutions, by!), options.maxItems ?? 7, by!) : undefined;

  const series: TimeSeries[] = collapsed.flatMap((run, r) => {
    const scenario = solutions.length > 1 ? (solutions[r].scenario ?? 'base model') : undefined;
    const name = (label: string) => ({ label, ...(scenario === undefined ? {} : { scenario }) });
    if (!groups) return [{ ...name(quantity), values: itemSeries(run, 0) }];
    return groups.names.map((label, g) => {
      const values = new Float64Array(years.length);
      for (let t = 0; t < years.length; t++) {
        for (let k = 0; k < run.size; k++) if (groups.groupOf[k] === g) values[t] += run.values[t * run.size + k];
      }
      return { ...name(label), values };
    });
  });
  // Every figure states its scenario; a run without one is the base model.
  const scenario = solutions.length === 1 ? (solutions[0].scenario ?? 'base model') : undefined;
  return {
    title: options.title ?? solutions[0].model,
    quantity,
    unit: first.unit,
    years,
    series,
    ...(scenario === undefined ? {} : { scenario }),
    ...(by === undefined || !items ? {} : { dimension: displayName(by) }),
  };
}
