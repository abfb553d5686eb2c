import { formatQuantity, formatSignedQuantity, formatUncertainQuantity } from '../figure/quantity.js';
import { IMBALANCE_COLOR } from '../figure/palette.js';
import { FONT_SIZE } from '../figure/size.js';
import { growBox, type Box } from '../labels/box.js';
import type { LabelCandidate, LabelRequest } from '../labels/place.js';
import { textBlock, type TextBlock } from '../labels/text-block.js';
import { wrapText } from '../labels/wrap.js';
import { TEXT_ASCENT, TEXT_DESCENT, textWidth } from '../text/measure.js';
import type { SankeyColumns } from './columns.js';
import type { SankeyGraph } from './graph.js';
import { GAP, above, below, beside, besideSliding } from './label-positions.js';
import { nodeValues, type ForwardLayout } from './layout.js';
import type { Routing } from './routing.js';

const SIZE = FONT_SIZE.label;

export interface LabelText {
  readonly unit: string;
  /** "/yr", or "" for totals over a span. */
  readonly suffix: string;
  /** Widest a node name may be before it wraps beside its node. */
  readonly maxNameWidth: number;
  /** Widest a node label may be above or below its node. */
  readonly maxAcrossWidth: number;
  /** false: names only, no values (SankeyOptions.labelValues). */
  readonly values: boolean;
}

/** A label that must be placed, and the text its key stands for when only a key number fits. */
export interface RequiredLabel {
  readonly kind: 'node' | 'imbalance' | 'stock';
  readonly request: LabelRequest;
  readonly keyText: string;
  /** The node it belongs to, which orders the keys. */
  readonly node: number;
  /** A stock's text within its node's key entry, when both only have room for the node's key. */
  readonly inNodeKey?: string;
}

/** The node label's lines: its name (wrapped) and its throughput. */
export function nodeLabelLines(graph: SankeyGraph, i: number, value: number, text: LabelText, width = text.maxNameWidth): string[] {
  const name = wrapText(graph.nodes[i].label, width, SIZE);
  return text.values ? [...name, formatQuantity(value, text.unit, text.suffix)] : name;
}

/** The name wrapped to `width`, then the value (if any) on its last line where it fits, else on its own: a quantity never breaks. */
function nameAndValue(name: string, value: string | undefined, width: number): string[] {
  const lines = wrapText(name, width, SIZE);
  if (value === undefined) return lines;
  const last = `${lines[lines.length - 1]} ${value}`;
  if (textWidth(last, SIZE) <= width) lines[lines.length - 1] = last;
  else lines.push(value);
  return lines;
}

/** A key number's block, as wide as the widest number `count` keys can need (digits are tabular). */
function keyBlock(count: number): TextBlock {
  return textBlock(['0'.repeat(String(Math.max(count, 1)).length)], SIZE, 'start', 'semibold');
}

/** Beside the box on both sides (the preferred first), centred, then sliding along them. */
function besideBoth(block: TextBlock, box: Box, sides: readonly ('left' | 'right')[]): LabelCandidate[] {
  return [...sides.map((side) => beside(block, box, side)), ...sides.flatMap((side) => besideSliding(block, box, side))];
}

/** The label's usual places around the box (beside it, centred, and above and below it), then along its sides. */
function aroundBox(block: TextBlock, box: Box, sides: readonly ('left' | 'right')[], under: Box): LabelCandidate[] {
  return [...sides.map((side) => beside(block, box, side)), above(block, box), below(block, under), ...sides.flatMap((side) => besideSliding(block, box, side))];
}

/**
 * Node names with throughput, then imbalances (red), then stock changes and levels: all required,
 * in that order of importance. First and last columns put names outside the diagram; inner
 * columns try beside the node, above and below it, then along its sides, then narrower (names
 * wrapped to `narrowWidth`); when nothing is free, a key number stands in next to the node and
 * `keyText` goes to the figure's key.
 */
export function requiredLabels(graph: SankeyGraph, columns: SankeyColumns, layout: ForwardLayout, routing: Routing, text: LabelText, narrowWidth: number): RequiredLabel[] {
  const values = nodeValues(graph);
  const labels: RequiredLabel[] = [];
  const lastColumn = columns.columnCount - 1;
  // Outer columns first: their labels have the margins to themselves, inner ones must fit around them.
  const outer = (i: number) => columns.column[i] === 0 || columns.column[i] === lastColumn;
  const order = graph.nodes.map((_, i) => i).sort((a, b) => Number(outer(b)) - Number(outer(a)) || a - b);
  const stocks = routing.stocks.filter(Boolean).length;
  const imbalances = routing.imbalances.filter(Boolean).length;
  const key = keyBlock(graph.nodes.length + stocks + imbalances);
  for (const i of order) {
    const box = layout.nodes[i];
    const lines = nodeLabelLines(graph, i, values[i], text);
    const block = textBlock(lines, SIZE);
    const name = graph.nodes[i].label;
    const value = text.values ? lines[lines.length - 1] : undefined;
    const oneLine = textBlock(nameAndValue(name, value, text.maxAcrossWidth), SIZE);
    const narrow = textBlock(nodeLabelLines(graph, i, values[i], text, narrowWidth), SIZE);
    const outside = lastColumn > 0 && outer(i);
    const sides: ('left' | 'right')[] = columns.column[i] === 0 && lastColumn > 0 ? ['left', 'right'] : ['right', 'left'];
    const under = routing.stocks[i]?.box ?? box;
    const candidates = [
      ...(outside ? [beside(block, box, sides[0]), ...besideSliding(block, box, sides[0]), beside(block, box, sides[1])] : sides.map((side) => beside(block, box, side))),
      above(oneLine, box),
      below(oneLine, under),
      ...sides.flatMap((side) => besideSliding(block, box, side)),
      above(block, box),
      above(oneLine, box, 'start'),
      above(oneLine, box, 'end'),
      below(oneLine, under, 'start'),
      below(oneLine, under, 'end'),
      below(block, under),
      ...besideBoth(oneLine, box, sides),
      ...besideBoth(narrow, box, sides),
      above(narrow, box),
      below(narrow, under),
    ];
    const movable = candidates.slice(0, outside ? 1 : 4);
    const request = { id: `node:${graph.nodes[i].key}`, candidates, required: true, anchor: box, keys: aroundBox(key, box, sides, under), movable };
    labels.push({ kind: 'node', request, keyText: value === undefined ? name : `${name} ${value}`, node: i });
  }
  routing.imbalances.forEach((marker, i) => {
    if (!marker) return;
    const label = `imbalance ${formatSignedQuantity(marker.residual, text.unit, text.suffix)}`;
    const block = textBlock([label], SIZE);
    const side = marker.side === 'out' ? 'right' : 'left';
    const candidates = [beside(block, marker.box, side), above(block, marker.box), below(block, marker.box), ...besideSliding(block, marker.box, side)];
    const keys = [beside(key, marker.box, side), above(key, marker.box), below(key, marker.box)];
    const request = { id: `imbalance:${graph.nodes[i].key}`, candidates, required: true, anchor: marker.box, color: IMBALANCE_COLOR, keys, movable: candidates.slice(0, 3) };
    labels.push({ kind: 'imbalance', request, keyText: `${graph.nodes[i].label}: ${label}`, node: i });
  });
  routing.stocks.forEach((route, i) => {
    const stock = graph.nodes[i].stock;
    if (!route || !stock) return;
    const name = stock.name ?? 'stock';
    const changeText = stock.changeSd === undefined ? formatSignedQuantity(stock.change, text.unit, text.suffix) : formatUncertainQuantity(stock.change, stock.changeSd, text.unit, text.suffix, true);
    const change = text.values ? `${name} ${changeText}` : name;
    const level = stock.level === undefined ? undefined : `level ${formatQuantity(stock.level, text.unit)}`;
    const block = textBlock(text.values && level !== undefined ? [change, level] : [change], SIZE);
    // Beside the box, its first line level with the box; else centred on it; else under it.
    // A little further off than node labels, so the box's edge does not read as a dash.
    const box = growBox(route.box, 1.5);
    const levelY = (box.y0 + box.y1) / 2 + (TEXT_ASCENT - TEXT_DESCENT) * SIZE * 0.5;
    const candidates = [
      { x: box.x1 + GAP, y: levelY, block },
      { x: box.x0 - GAP, y: levelY, block: { ...block, anchor: 'end' as const } },
      beside(block, box, 'right'),
      beside(block, box, 'left'),
      below(block, box),
      below(block, box, 'start'),
      below(block, box, 'end'),
      ...besideSliding(block, box, 'right'),
      ...besideSliding(block, box, 'left'),
    ];
    const keys = [beside(key, box, 'right'), beside(key, box, 'left'), below(key, box)];
    const request = { id: `stock:${graph.nodes[i].key}`, candidates, required: true, anchor: route.box, keys, movable: candidates.slice(0, 5) };
    const keyText = text.values && level !== undefined ? `${change}, ${level}` : change;
    labels.push({ kind: 'stock', request, keyText: `${graph.nodes[i].label}: ${keyText}`, node: i, inNodeKey: keyText });
  });
  return labels;
}
