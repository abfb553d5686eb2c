import { describe, expect, it } from 'vitest';
import { tidyTable } from '../../../engine/analysis/tidyTable.js';
import type { Solution } from '../../../engine/simulate/solution.js';
import { tableRun } from '../../../viz/adapters/index.js';
import { SHIPPED_MODELS, shippedRuns, smallSolution } from './fixtures.js';

const facts = (solution: Solution) => ({ ...solution, wasteGeneration: undefined, flowLabels: [] });

function expectSameSeries(rebuilt: ReturnType<typeof tableRun>, solution: Solution): void {
  expect(rebuilt.years).toEqual(solution.years);
  expect(rebuilt.flows.map(({ id, dims, values }) => ({ id, dims, values }))).toEqual(solution.flows.map(({ id, dims, values }) => ({ id, dims, values })));
  const stocks = (list: Solution['stocks'] | typeof rebuilt.stocks) => list.map(({ name, dims, stock, inflow, outflow }) => ({ name, dims, stock, inflow, outflow }));
  expect(stocks(rebuilt.stocks)).toEqual(stocks(solution.stocks));
}

describe('tableRun', () => {
  it.each(SHIPPED_MODELS)('tableRun(tidyTable(run of %s)) gives back every flow and stock, bit for bit', (name) => {
    for (const solution of shippedRuns(name).solutions) expectSameSeries(tableRun(tidyTable(solution), facts(solution)), solution);
  });

  it("tableRun reads a series' own order of dimensions from its rows, whatever the model's order", () => {
    const small = smallSolution();
    const years = small.years.length;
    // Dimensions [material, region]; the flow runs over [region, material]: material changes fastest.
    const values = Float64Array.from({ length: years * 6 }, (_, i) => i + 1);
    const solution: Solution = {
      ...small,
      dimensions: [...small.dimensions, { name: 'region', items: ['north', 'south', 'west'] }],
      flows: [...small.flows, { id: 'by_region', from: 'outside', to: 'use', dims: ['region', 'material'], waste: false, values }],
    };
    const rebuilt = tableRun(tidyTable(solution), facts(solution));
    expect(rebuilt.dimensions).toEqual(solution.dimensions);
    expectSameSeries(rebuilt, solution);
  });

  it('tableRun rejects a table whose rows of a series are not in the order they were written', () => {
    const table = tidyTable(smallSolution());
    // The rows of imports sorted by item, then year, as a spreadsheet might leave them.
    const order = [0, 2, 4, 1, 3, 5];
    const permute = <T>(column: T[]) => column.splice(0, order.length, ...order.map((row) => column[row]));
    [table.year, table.value].forEach(permute);
    table.items.forEach(permute);
    expect(() => tableRun(table, facts(smallSolution()))).toThrow('options.table must keep the rows of flow imports in the order they were written');
  });
});
