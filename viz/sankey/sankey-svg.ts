import { INK } from '../figure/palette.js';
import { FONT_SIZE } from '../figure/size.js';
import { labelsSvg } from '../labels/draw.js';
import type { KeyEntry } from '../labels/key-list.js';
import type { PlacedLabel } from '../labels/place.js';
import { element } from '../svg/element.js';
import { svgDocument } from '../svg/document.js';
import { num } from '../svg/format.js';
import { bandColors } from './colors.js';
import { bandsSvg, nodesSvg } from './draw.js';
import { sankeyFooter, type Imbalances } from './footer.js';
import { MARGIN } from './geometry.js';
import type { SankeyInput, SankeyOptions } from './input.js';
import { sankeyScene } from './scene.js';

export interface SankeyFigure {
  readonly svg: string;
  /** The scale: mass units per point of band width. Pass it as `unitsPerPoint` to draw other panels alike. */
  readonly unitsPerPoint: number;
  readonly width: number;
  readonly height: number;
  /** Flows with a positive value below `minFlow`, not drawn. */
  readonly hiddenFlows: number;
  /** Flows drawn as loops under the diagram, as "from -> to". */
  readonly backwardFlows: readonly string[];
  /** Processes whose inflow − outflow − stock change exceeds the tolerance, drawn red. */
  readonly imbalances: Imbalances;
  /** Labels as drawn (figure coordinates); a keyed label holds its key number, listed under the diagram. */
  readonly labels: readonly PlacedLabel[];
  /** Flow values left unlabelled for lack of free space. */
  readonly unlabelledFlows: number;
  /** What each key number drawn next to a node stands for, in the order listed under the diagram. */
  readonly keys: readonly KeyEntry[];
  /** Required labels that had to overlap another label (0 unless the diagram is very crowded). */
  readonly overlappingLabels: number;
  /** Required labels that had to cover a band, node or stock element (0 unless the diagram is very crowded). */
  readonly obstructedLabels: number;
  /** False when there were more colour categories than distinguishable colours. */
  readonly distinctColors: boolean;
}

function shifted(label: PlacedLabel, dy: number): PlacedLabel {
  if (dy === 0) return label;
  const { box, leader } = label;
  return {
    ...label,
    y: label.y + dy,
    box: { ...box, y0: box.y0 + dy, y1: box.y1 + dy },
    leader: leader && { ...leader, y1: leader.y1 + dy, y2: leader.y2 + dy },
  };
}

/**
 * A Sankey diagram of one year (or span) as an SVG string: processes as nodes, imports on the
 * left and exports on the right, flows as bands on one linear scale, recycling loops routed in
 * lanes under the diagram, stock changes as bands into stock boxes under their processes, and
 * any mass imbalance drawn in red and reported. Pure and deterministic: the same input gives
 * the same bytes.
 */
export function sankeySvg(input: SankeyInput, options: SankeyOptions = {}): SankeyFigure {
  const scene = sankeyScene(input, options);
  const { graph, columns, geometry, labels, shift, width } = scene;
  const { layout, routing } = geometry;
  const colors = bandColors(graph, scene.colorBy, input.dimension?.name);
  const imbalances = graph.nodes.flatMap((node, i) => (routing.imbalances[i] ? [{ process: node.key, residual: node.residual }] : []));
  const footerTop = scene.bottom + shift + 8;
  const footer = sankeyFooter(scene, colors, imbalances, footerTop);
  const height = footer.bottom + MARGIN;

  const diagram =
    bandsSvg(graph, layout, routing, colors, scene.minWidth, options.tagBands === true) +
    nodesSvg(graph, layout, routing) +
    element('g', { 'font-size': FONT_SIZE.label, fill: INK }, labelsSvg(labels.placed));
  const body = scene.header.svg + (shift > 0 ? element('g', { transform: `translate(0 ${num(shift)})` }, diagram) : diagram) + footer.svg;

  return {
    svg: svgDocument(width, height, input.title, body),
    unitsPerPoint: 1 / layout.pointsPerUnit,
    width,
    height,
    hiddenFlows: graph.hiddenFlows,
    backwardFlows: graph.links.flatMap((link, l) => (columns.backward[l] ? [`${graph.nodes[link.source].label} -> ${graph.nodes[link.target].label}`] : [])),
    imbalances,
    labels: labels.placed.map((label) => shifted(label, shift)),
    unlabelledFlows: labels.unlabelledFlows,
    keys: labels.keys,
    overlappingLabels: labels.overlapping,
    obstructedLabels: labels.obstructed,
    distinctColors: colors.distinct,
  };
}
