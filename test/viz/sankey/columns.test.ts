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

  it('sankeyColumns puts a staged process in the column its stage names, and a flow to an earlier stage is backward', () => {
    const input: SankeyInput = {
      title: 't',
      unit: 't',
      period: { year: 2030 },
      processes: [
        { name: 'a', stage: 0 },
        { name: 'b', stage: 1 },
        { name: 'c', stage: 3 },
        { name: 'd' },
      ],
      flows: [
        { from: 'a', to: 'c', value: 1 },
        { from: 'c', to: 'b', value: 1 },
        { from: 'b', to: 'd', value: 1 },
      ],
    };
    const { graph, columns } = structure(input);
    // Stage 2 holds no process and stays an empty column; d follows b, and as a sink it moves to the last process column, beside c.
    expect(Array.from(columns.column)).toEqual([0, 1, 3, 3]);
    expect(graph.links.map((_, l) => columns.backward[l])).toEqual([false, true, false]);
  });

  it("sankeyColumns(README example) puts { name: recycling, stage: 2 } in the third column of processes, after its inputs", () => {
    const input: SankeyInput = {
      title: 't',
      unit: 't',
      period: { year: 2030 },
      processes: [{ name: 'households' }, { name: 'collection' }, { name: 'recycling', stage: 2 }, { name: 'incineration' }],
      flows: [
        { from: 'outside', to: 'households', value: 10 },
        { from: 'households', to: 'collection', value: 10 },
        { from: 'collection', to: 'recycling', value: 4 },
        { from: 'collection', to: 'incineration', value: 6 },
        { from: 'recycling', to: 'households', value: 1 },
        { from: 'recycling', to: 'outside', value: 3 },
      ],
    };
    const { graph, columns } = structure(input);
    const columnOf = (key: string) => columns.column[graph.nodes.findIndex((node) => node.key === key)];
    // Column 0 holds the imports; the processes' columns start at 1.
    expect(['households', 'collection', 'recycling'].map(columnOf)).toEqual([1, 2, 3]);
    const backward = graph.links.filter((_, l) => columns.backward[l]).map((link) => `${graph.nodes[link.source].key}->${graph.nodes[link.target].key}`);
    expect(backward).toEqual(['recycling->households']);
  });

  it('buildSankeyGraph rejects a stage that is no column', () => {
    const input: SankeyInput = { title: 't', unit: 't', period: { year: 2030 }, processes: [{ name: 'a', stage: 1.5 }], flows: [] };
    expect(() => buildSankeyGraph(input, 0)).toThrow('options.processes[0].stage must be a column: an integer of at least 0 (got 1.5)');
  });
});
