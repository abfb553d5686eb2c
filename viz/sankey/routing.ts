import type { Box } from '../labels/box.js';
import type { SankeyColumns } from './columns.js';
import { partsTotal, type SankeyGraph } from './graph.js';
import type { ForwardLayout } from './layout.js';
import type { LoopRoute } from './loop-route.js';
import { stockRoute, type StockRoute } from './stock-route.js';

/** The part of a node's short side that no flow fills: its mass-balance residual, drawn red. */
export interface ImbalanceMarker {
  /** 'out' when more comes in than leaves (the right side is short), 'in' otherwise. */
  readonly side: 'in' | 'out';
  readonly residual: number;
  readonly box: Box;
}

export interface Routing {
  /** Per link; undefined for forward links. */
  readonly loops: readonly (LoopRoute | undefined)[];
  /** Per node; undefined without a stock. */
  readonly stocks: readonly (StockRoute | undefined)[];
  /** Per node; undefined when it balances. */
  readonly imbalances: readonly (ImbalanceMarker | undefined)[];
  /** Lowest point of the loop lanes (or of the nodes, without loops). */
  readonly bottom: number;
}

const LOOP_RADIUS = 4;
/** Between two loops' vertical segments in the same gap between columns. */
const LOOP_GAP = 1.5;
/** Between two lanes: room for a value label under each lane. */
const LANE_GAP = 10;
const IMBALANCE_STUB = 6;
/** An imbalance stays visible however small it is. */
const MIN_IMBALANCE_WIDTH = 1.2;

/** What the loop lanes need under the nodes: their total value (drawn to scale) and their fixed gaps. */
export function loopSpace(graph: SankeyGraph, columns: SankeyColumns): { value: number; gaps: number } {
  let value = 0;
  let count = 0;
  graph.links.forEach((link, l) => {
    if (!columns.backward[l]) return;
    value += link.total;
    count++;
  });
  return { value, gaps: count === 0 ? 0 : 2 * LOOP_RADIUS + count * LANE_GAP };
}

function stockWidths(graph: SankeyGraph, i: number, ppu: number) {
  const stock = graph.nodes[i].stock;
  return { additionWidth: stock ? partsTotal(stock.additions) * ppu : 0, releaseWidth: stock ? partsTotal(stock.releases) * ppu : 0 };
}

/** How far stock elements and imbalance markers reach right and left of each column's nodes. */
function elementExtents(graph: SankeyGraph, columns: SankeyColumns, ppu: number, toleranceValue: number) {
  const rightExtent = new Float64Array(columns.columnCount);
  const leftExtent = new Float64Array(columns.columnCount);
  graph.nodes.forEach((node, i) => {
    const column = columns.column[i];
    if (node.stock) {
      const { additionWidth, releaseWidth } = stockWidths(graph, i, ppu);
      const { box } = stockRoute(0, 0, 0, additionWidth, releaseWidth);
      rightExtent[column] = Math.max(rightExtent[column], box.x1);
      leftExtent[column] = Math.max(leftExtent[column], -box.x0);
    }
    if (node.residual > toleranceValue) rightExtent[column] = Math.max(rightExtent[column], IMBALANCE_STUB);
    if (node.residual < -toleranceValue) leftExtent[column] = Math.max(leftExtent[column], IMBALANCE_STUB);
  });
  return { rightExtent, leftExtent };
}

/**
 * How far the drawing reaches beyond the first and the last column's nodes (stock elements,
 * imbalance markers, loop turns), so that the figure keeps room for it at the chosen scale.
 */
export function outerReach(graph: SankeyGraph, columns: SankeyColumns, ppu: number, toleranceValue: number): { left: number; right: number } {
  const { rightExtent, leftExtent } = elementExtents(graph, columns, ppu, toleranceValue);
  const last = columns.columnCount - 1;
  let right = rightExtent[last];
  let left = leftExtent[0];
  let loopsRight = 0;
  let loopsLeft = 0;
  graph.links.forEach((link, l) => {
    if (!columns.backward[l]) return;
    if (columns.column[link.source] === last) loopsRight += link.total * ppu + LOOP_GAP;
    if (columns.column[link.target] === 0) loopsLeft += link.total * ppu + LOOP_GAP;
  });
  if (loopsRight > 0) right = Math.max(LOOP_RADIUS, right + LOOP_GAP) + loopsRight + LOOP_RADIUS;
  if (loopsLeft > 0) left = Math.max(LOOP_RADIUS, left + LOOP_GAP) + loopsLeft + LOOP_RADIUS;
  return { left, right };
}

function sortedLoops(graph: SankeyGraph, columns: SankeyColumns): number[] {
  const span = (l: number) => columns.column[graph.links[l].source] - columns.column[graph.links[l].target];
  return graph.links
    .map((_, l) => l)
    .filter((l) => columns.backward[l])
    .sort((a, b) => span(a) - span(b) || columns.column[graph.links[a].source] - columns.column[graph.links[b].source] || a - b);
}

/**
 * Places everything d3-sankey does not: backward flows (stacked under a node's forward flows,
 * outer loops above inner ones, so that loops nest without crossing at their nodes), stock
 * bands (at the bottom of a node's sides) and imbalance markers (just above the stock bands, in
 * the gap the residual leaves). Loops get one lane each under the nodes, shortest spans nearest.
 */
export function routeSankey(graph: SankeyGraph, columns: SankeyColumns, layout: ForwardLayout, toleranceValue: number): Routing {
  const { nodes } = layout;
  const ppu = layout.pointsPerUnit;
  const rightCursor = Float64Array.from(nodes, (node) => node.y0);
  const leftCursor = Float64Array.from(nodes, (node) => node.y0);
  graph.links.forEach((link, l) => {
    for (const part of layout.parts[l]) {
      rightCursor[link.source] += part.width;
      leftCursor[link.target] += part.width;
    }
  });

  const stocks: (StockRoute | undefined)[] = [];
  const imbalances: (ImbalanceMarker | undefined)[] = [];
  graph.nodes.forEach((node, i) => {
    const geometry = nodes[i];
    const { additionWidth, releaseWidth } = stockWidths(graph, i, ppu);
    const sideBase = geometry.y0 + Math.max(node.inflow * ppu + releaseWidth, node.outflow * ppu + additionWidth);
    stocks.push(node.stock ? stockRoute(geometry.x0, geometry.x1, sideBase, additionWidth, releaseWidth) : undefined);
    if (Math.abs(node.residual) <= toleranceValue) {
      imbalances.push(undefined);
      return;
    }
    const side = node.residual > 0 ? 'out' : 'in';
    const width = Math.max(Math.abs(node.residual) * ppu, MIN_IMBALANCE_WIDTH);
    const y1 = sideBase - (side === 'out' ? additionWidth : releaseWidth);
    const x0 = side === 'out' ? geometry.x1 : geometry.x0 - IMBALANCE_STUB;
    imbalances.push({ side, residual: node.residual, box: { x0, y0: y1 - width, x1: x0 + IMBALANCE_STUB, y1 } });
  });
  const { rightExtent, leftExtent } = elementExtents(graph, columns, ppu, toleranceValue);

  const columnX0 = new Float64Array(columns.columnCount);
  const columnX1 = new Float64Array(columns.columnCount);
  nodes.forEach((geometry, i) => {
    columnX0[columns.column[i]] = geometry.x0;
    columnX1[columns.column[i]] = geometry.x1;
  });
  const downCursor = Float64Array.from(columnX1, (x, c) => x + Math.max(LOOP_RADIUS, rightExtent[c] + LOOP_GAP));
  const upCursor = Float64Array.from(columnX0, (x, c) => x - Math.max(LOOP_RADIUS, leftExtent[c] + LOOP_GAP));

  const order = sortedLoops(graph, columns);
  const loops: (LoopRoute | undefined)[] = graph.links.map(() => undefined);
  const sourceInner = new Float64Array(graph.links.length);
  const targetInner = new Float64Array(graph.links.length);
  for (let k = order.length - 1; k >= 0; k--) {
    const link = graph.links[order[k]];
    const width = link.total * ppu;
    rightCursor[link.source] += width;
    leftCursor[link.target] += width;
    sourceInner[order[k]] = rightCursor[link.source];
    targetInner[order[k]] = leftCursor[link.target];
  }
  let laneY = layout.bottom + 2 * LOOP_RADIUS;
  for (const l of order) {
    const link = graph.links[l];
    const width = link.total * ppu;
    const downX = downCursor[columns.column[link.source]];
    const upX = upCursor[columns.column[link.target]];
    downCursor[columns.column[link.source]] += width + LOOP_GAP;
    upCursor[columns.column[link.target]] -= width + LOOP_GAP;
    loops[l] = {
      sourceX: nodes[link.source].x1,
      targetX: nodes[link.target].x0,
      sourceInner: sourceInner[l],
      targetInner: targetInner[l],
      downX,
      upX,
      laneY,
      radius: LOOP_RADIUS,
      width,
    };
    laneY += width + LANE_GAP;
  }
  return { loops, stocks, imbalances, bottom: order.length > 0 ? laneY : layout.bottom };
}
