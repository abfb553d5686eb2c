import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sankeyColumns } from '../../../viz/sankey/columns.js';
import { buildSankeyGraph } from '../../../viz/sankey/graph.js';
import { fittedPointsPerUnit, layoutForward, nodeValues } from '../../../viz/sankey/layout.js';
import { layeredNetwork } from '../fixtures/sankey-inputs.js';

function laidOut(nodes: number, seed: number, pointsPerUnit?: number) {
  const graph = buildSankeyGraph(layeredNetwork(nodes, seed), 0);
  const columns = sankeyColumns(graph);
  const values = nodeValues(graph);
  const reserve = Float64Array.from(graph.nodes, (node) => (node.stock ? 20 : 0));
  const ppu = pointsPerUnit ?? fittedPointsPerUnit(values, columns, { height: 400, nodePadding: 14, reserve, loops: { value: 0, gaps: 0 } });
  const layout = layoutForward(graph, columns, { x0: 0, x1: 500, top: 10, nodeWidth: 7, nodePadding: 14, reserve, pointsPerUnit: ppu, nodeOrder: 'auto' });
  return { graph, columns, values, layout, ppu };
}

describe('layoutForward', () => {
  it('layoutForward draws every band and node on one scale: d3-sankey gets the scale it was asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (nodes, seed, ppu) => {
        const { graph, values, layout } = laidOut(nodes, seed, ppu);
        expect(layout.pointsPerUnit).toBe(ppu);
        graph.links.forEach((link, l) => {
          layout.parts[l].forEach((part, p) => expect(part.width).toBeCloseTo(link.parts[p].value * ppu, 6));
        });
        layout.nodes.forEach((node, i) => expect(node.y1 - node.y0).toBeCloseTo(Math.max(values[i] * ppu, 1), 6));
      }),
      { numRuns: 40 },
    );
  });

  it('layoutForward keeps nodes of a column and the space under them apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), (nodes, seed) => {
        const { columns, layout } = laidOut(nodes, seed);
        for (let i = 0; i < layout.nodes.length; i++) {
          for (let j = 0; j < layout.nodes.length; j++) {
            if (i === j || columns.column[i] !== columns.column[j]) continue;
            const [a, b] = [layout.nodes[i], layout.nodes[j]];
            expect(a.bottom <= b.y0 + 1e-6 || b.bottom <= a.y0 + 1e-6).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('layoutForward stacks a node\'s forward bands within its rectangle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), (nodes, seed) => {
        const { graph, layout } = laidOut(nodes, seed);
        graph.links.forEach((link, l) => {
          for (const part of layout.parts[l]) {
            const [source, target] = [layout.nodes[link.source], layout.nodes[link.target]];
            expect(part.y0 - part.width / 2).toBeGreaterThanOrEqual(source.y0 - 1e-6);
            expect(part.y0 + part.width / 2).toBeLessThanOrEqual(source.y1 + 1e-6);
            expect(part.y1 - part.width / 2).toBeGreaterThanOrEqual(target.y0 - 1e-6);
            expect(part.y1 + part.width / 2).toBeLessThanOrEqual(target.y1 + 1e-6);
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it('fittedPointsPerUnit fills the height with the fullest column', () => {
    const { columns, layout, graph } = laidOut(16, 7);
    let bottom = 0;
    graph.nodes.forEach((_, i) => (bottom = Math.max(bottom, layout.nodes[i].bottom)));
    expect(bottom - 10).toBeCloseTo(400, 6);
    expect(columns.columnCount).toBeGreaterThan(1);
  });
});
