import { formatQuantity, formatSignedQuantity } from '../figure/quantity.js';
import { IMBALANCE_COLOR } from '../figure/palette.js';
import { FONT_SIZE } from '../figure/size.js';
import { growBox, type Box } from '../labels/box.js';
import type { LabelCandidate, LabelRequest, Obstacle } from '../labels/place.js';
import { baselineCentredOn, blockHeight, textBlock, type TextBlock } from '../labels/text-block.js';
import { wrapText } from '../labels/wrap.js';
import { TEXT_ASCENT, TEXT_DESCENT } from '../text/measure.js';
import type { SankeyColumns } from './columns.js';
import type { SankeyGraph } from './graph.js';
import { nodeValues, type ForwardLayout } from './layout.js';
import { loopBoxes } from './loop-route.js';
import type { Routing } from './routing.js';
import { stockBoxes } from './stock-route.js';

const GAP = 2.5;
const SIZE = FONT_SIZE.label;
/** Groups of obstacles that are not flows (flows use their link index). */
const NODE_GROUP = -1;
const STOCK_GROUP = -2;
const IMBALANCE_GROUP = -3;
const BEZIER_SAMPLES = 16;

export interface LabelText {
  readonly unit: string;
  /** "/yr", or "" for totals over a span. */
  readonly suffix: string;
  /** Widest a node name may be before it wraps beside its node. */
  readonly maxNameWidth: number;
  /** Widest a node label may be above or below its node. */
  readonly maxAcrossWidth: number;
}

/** The node label's lines: its name (wrapped) and its throughput. */
export function nodeLabelLines(graph: SankeyGraph, i: number, value: number, text: LabelText): string[] {
  return [...wrapText(graph.nodes[i].label, text.maxNameWidth, SIZE), formatQuantity(value, text.unit, text.suffix)];
}

function beside(block: TextBlock, box: Box, side: 'left' | 'right'): LabelCandidate {
  const anchored = { ...block, anchor: side === 'right' ? 'start' : 'end' } as const;
  return { x: side === 'right' ? box.x1 + GAP : box.x0 - GAP, y: baselineCentredOn(anchored, (box.y0 + box.y1) / 2), block: anchored };
}

function above(block: TextBlock, box: Box): LabelCandidate {
  const centred = { ...block, anchor: 'middle' } as const;
  return { x: (box.x0 + box.x1) / 2, y: box.y0 - GAP - blockHeight(centred) + TEXT_ASCENT * SIZE, block: centred };
}

function below(block: TextBlock, box: Box): LabelCandidate {
  const centred = { ...block, anchor: 'middle' } as const;
  return { x: (box.x0 + box.x1) / 2, y: box.y1 + GAP + TEXT_ASCENT * SIZE, block: centred };
}

/** Point and vertical half-thickness of a forward band's centre at parameter t of its Bézier curve. */
function bandAt(x0: number, y0: number, x1: number, y1: number, halfWidth: number, t: number) {
  const u = 1 - t;
  const middle = (x0 + x1) / 2;
  const x = u * u * u * x0 + 3 * u * t * (u * middle + t * middle) + t * t * t * x1;
  const y = (u * u * u + 3 * u * u * t) * y0 + (3 * u * t * t + t * t * t) * y1;
  const dx = 3 * u * u * (middle - x0) + 3 * t * t * (x1 - middle);
  const dy = 6 * u * t * (y1 - y0);
  const slope = dx === 0 ? 0 : dy / dx;
  return { x, y, half: halfWidth * Math.sqrt(1 + slope * slope) };
}

/** Centre line and width of a forward flow's whole band (all its parts together). */
function forwardBand(graph: SankeyGraph, layout: ForwardLayout, l: number) {
  const parts = layout.parts[l];
  const first = parts[0];
  const last = parts[parts.length - 1];
  const width = parts.reduce((sum, part) => sum + part.width, 0);
  const link = graph.links[l];
  return {
    x0: layout.nodes[link.source].x1,
    x1: layout.nodes[link.target].x0,
    y0: (first.y0 - first.width / 2 + last.y0 + last.width / 2) / 2,
    y1: (first.y1 - first.width / 2 + last.y1 + last.width / 2) / 2,
    width,
  };
}

export function sankeyObstacles(graph: SankeyGraph, layout: ForwardLayout, routing: Routing): Obstacle[] {
  const obstacles: Obstacle[] = [];
  for (const { x0, y0, x1, y1 } of layout.nodes) obstacles.push({ x0, y0, x1, y1, group: NODE_GROUP });
  graph.links.forEach((_, l) => {
    const route = routing.loops[l];
    if (route) {
      for (const box of loopBoxes(route)) obstacles.push({ ...box, group: l });
      return;
    }
    const band = forwardBand(graph, layout, l);
    const step = (band.x1 - band.x0) / BEZIER_SAMPLES;
    for (let s = 0; s <= BEZIER_SAMPLES; s++) {
      const point = bandAt(band.x0, band.y0, band.x1, band.y1, band.width / 2, s / BEZIER_SAMPLES);
      obstacles.push({ x0: point.x - step / 2, y0: point.y - point.half, x1: point.x + step / 2, y1: point.y + point.half, group: l });
    }
  });
  for (const route of routing.stocks) if (route) for (const box of stockBoxes(route)) obstacles.push({ ...box, group: STOCK_GROUP });
  for (const marker of routing.imbalances) if (marker) obstacles.push({ ...marker.box, group: IMBALANCE_GROUP });
  return obstacles;
}

/**
 * Labels in order of importance: node names with throughput (required), imbalances (required,
 * red), stock changes and levels (required), then flow values, largest first (dropped where
 * nothing is free). First and last columns put names outside the diagram; inner columns try
 * beside the node, then above and below it on one line.
 */
export function sankeyLabelRequests(graph: SankeyGraph, columns: SankeyColumns, layout: ForwardLayout, routing: Routing, text: LabelText): LabelRequest[] {
  const requests: LabelRequest[] = [];
  const values = nodeValues(graph);
  const lastColumn = columns.columnCount - 1;
  // Outer columns first: their labels have the margins to themselves, inner ones must fit around them.
  const outer = (i: number) => columns.column[i] === 0 || columns.column[i] === lastColumn;
  const order = graph.nodes.map((_, i) => i).sort((a, b) => Number(outer(b)) - Number(outer(a)) || a - b);
  for (const i of order) {
    const box = layout.nodes[i];
    const lines = nodeLabelLines(graph, i, values[i], text);
    const block = textBlock(lines, SIZE);
    const oneLine = textBlock(wrapText(`${graph.nodes[i].label} ${lines[lines.length - 1]}`, text.maxAcrossWidth, SIZE), SIZE);
    const column = columns.column[i];
    const sides: ('left' | 'right')[] = column === 0 && lastColumn > 0 ? ['left', 'right'] : ['right', 'left'];
    const underStock = routing.stocks[i]?.box;
    const candidates = [
      ...sides.map((side) => beside(block, box, side)),
      above(oneLine, box),
      above(block, box),
      below(oneLine, underStock ?? box),
      ...sides.map((side) => beside(oneLine, box, side)),
    ];
    requests.push({ id: `node:${graph.nodes[i].key}`, candidates, required: true, anchor: box });
  }
  routing.imbalances.forEach((marker, i) => {
    if (!marker) return;
    const block = textBlock([`imbalance ${formatSignedQuantity(marker.residual, text.unit, text.suffix)}`], SIZE);
    const side = marker.side === 'out' ? 'right' : 'left';
    const candidates = [beside(block, marker.box, side), above(block, marker.box), below(block, marker.box)];
    requests.push({ id: `imbalance:${graph.nodes[i].key}`, candidates, required: true, anchor: marker.box, color: IMBALANCE_COLOR });
  });
  routing.stocks.forEach((route, i) => {
    const stock = graph.nodes[i].stock;
    if (!route || !stock) return;
    const change = `${stock.name ?? 'stock'} ${formatSignedQuantity(stock.change, text.unit, text.suffix)}`;
    const block = textBlock([change, `level ${formatQuantity(stock.level, text.unit)}`], SIZE);
    // Beside the box, its first line level with the box; else centred on it; else under it.
    // A little further off than node labels, so the box's edge does not read as a dash.
    const box = growBox(route.box, 1.5);
    const level = (box.y0 + box.y1) / 2 + (TEXT_ASCENT - TEXT_DESCENT) * SIZE * 0.5;
    const candidates = [
      { x: box.x1 + GAP, y: level, block },
      { x: box.x0 - GAP, y: level, block: { ...block, anchor: 'end' as const } },
      beside(block, box, 'right'),
      beside(block, box, 'left'),
      below(block, box),
    ];
    requests.push({ id: `stock:${graph.nodes[i].key}`, candidates, required: true, anchor: route.box });
  });

  const bySize = graph.links.map((_, l) => l).sort((a, b) => graph.links[b].total - graph.links[a].total || a - b);
  for (const l of bySize) {
    const link = graph.links[l];
    const block = textBlock([formatQuantity(link.total, text.unit, text.suffix)], SIZE, 'middle');
    const textHeight = (TEXT_ASCENT + TEXT_DESCENT) * SIZE;
    const route = routing.loops[l];
    const candidates: LabelCandidate[] = [];
    if (route) {
      for (const fraction of [0.5, 0.3, 0.7, 0.15, 0.85]) {
        const x = route.upX + (route.downX - route.upX) * fraction;
        if (route.width >= textHeight * 1.1) candidates.push({ x, y: baselineCentredOn(block, route.laneY + route.width / 2), block, ownGroup: l });
        candidates.push({ x, y: route.laneY + route.width + 1 + TEXT_ASCENT * SIZE, block });
      }
    } else {
      const band = forwardBand(graph, layout, l);
      for (const t of [0.5, 0.35, 0.65, 0.2, 0.8]) {
        const point = bandAt(band.x0, band.y0, band.x1, band.y1, band.width / 2, t);
        if (band.width >= textHeight * 1.1) candidates.push({ x: point.x, y: baselineCentredOn(block, point.y), block, ownGroup: l });
        candidates.push({ x: point.x, y: point.y - point.half - 1 - TEXT_DESCENT * SIZE, block });
        candidates.push({ x: point.x, y: point.y + point.half + 1 + TEXT_ASCENT * SIZE, block });
      }
    }
    requests.push({ id: `flow:${l}`, candidates, required: false, anchor: { x0: candidates[0].x, y0: candidates[0].y, x1: candidates[0].x, y1: candidates[0].y } });
  }
  return requests;
}
