import { sankey, type SankeyLink, type SankeyNode } from 'd3-sankey';
import type { SankeyColumns } from './columns.js';
import { partsTotal, type SankeyGraph } from './graph.js';

export interface LayoutGeometry {
  /** Horizontal extent of the node columns (left edge of the first, right edge of the last). */
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  readonly nodeWidth: number;
  readonly nodePadding: number;
  /** Points kept free under each node (for its stock element). */
  readonly reserve: Float64Array;
  /** Band width per mass unit. */
  readonly pointsPerUnit: number;
  readonly nodeOrder: 'auto' | 'input';
}

export interface FitGeometry {
  /** Height available to the nodes and the loop lanes under them. */
  readonly height: number;
  readonly nodePadding: number;
  readonly reserve: Float64Array;
  /** The loop lanes: their total value (drawn to scale) and their fixed gaps. */
  readonly loops: { readonly value: number; readonly gaps: number };
}

export interface NodeGeometry {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  /** Bottom of the node's rectangle: its larger side (in or out) on the scale. */
  readonly y1: number;
  /** Bottom of the node and the space reserved under it. */
  readonly bottom: number;
}

/** One band of a forward flow: one dimension item, centred at y0 (source) and y1 (target). */
export interface PartGeometry {
  readonly y0: number;
  readonly y1: number;
  readonly width: number;
}

export interface ForwardLayout {
  readonly nodes: readonly NodeGeometry[];
  /** Per link and part; empty for backward links, which are routed separately. */
  readonly parts: readonly (readonly PartGeometry[])[];
  /** Band width per mass unit. */
  readonly pointsPerUnit: number;
  /** Lowest point of any node or its reserve. */
  readonly bottom: number;
}

/** Drawn rectangles of empty nodes keep this height, so they stay visible. */
const MIN_NODE_HEIGHT = 1;

/** A node's size: the larger of everything in (flows and stock releases) and everything out. */
export function nodeValues(graph: SankeyGraph): Float64Array {
  return Float64Array.from(graph.nodes, (node) => {
    const releases = node.stock ? partsTotal(node.stock.releases) : 0;
    const additions = node.stock ? partsTotal(node.stock.additions) : 0;
    return Math.max(node.inflow + releases, node.outflow + additions);
  });
}

interface LayoutNode {
  readonly index: number;
  readonly fixedValue: number;
}

interface LayoutLink {
  readonly source: number;
  readonly target: number;
  readonly value: number;
  readonly link: number;
  readonly part: number;
}

/**
 * Scale: band width per mass unit. Fitted, it is the largest scale at which every column's nodes,
 * paddings and reserves, and the loop lanes under them, fit the height:
 * min over columns of (H − (n−1)·padding − reserves − lane gaps) / (values + loop values).
 */
export function fittedPointsPerUnit(values: Float64Array, columns: SankeyColumns, geometry: FitGeometry): number {
  const valueSum = new Float64Array(columns.columnCount);
  const reserveSum = new Float64Array(columns.columnCount);
  const count = new Int32Array(columns.columnCount);
  for (let i = 0; i < values.length; i++) {
    valueSum[columns.column[i]] += values[i];
    reserveSum[columns.column[i]] += geometry.reserve[i];
    count[columns.column[i]]++;
  }
  let scale = Infinity;
  for (let c = 0; c < columns.columnCount; c++) {
    if (valueSum[c] === 0) continue;
    // A column whose paddings, stock boxes and loop lanes alone fill the height still gives its
    // bands a third of it, and the diagram grows: otherwise the scale would collapse to hairlines.
    const fixed = (count[c] - 1) * geometry.nodePadding + reserveSum[c] + geometry.loops.gaps;
    const room = Math.max(geometry.height - fixed, geometry.height / 3);
    scale = Math.min(scale, room / (valueSum[c] + geometry.loops.value));
  }
  // With no flow at all any scale will do.
  return Number.isFinite(scale) ? scale : 1;
}

/**
 * The columns d3-sankey will actually use: ours, clamped to its number of columns, which is one
 * more than the longest path over the links it sees. Where it merges two of our columns, the
 * merged one must fit the extent too, or d3 would shrink the scale.
 */
function d3Columns(nodeCount: number, links: readonly LayoutLink[], columns: SankeyColumns): Int32Array {
  const depth = new Int32Array(nodeCount);
  const pending = new Int32Array(nodeCount);
  for (const link of links) pending[link.target]++;
  const queue: number[] = [];
  for (let i = 0; i < nodeCount; i++) if (pending[i] === 0) queue.push(i);
  const outgoing: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const link of links) outgoing[link.source].push(link.target);
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    for (const target of outgoing[i]) {
      depth[target] = Math.max(depth[target], depth[i] + 1);
      if (--pending[target] === 0) queue.push(target);
    }
  }
  let deepest = 0;
  for (let i = 0; i < nodeCount; i++) deepest = Math.max(deepest, depth[i]);
  return Int32Array.from(columns.column, (column) => Math.min(column, deepest));
}

/** Nodes whose bands leave downwards: ends of backward flows, and processes with a stock. */
function sinkingNodes(graph: SankeyGraph, columns: SankeyColumns): boolean[] {
  const sinking = graph.nodes.map((node) => node.stock !== undefined);
  graph.links.forEach((link, l) => {
    if (!columns.backward[l]) return;
    sinking[link.source] = true;
    sinking[link.target] = true;
  });
  return sinking;
}

/**
 * Lays out the forward DAG with d3-sankey at a given scale. d3-sankey mutates what it is given and sizes nodes by
 * max(in, out) of the links it sees, so it gets fresh objects with `fixedValue` set to the node's
 * full size (backward flows, hidden flows and stocks included) plus its reserve converted to mass
 * units. Its extent is chosen so that its own fitted scale equals ours: the height of the fullest
 * column at our scale. Columns are ours (d3's `nodeAlign` returns them); x positions are
 * recomputed from them, because d3 clamps columns to its longest path.
 */
export function layoutForward(graph: SankeyGraph, columns: SankeyColumns, geometry: LayoutGeometry): ForwardLayout {
  const values = nodeValues(graph);
  const scale = geometry.pointsPerUnit;
  const layoutNodes: LayoutNode[] = graph.nodes.map((_, index) => ({ index, fixedValue: values[index] + geometry.reserve[index] / scale }));
  const layoutLinks: LayoutLink[] = [];
  graph.links.forEach((link, l) => {
    if (columns.backward[l]) return;
    link.parts.forEach((part, p) => layoutLinks.push({ source: link.source, target: link.target, value: part.value, link: l, part: p }));
  });

  const d3Column = d3Columns(graph.nodes.length, layoutLinks, columns);
  const columnHeight = new Float64Array(columns.columnCount);
  const columnCount = new Int32Array(columns.columnCount);
  layoutNodes.forEach((node, i) => {
    columnHeight[d3Column[i]] += node.fixedValue * scale;
    columnCount[d3Column[i]]++;
  });
  let height = 0;
  for (let c = 0; c < columns.columnCount; c++) height = Math.max(height, columnHeight[c] + (columnCount[c] - 1) * geometry.nodePadding);

  const order = (node: LayoutNode) => graph.nodes[node.index].order ?? Infinity;
  const layout = sankey<LayoutNode, LayoutLink>()
    .nodeId((node) => node.index)
    .nodeAlign((node) => columns.column[node.index])
    .nodeWidth(geometry.nodeWidth)
    .nodePadding(geometry.nodePadding)
    .iterations(8)
    .extent([
      [geometry.x0, geometry.top],
      [geometry.x1, geometry.top + Math.max(height, geometry.nodePadding)],
    ]);
  const run = () => layout({ nodes: layoutNodes.map((node) => ({ ...node })), links: layoutLinks.map((link) => ({ ...link })) });
  const explicitOrder = geometry.nodeOrder === 'input' || graph.nodes.some((node) => node.order !== undefined);
  let result;
  if (explicitOrder) {
    layout.nodeSort((a, b) => order(a) - order(b) || a.index - b.index);
    result = run();
  } else {
    result = run();
    const sinking = sinkingNodes(graph, columns);
    if (sinking.some(Boolean)) {
      // Second pass: d3's own order, except that nodes with loops or stocks sink to the bottom
      // of their column, where their bands can turn down without crossing the nodes below.
      const firstY = result.nodes.map((node) => node.y0!);
      layout.nodeSort((a, b) => Number(sinking[a.index]) - Number(sinking[b.index]) || firstY[a.index] - firstY[b.index] || a.index - b.index);
      result = run();
    }
  }

  const step = columns.columnCount > 1 ? (geometry.x1 - geometry.x0 - geometry.nodeWidth) / (columns.columnCount - 1) : 0;
  const offset = columns.columnCount > 1 ? geometry.x0 : (geometry.x0 + geometry.x1 - geometry.nodeWidth) / 2;
  let bottom = geometry.top;
  const nodes = (result.nodes as SankeyNode<LayoutNode, LayoutLink>[]).map((node, i): NodeGeometry => {
    const x0 = offset + columns.column[i] * step;
    const y0 = node.y0!;
    const y1 = y0 + Math.max(values[i] * scale, MIN_NODE_HEIGHT);
    const nodeBottom = Math.max(y1, y0 + values[i] * scale + geometry.reserve[i]);
    bottom = Math.max(bottom, nodeBottom);
    return { x0, x1: x0 + geometry.nodeWidth, y0, y1, bottom: nodeBottom };
  });
  const parts: PartGeometry[][] = graph.links.map(() => []);
  for (const link of result.links as SankeyLink<LayoutNode, LayoutLink>[]) {
    parts[link.link][link.part] = { y0: link.y0!, y1: link.y1!, width: link.width! };
  }
  return { nodes, parts, pointsPerUnit: scale, bottom };
}
