import { tidySeries, type TidyKind, type TidyRun } from '../../engine/analysis/tidyTable.js';
import { OptionsError } from '../../engine/errors.js';

/** A series of the table view: which dimensions it runs over (indices into `dimensions`) and where its values start. */
export interface TableSeries {
  readonly kind: TidyKind;
  readonly id: string;
  readonly dims: readonly number[];
  readonly unit: string;
  /** Items per year (row-major over dims, as the tidy table lists them). */
  readonly size: number;
  /** Where its values start in each run's `values`; then year-major over its items. */
  readonly offset: number;
}

/**
 * Every series of every run of a report, columnar: the runs share one list of series (they are
 * runs of one model), and each run's values are those series one after the other. The page lists
 * them as tables and writes the tidy CSV of `metabolis run` from them.
 */
export interface SeriesTable {
  readonly years: readonly number[];
  readonly dimensions: readonly { readonly name: string; readonly items: readonly string[] }[];
  readonly runs: readonly string[];
  readonly series: readonly TableSeries[];
  readonly values: readonly Float64Array[];
}

export interface TableRun extends TidyRun {
  readonly scenario: string | undefined;
  readonly years: readonly number[];
  readonly dimensions: SeriesTable['dimensions'];
}

export function seriesTable(runs: readonly TableRun[]): SeriesTable {
  const { years, dimensions } = runs[0];
  const names = dimensions.map((dimension) => dimension.name);
  const lists = runs.map((run) => tidySeries(run));
  let offset = 0;
  const series = lists[0].map(({ kind, id, dims, unit, values }) => {
    const entry = { kind, id, dims: dims.map((name) => names.indexOf(name)), unit, size: values.length / years.length, offset };
    offset += values.length;
    return entry;
  });
  const values = lists.map((list, r) => {
    const same = list.length === series.length && list.every((entry, s) => entry.kind === series[s].kind && entry.id === series[s].id && entry.values.length === series[s].size * years.length);
    if (!same) throw new OptionsError(`runs[${r}]`, 'must hold the same series as the first run (runs of one model)');
    const all = new Float64Array(offset);
    list.forEach((entry, s) => all.set(entry.values, series[s].offset));
    return all;
  });
  return { years, dimensions, runs: runs.map((run) => run.scenario ?? 'base model'), series, values };
}
