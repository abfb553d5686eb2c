import { FONT_SIZE } from '../figure/size.js';
import { blockWidth, textBlock } from '../labels/text-block.js';
import type { SankeyColumns } from './columns.js';
import type { SankeyGraph } from './graph.js';
import { nodeLabelLines, type LabelText } from './labels.js';
import { fittedPointsPerUnit, layoutForward, type ForwardLayout } from './layout.js';
import { loopSpace, outerReach, routeSankey, type Routing } from './routing.js';
import { STOCK_RESERVE } from './stock-route.js';

/** Around the figure's content, in points. */
export const MARGIN = 6;
const NODE_WIDTH = 7;
const NODE_PADDING = 14;
/** First and last columns keep at most this share of the width each for their labels. */
export const MAX_LABEL_MARGIN = 0.22;

export interface GeometryOptions {
  readonly unitsPerPoint: number | undefined;
  readonly diagramHeight: number | undefined;
  /** Share of the largest node throughput below which a residual is rounding. */
  readonly imbalanceTolerance: number;
  readonly nodeOrder: 'auto' | 'input';
}

export interface SankeyGeometry {
  readonly layout: ForwardLayout;
  readonly routing: Routing;
  /** The largest node size (the larger of its in and out), in mass units. */
  readonly largest: number;
  /** Free width between two neighbouring columns' nodes. */
  readonly columnGap: number;
}

/**
 * A fitted scale keeps every band narrower than the gap between two columns (a third of the
 * width for a single column): thicker bands turn into blobs where they curve or turn down.
 */
function widestBand(width: number, leftMargin: number, rightMargin: number, columnCount: number): number {
  const span = width - 2 * MARGIN - Math.min(leftMargin, width * MAX_LABEL_MARGIN) - Math.min(rightMargin, width * MAX_LABEL_MARGIN);
  return columnCount > 1 ? span / (columnCount - 1) - NODE_WIDTH : span / 3;
}

/**
 * Where everything is drawn: margins wide enough for the outer columns' labels (within a share
 * of the width), the scale (given, or fitted to the height and the column gaps), the nodes and
 * forward bands (d3-sankey) from `top` down, and the loops, stock elements and imbalance markers.
 */
export function sankeyGeometry(graph: SankeyGraph, columns: SankeyColumns, values: Float64Array, text: LabelText, width: number, top: number, options: GeometryOptions): SankeyGeometry {
  const labelWidth = (i: number) => blockWidth(textBlock(nodeLabelLines(graph, i, values[i], text), FONT_SIZE.label)) + 3;
  let leftMargin = 0;
  let rightMargin = 0;
  graph.nodes.forEach((_, i) => {
    if (columns.column[i] === 0 && columns.columnCount > 1) leftMargin = Math.max(leftMargin, labelWidth(i));
    if (columns.column[i] === columns.columnCount - 1) rightMargin = Math.max(rightMargin, labelWidth(i));
  });
  const reserve = Float64Array.from(graph.nodes, (node) => (node.stock ? STOCK_RESERVE : 0));
  const largest = values.reduce((max, value) => Math.max(max, value), 0);
  const pointsPerUnit =
    options.unitsPerPoint !== undefined
      ? 1 / options.unitsPerPoint
      : Math.min(
          fittedPointsPerUnit(values, columns, { height: options.diagramHeight ?? 0.45 * width, nodePadding: NODE_PADDING, reserve, loops: loopSpace(graph, columns) }),
          widestBand(width, leftMargin, rightMargin, columns.columnCount) / Math.max(largest, Number.MIN_VALUE),
        );
  const tolerance = options.imbalanceTolerance * largest;
  const reach = outerReach(graph, columns, pointsPerUnit, tolerance);
  const x0 = MARGIN + Math.max(Math.min(leftMargin, width * MAX_LABEL_MARGIN), reach.left + 2);
  const x1 = width - MARGIN - Math.max(Math.min(rightMargin, width * MAX_LABEL_MARGIN), reach.right + 2);
  const layout = layoutForward(graph, columns, { x0, x1, top, nodeWidth: NODE_WIDTH, nodePadding: NODE_PADDING, reserve, pointsPerUnit, nodeOrder: options.nodeOrder });
  const routing = routeSankey(graph, columns, layout, tolerance);
  const columnGap = columns.columnCount > 1 ? (x1 - x0 - NODE_WIDTH) / (columns.columnCount - 1) - NODE_WIDTH : x1 - x0;
  return { layout, routing, largest, columnGap };
}
