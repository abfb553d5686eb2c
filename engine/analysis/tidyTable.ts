import { itemLabels } from '../compile/dimensionIndex.js';
import type { DerivedKind, Solution } from '../simulate/solution.js';

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

export function tidyTable(solution: Solution): TidyTable {
  const dimensionNames = solution.dimensions.map((d) => d.name);
  const table: TidyTable = { dimensionNames, year: [], kind: [], id: [], items: dimensionNames.map(() => []), value: [], unit: [] };
  const flowUnit = `${solution.unit}/yr`;

  const add = (kind: TidyKind, id: string, dims: readonly string[], values: Float64Array, unit: string) => {
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
  };

  for (const flow of solution.flows) add('flow', flow.id, flow.dims, flow.values, flowUnit);
  for (const stock of solution.stocks) {
    add('stock', stock.name, stock.dims, stock.stock, solution.unit);
    add('stock-inflow', stock.name, stock.dims, stock.inflow, flowUnit);
    add('stock-outflow', stock.name, stock.dims, stock.outflow, flowUnit);
  }
  for (const series of solution.derived) add(series.kind, series.id, series.dims, series.values, series.unit);
  return table;
}
