import { OptionsError, checkOption } from '../../engine/errors.js';
import { headerSvg, subtitleParts } from '../figure/header.js';
import { legendSvg, type LegendEntry } from '../figure/legend.js';
import { notesSvg } from '../figure/notes.js';
import { IMBALANCE_COLOR, INK } from '../figure/palette.js';
import { describePeriod, rateSuffix } from '../figure/period.js';
import { formatQuantity, formatSignedQuantity } from '../figure/quantity.js';
import { FONT_SIZE, figureWidthPoints } from '../figure/size.js';
import { labelsSvg } from '../labels/draw.js';
import { placeLabels, type PlacedLabel } from '../labels/place.js';
import { blockWidth, textBlock } from '../labels/text-block.js';
import { element } from '../svg/element.js';
import { svgDocument } from '../svg/document.js';
import { bandColors } from './colors.js';
import { sankeyColumns } from './columns.js';
import { bandsSvg, nodesSvg } from './draw.js';
import { buildSankeyGraph } from './graph.js';
import type { SankeyInput, SankeyOptions } from './input.js';
import { sankeyLabelRequests, sankeyObstacles, nodeLabelLines, type LabelText } from './labels.js';
import { fittedPointsPerUnit, layoutForward, nodeValues } from './layout.js';
import { loopSpace, outerReach, routeSankey } from './routing.js';
import { scaleBarSvg } from './scale-bar.js';
import { STOCK_RESERVE } from './stock-route.js';

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
  readonly imbalances: readonly { readonly process: string; readonly residual: number }[];
  readonly labels: readonly PlacedLabel[];
  /** Flow values left unlabelled for lack of free space. */
  readonly unlabelledFlows: number;
  /** Required labels that had to overlap another label (0 unless the diagram is very crowded). */
  readonly overlappingLabels: number;
  /** False when there were more colour categories than distinguishable colours. */
  readonly distinctColors: boolean;
}

const DEFAULTS = {
  width: 'double',
  minFlow: 0,
  minWidth: 0.6,
  nodeOrder: 'auto',
  imbalanceTolerance: 1e-9,
} as const;

const MARGIN = 6;
const NODE_WIDTH = 7;
const NODE_PADDING = 14;
/** First and last columns keep at most this share of the width each for their labels. */
const MAX_LABEL_MARGIN = 0.22;

/**
 * A fitted scale keeps every band narrower than the gap between two columns (a third of the
 * width for a single column): thicker bands turn into blobs where they curve or turn down.
 */
function widestBand(width: number, leftMargin: number, rightMargin: number, columnCount: number): number {
  const span = width - 2 * MARGIN - Math.min(leftMargin, width * MAX_LABEL_MARGIN) - Math.min(rightMargin, width * MAX_LABEL_MARGIN);
  return columnCount > 1 ? span / (columnCount - 1) - NODE_WIDTH : span / 3;
}

function checkPositive(option: string, value: number | undefined, allowZero: boolean): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new OptionsError(option, `must be a ${allowZero ? 'non-negative' : 'positive'} finite number (got ${value})`);
  }
}

/**
 * A Sankey diagram of one year (or span) as an SVG string: processes as nodes, imports on the
 * left and exports on the right, flows as bands on one linear scale, recycling loops routed in
 * lanes under the diagram, stock changes as bands into stock boxes under their processes, and
 * any mass imbalance drawn in red and reported. Pure and deterministic: the same input gives
 * the same bytes.
 */
export function sankeySvg(input: SankeyInput, options: SankeyOptions = {}): SankeyFigure {
  const width = figureWidthPoints(options.width ?? DEFAULTS.width, 'width');
  checkPositive('unitsPerPoint', options.unitsPerPoint, false);
  checkPositive('minFlow', options.minFlow, true);
  checkPositive('minWidth', options.minWidth, true);
  checkPositive('diagramHeight', options.diagramHeight, false);
  checkPositive('imbalanceTolerance', options.imbalanceTolerance, true);
  const colorBy = checkOption('colorBy', options.colorBy ?? (input.dimension ? 'item' : 'target'), ['item', 'source', 'target'] as const);
  const nodeOrder = checkOption('nodeOrder', options.nodeOrder ?? DEFAULTS.nodeOrder, ['auto', 'input'] as const);
  const minFlow = options.minFlow ?? DEFAULTS.minFlow;
  const minWidth = options.minWidth ?? DEFAULTS.minWidth;

  const graph = buildSankeyGraph(input, minFlow);
  const columns = sankeyColumns(graph);
  const suffix = rateSuffix(input.period);
  const text: LabelText = { unit: input.unit, suffix, maxNameWidth: width * MAX_LABEL_MARGIN - 4, maxAcrossWidth: width * 0.4 };
  const values = nodeValues(graph);

  const contentWidth = width - 2 * MARGIN;
  const subtitle = subtitleParts(describePeriod(input.period), input.scenario && `scenario ${input.scenario}`, `flows in ${input.unit}${suffix}`);
  const header = headerSvg(input.title, subtitle, MARGIN, MARGIN, contentWidth);

  const labelWidth = (i: number) => blockWidth(textBlock(nodeLabelLines(graph, i, values[i], text), FONT_SIZE.label)) + 3;
  let leftMargin = 0;
  let rightMargin = 0;
  graph.nodes.forEach((_, i) => {
    if (columns.column[i] === 0 && columns.columnCount > 1) leftMargin = Math.max(leftMargin, labelWidth(i));
    if (columns.column[i] === columns.columnCount - 1) rightMargin = Math.max(rightMargin, labelWidth(i));
  });
  const top = MARGIN + header.height + 14;
  const reserve = Float64Array.from(graph.nodes, (node) => (node.stock ? STOCK_RESERVE : 0));
  const largest = values.reduce((max, value) => Math.max(max, value), 0);
  const pointsPerUnit =
    options.unitsPerPoint !== undefined
      ? 1 / options.unitsPerPoint
      : Math.min(
          fittedPointsPerUnit(values, columns, { height: options.diagramHeight ?? 0.45 * width, nodePadding: NODE_PADDING, reserve, loops: loopSpace(graph, columns) }),
          widestBand(width, leftMargin, rightMargin, columns.columnCount) / Math.max(largest, Number.MIN_VALUE),
        );
  const tolerance = (options.imbalanceTolerance ?? DEFAULTS.imbalanceTolerance) * largest;
  const reach = outerReach(graph, columns, pointsPerUnit, tolerance);
  const layout = layoutForward(graph, columns, {
    x0: MARGIN + Math.max(Math.min(leftMargin, width * MAX_LABEL_MARGIN), reach.left + 2),
    x1: width - MARGIN - Math.max(Math.min(rightMargin, width * MAX_LABEL_MARGIN), reach.right + 2),
    top,
    nodeWidth: NODE_WIDTH,
    nodePadding: NODE_PADDING,
    reserve,
    pointsPerUnit,
    nodeOrder,
  });
  const routing = routeSankey(graph, columns, layout, tolerance);

  const bounds = { x0: 1, y0: MARGIN + header.height + 2, x1: width - 1, y1: routing.bottom + 14 };
  const placement = placeLabels(sankeyLabelRequests(graph, columns, layout, routing, text), sankeyObstacles(graph, layout, routing), bounds);
  let labelsBottom = routing.bottom;
  for (const label of placement.placed) labelsBottom = Math.max(labelsBottom, label.box.y1);

  const colors = bandColors(graph, colorBy, input.dimension?.name);
  const legendTop = labelsBottom + 8;
  const scaleBar = scaleBarSvg(layout.pointsPerUnit, largest, input.unit, suffix, MARGIN, legendTop);
  const legendEntries: LegendEntry[] = [...colors.legend];
  const imbalances = graph.nodes.flatMap((node, i) => (routing.imbalances[i] ? [{ process: node.key, residual: node.residual }] : []));
  if (imbalances.length > 0) legendEntries.push({ label: 'imbalance', color: IMBALANCE_COLOR, mark: 'swatch' });
  const legend = legendSvg([{ title: colors.legendTitle, entries: legendEntries }], MARGIN + scaleBar.width + 12, legendTop, contentWidth - scaleBar.width - 12);

  const notes: { text: string; color?: string }[] = [];
  if (graph.hiddenFlows > 0) {
    const flows = graph.hiddenFlows === 1 ? 'flow' : 'flows';
    notes.push({ text: `${graph.hiddenFlows} ${flows} below ${formatQuantity(minFlow, input.unit, suffix)} not drawn.` });
  }
  for (const { process, residual } of imbalances) {
    const label = graph.nodes.find((node) => node.key === process)!.label;
    notes.push({ text: `Mass imbalance at ${label}: ${formatSignedQuantity(residual, input.unit, suffix)} (inflow − outflow − stock change), drawn red.`, color: IMBALANCE_COLOR });
  }
  if (!colors.distinct) notes.push({ text: 'More categories than distinguishable colours: colours repeat.' });
  const notesTop = legendTop + Math.max(scaleBar.height, legend.height) + 4;
  const notesBlock = notesSvg(notes, MARGIN, notesTop, contentWidth);
  const height = notesTop + notesBlock.height + MARGIN;

  const body =
    header.svg +
    bandsSvg(graph, layout, routing, colors, minWidth) +
    nodesSvg(graph, layout, routing) +
    element('g', { 'font-size': FONT_SIZE.label, fill: INK }, labelsSvg(placement.placed)) +
    scaleBar.svg +
    legend.svg +
    notesBlock.svg;

  return {
    svg: svgDocument(width, height, input.title, body),
    unitsPerPoint: 1 / layout.pointsPerUnit,
    width,
    height,
    hiddenFlows: graph.hiddenFlows,
    backwardFlows: graph.links.flatMap((link, l) => (columns.backward[l] ? [`${graph.nodes[link.source].label} -> ${graph.nodes[link.target].label}`] : [])),
    imbalances,
    labels: placement.placed,
    unlabelledFlows: placement.dropped.length,
    overlappingLabels: placement.overlapping,
    distinctColors: colors.distinct,
  };
}
