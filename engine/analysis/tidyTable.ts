import { itemLabels } from '../compile/dimensionIndex.js';
import type { DerivedKind, DerivedSeries, FlowSeries, Solution, StockSeries } from '../simulate/solution.js';

/**
 * A solution as one tidy table: a row per year, series (flows, stocks, derived series such as
 * emissions) and dimension item, with a column per
 * dimension of the model (empty where a series does not have that dimension). Columnar, so a
 * writer can stream it and a reader (pandas, R, DuckDB) gets plain typed columns.
 */
export interface TidyTable {
  readonly dimensionNames: readonly string[];
  readonly year: number[];
  readonly kind: TidyKind[];
  readonly id: string[];
  /** One column per dimension name, '' where the series lacks the dimension. */
  readonly items: string[][];
  readonly value: number[];
  readonly unit: string[];
}

export type TidyKind = 'flow' | 'stock' | 'stock-inflow' | 'stock-outflow' | DerivedKind;

export const DERIVED_KINDS: readonly DerivedKind[] = ['emission', 'credit', 'net-emission', 'indicator'];

/** One series of a run as the tidy table lists it: values year-major over `dims`. */
export interface TidySeries {
  readonly kind: TidyKind;
  readonly id: string;
  readonly dims: readonly string[];
  readonly values: Float64Array;
  readonly unit: string;
}

/** What the tidy table reads of a run: a Solution, or a run rebuilt from a saved table. */
export interface TidyRun {
  readonly unit: string;
  readonly flows: readonly Pick<FlowSeries, 'id' | 'dims' | 'values'>[];
  readonly stocks: readonly Pick<StockSeries, 'name' | 'dims' | 'stock' | 'inflow' | 'outflow'>[];
  readonly derived: readonly DerivedSeries[];
}

/** Every series of a run, in the table's order: flows, then each stock's level, inflow and outflow, then derived series. */
export function tidySeries(run: TidyRun): TidySeries[] {
  const flowUnit = `${run.unit}/yr`;
  return [
    ...run.flows.map((flow) => ({ kind: 'flow' as const, id: flow.id, dims: flow.dims, values: flow.values, unit: flowUnit })),
    ...run.stocks.flatMap((stock) => [
      { kind: 'stock' as const, id: stock.name, dims: stock.dims, values: stock.stock, unit: run.unit },
      { kind: 'stock-inflow' as const, id: stock.name, dims: stock.dims, values: stock.inflow, unit: flowUnit },
      { kind: 'stock-outflow' as const, id: stock.name, dims: stock.dims, values: stock.outflow, unit: flowUnit },
    ]),
    ...run.derived.map((series) => ({ kind: series.kind, id: series.id, dims: series.dims, values: series.values, unit: series.unit })),
  ];
}

export function tidyTable(solution: Solution): TidyTable {
  const dimensionNames = solution.dimensions.map((d) => d.name);
  const table: TidyTable = { dimensionNames, year: [], kind: [], id: [], items: dimensionNames.map(() => []), value: [], unit: [] };
  for (const { kind, id, dims, values, unit } of tidySeries(solution)) {
    const positions = dims.map((name) => dimensionNames.indexOf(name));
    const labels = itemLabels(dims.map((_, i) => i), positions.map((p) => solution.dimensions[p].items));
    const size = labels.length;
    solution.years.forEach((year, t) => {
      for (let k = 0; k < size; k++) {
        table.year.push(year);
        table.kind.push(kind);
        table.id.push(id);
        dimensionNames.forEach((_, d) => {
          const at = positions.indexOf(d);
          table.items[d].push(at < 0 ? '' : labels[k][at]);
        });
        table.value.push(values[t * size + k]);
        table.unit.push(unit);
      }
    });
  }
  return table;
}
