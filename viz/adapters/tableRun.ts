import { DERIVED_KINDS, type TidyKind, type TidyTable } from '../../engine/analysis/tidyTable.js';
import type { DerivedKind } from '../../engine/simulate/solution.js';
import { OptionsError } from '../../engine/errors.js';
import type { FlowLook } from './displayName.js';
import type { EmissionFacts } from './emissionFacts.js';
import type { RunSeries } from './runSeries.js';
import type { SeriesRef } from './seriesRef.js';

/** A run rebuilt from its saved tidy table, with what the table itself does not hold. */
export interface SavedRun extends RunSeries {
  /** The streams whose sum is the waste generated, as the run recorded them (undefined: not recorded). */
  readonly wasteGeneration: readonly SeriesRef[] | undefined;
  /** The labels the model gave its flows, as the run recorded them (empty: none, or not recorded). */
  readonly flowLabels: readonly FlowLook[];
  /** The labels the model gave its indicators (by id), as the run recorded them. */
  readonly indicatorLabels?: readonly FlowLook[];
  /** How its emissions were weighed and its routes named, as the run recorded them (undefined: no emissions). */
  readonly emissionFacts?: EmissionFacts | undefined;
}

/** What a results folder says about its run beside the table (summary.json). */
export type SavedRunFacts = Omit<SavedRun, 'years' | 'dimensions' | 'flows' | 'stocks' | 'derived'>;

/**
 * The series of a tidy table, read back from `metabolis run`'s results, as a run. tidyTable writes
 * a series' rows year-major and row-major over its dimensions, so its values are its rows in
 * order. The table lists dimensions in the model's order, not the series', so the series' order
 * is read from the rows: an outer dimension's item changes less often (a dimension of one item
 * has no order to read and keeps the model's). Items keep the order they first appear in, which
 * is the model's.
 */
export function tableRun(table: TidyTable, facts: SavedRunFacts): SavedRun {
  const years = [...new Set(table.year)];
  const dimensions = table.dimensionNames
    .map((name, d) => ({ name, items: [...new Set(table.items[d])].filter((item) => item !== '') }))
    .filter((dimension) => dimension.items.length > 0);
  const rowsOf = new Map<string, { kind: TidyKind; id: string; rows: number[] }>();
  for (let row = 0; row < table.year.length; row++) {
    const key = `${table.kind[row]}\u0000${table.id[row]}`;
    const entry = rowsOf.get(key) ?? { kind: table.kind[row], id: table.id[row], rows: [] };
    entry.rows.push(row);
    rowsOf.set(key, entry);
  }
  const series = (kind: TidyKind, id: string) => {
    const rows = rowsOf.get(`${kind}\u0000${id}`)?.rows;
    if (!rows) throw new OptionsError('table', `must hold the rows of ${kind} ${id}`);
    return tableSeries(table, rows, years, dimensions);
  };
  const ids = (kind: TidyKind) => [...rowsOf.values()].filter((entry) => entry.kind === kind).map((entry) => entry.id);
  const flows = ids('flow').map((id) => {
    const { dims, values } = series('flow', id);
    return { id, dims, values };
  });
  const stocks = ids('stock').map((name) => {
    const { dims, values } = series('stock', name);
    return { name, dims, stock: values, inflow: series('stock-inflow', name).values, outflow: series('stock-outflow', name).values };
  });
  const derived = [...rowsOf.values()]
    .filter((entry): entry is { kind: DerivedKind; id: string; rows: number[] } => DERIVED_KINDS.includes(entry.kind as DerivedKind))
    .map(({ kind, id, rows }) => ({ kind, id, ...series(kind, id), unit: table.unit[rows[0]] }));
  return { ...facts, years, dimensions, flows, stocks, derived };
}

function tableSeries(table: TidyTable, rows: readonly number[], years: readonly number[], dimensions: RunSeries['dimensions']): { dims: string[]; values: Float64Array } {
  const first = rows[0];
  const used = table.dimensionNames.flatMap((name, d) => (table.items[d][first] === '' ? [] : [{ name, d }]));
  const size = used.reduce((product, { name }) => product * dimensions.find((dimension) => dimension.name === name)!.items.length, 1);
  const what = `${table.kind[first]} ${table.id[first]}`;
  if (rows.length !== years.length * size) throw new OptionsError('table', `must hold ${years.length * size} rows of ${what} (got ${rows.length})`);
  rows.forEach((row, i) => {
    if (table.year[row] !== years[Math.floor(i / size)]) throw new OptionsError('table', `must keep the rows of ${what} in the order they were written (year-major)`);
  });
  const stride = (d: number) => {
    for (let k = 1; k < size; k++) if (table.items[d][rows[k]] !== table.items[d][first]) return k;
    return Infinity;
  };
  const dims = used
    .map(({ name, d }) => ({ name, stride: stride(d) }))
    .sort((a, b) => (a.stride === b.stride ? 0 : b.stride - a.stride))
    .map(({ name }) => name);
  return { dims, values: Float64Array.from(rows, (row) => table.value[row]) };
}
