import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sankeyColumns } from '../../../viz/sankey/columns.js';
import { buildSankeyGraph } from '../../../viz/sankey/graph.js';
import type { SankeyInput } from '../../../viz/sankey/input.js';
import { cityWithLoopAndStocks, layeredNetwork } from '../fixtures/sankey-inputs.js';

function structure(input: SankeyInput) {
  const graph = buildSankeyGraph(input, 0);
  return { graph, columns: sankeyColumns(graph) };
}

describe('sankeyColumns', () => {
  it('sankeyColumns(network) leaves only flows that run rightwards forward, so d3-sankey sees a DAG', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (nodes, seed, staged) => {
        const input = layeredNetwork(nodes, seed);
        const unstaged = { ...input, processes: input.processes.map(({ name, label }) => ({ name, label })) };
        const { graph, columns } = structure(staged ? input : unstaged);
        graph.links.forEach((link, l) => {
          if (!columns.backward[l]) expect(columns.column[link.target]).toBeGreaterThan(columns.column[link.source]);
        });
        graph.nodes.forEach((node, i) => {
          if (node.kind === 'import') expect(columns.column[i]).toBe(0);
          if (node.kind === 'export') expect(columns.column[i]).toBe(columns.columnCount - 1);
        });
      }),
    );
  });

  it('sankeyColumns(city) cuts the recycling loop at the flow back to the market', () => {
    const { graph, columns } = structure(cityWithLoopAndStocks());
    const backward = graph.links.filter((_, l) => columns.backward[l]).map((link) => `${graph.nodes[link.source].key}->${graph.nodes[link.target].key}`);
    expect(backward).toEqual(['recycling->market']);
  });

  it('sankeyColumns keeps processes in the order of their stages, and a flow to an earlier stage is backward', () => {
    const input: SankeyInput = {
      title: 't',
      unit: 't',
      period: { year: 2030 },
      processes: [
        { name: 'a', stage: 10 },
        { name: 'b', stage: 20 },
        { name: 'c', stage: 30 },
        { name: 'd' },
      ],
      flows: [
        { from: 'a', to: 'c', value: 1 },
        { from: 'c', to: 'b', value: 1 },
        { from: 'b', to: 'd', value: 1 },
      ],
    };
    const { graph, columns } = structure(input);
    // d follows b, and as a sink it moves to the last process column, beside c.
    expect(Array.from(columns.column)).toEqual([0, 1, 2, 2]);
    expect(graph.links.map((_, l) => columns.backward[l])).toEqual([false, true, false]);
  });
});
