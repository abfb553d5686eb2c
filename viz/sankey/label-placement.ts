import type { Box } from '../labels/box.js';
import type { KeyEntry } from '../labels/key-list.js';
import { LabelPlacer, type PlacedLabel } from '../labels/place.js';
import { sankeyObstacles } from './band-shape.js';
import type { SankeyColumns } from './columns.js';
import { flowLabelRequests } from './flow-labels.js';
import type { SankeyGeometry } from './geometry.js';
import type { SankeyGraph } from './graph.js';
import { GAP } from './label-positions.js';
import { requiredLabels, type LabelText, type RequiredLabel } from './labels.js';

export interface SankeyLabels {
  /** Placed labels; a keyed one's block holds its key number. */
  readonly placed: readonly PlacedLabel[];
  /** What each key number stands for, in key order. */
  readonly keys: readonly KeyEntry[];
  readonly unlabelledFlows: number;
  readonly overlapping: number;
  readonly obstructed: number;
}

interface Keyed {
  readonly label: RequiredLabel;
  readonly placed: PlacedLabel;
  /** Texts of other labels that share this key (a stock's, with its node's). */
  readonly extra: string[];
}

/**
 * Places every label of the diagram, most important first: node names, imbalances, stocks, then
 * flow values. A stock whose node only had room for a key joins that key instead of taking a
 * number of its own, where it does not fit beside its box either. Keys are then numbered in
 * reading order: column by column, top to bottom.
 */
export function placeSankeyLabels(graph: SankeyGraph, columns: SankeyColumns, geometry: SankeyGeometry, text: LabelText, bounds: Box, minWidth: number): SankeyLabels {
  const { layout, routing } = geometry;
  const placer = new LabelPlacer(sankeyObstacles(graph, layout, routing, minWidth), bounds);
  const keyed: Keyed[] = [];
  const nodeKeys = new Map<number, Keyed>();
  for (const label of requiredLabels(graph, columns, layout, routing, text, geometry.columnGap - 2 * GAP)) {
    const nodeKey = label.kind === 'stock' ? nodeKeys.get(label.node) : undefined;
    if (nodeKey !== undefined && label.inNodeKey !== undefined) {
      if (!placer.place({ ...label.request, required: false })) nodeKey.extra.push(label.inNodeKey);
      continue;
    }
    const placed = placer.place(label.request)!;
    if (!placed.keyed) continue;
    const entry = { label, placed, extra: [] };
    keyed.push(entry);
    if (label.kind === 'node') nodeKeys.set(label.node, entry);
  }
  let unlabelledFlows = 0;
  const flowLabels = text.values ? flowLabelRequests(graph, layout, routing, text, minWidth) : [];
  for (const request of flowLabels) if (!placer.place(request)) unlabelledFlows++;

  const position = ({ label }: Keyed, k: number) => [columns.column[label.node], layout.nodes[label.node].y0, k];
  const order = keyed.map((entry, k) => ({ entry, at: position(entry, k) })).sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2]);
  const numbers = new Map(order.map(({ entry }, n) => [entry.placed.id, String(n + 1)]));
  const placed = placer.placed.map((label) => {
    const number = numbers.get(label.id);
    return number === undefined ? label : { ...label, block: { ...label.block, lines: [number] } };
  });
  const keys = order.map(({ entry }) => ({
    key: numbers.get(entry.placed.id)!,
    text: [entry.label.keyText, ...entry.extra].join('; '),
    color: entry.label.request.color,
  }));
  return { placed, keys, unlabelledFlows, overlapping: placer.overlapping, obstructed: placer.obstructed };
}
