import { OptionsError, checkOption } from '../../engine/errors.js';
import { headerSvg, subtitleParts, type Rendered } from '../figure/header.js';
import { describePeriod, rateSuffix } from '../figure/period.js';
import { figureWidthPoints } from '../figure/size.js';
import { sankeyColumns, type SankeyColumns } from './columns.js';
import { MARGIN, MAX_LABEL_MARGIN, sankeyGeometry, type SankeyGeometry } from './geometry.js';
import { buildSankeyGraph, type SankeyGraph } from './graph.js';
import type { SankeyInput, SankeyOptions } from './input.js';
import { placeSankeyLabels, type SankeyLabels } from './label-placement.js';
import type { LabelText } from './labels.js';
import { nodeValues } from './layout.js';

const DEFAULTS = {
  width: 'double',
  minFlow: 0,
  minWidth: 0.6,
  nodeOrder: 'auto',
  imbalanceTolerance: 1e-9,
} as const;

/** How far labels may reach above the top nodes (the diagram then moves down) and below the loops. */
const MAX_RISE = 30;
const MAX_SINK = 40;

/** Everything a Sankey figure draws, laid out, before it is written as SVG. */
export interface SankeyScene {
  readonly width: number;
  readonly graph: SankeyGraph;
  readonly columns: SankeyColumns;
  readonly geometry: SankeyGeometry;
  readonly header: Rendered;
  readonly text: LabelText;
  /** Labels, in the diagram's own coordinates. */
  readonly labels: SankeyLabels;
  /** How far the diagram moves down so that labels above its top nodes clear the header. */
  readonly shift: number;
  /** Lowest point of the diagram and its labels, in the diagram's own coordinates. */
  readonly bottom: number;
  readonly colorBy: 'item' | 'source' | 'target';
  readonly minFlow: number;
  readonly minWidth: number;
  /** The input's own notes, for under the figure. */
  readonly notes: readonly string[];
}

function checkPositive(option: string, value: number | undefined, allowZero: boolean): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new OptionsError(option, `must be a ${allowZero ? 'non-negative' : 'positive'} finite number (got ${value})`);
  }
}

/** Validates the options, then lays out the header, the diagram and its labels. */
export function sankeyScene(input: SankeyInput, options: SankeyOptions): SankeyScene {
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
  const text: LabelText = { unit: input.unit, suffix, maxNameWidth: width * MAX_LABEL_MARGIN - 4, maxAcrossWidth: width * 0.4, values: options.labelValues ?? true };
  const subtitle = subtitleParts(describePeriod(input.period), input.scenario && `scenario ${input.scenario}`, `flows in ${input.unit}${suffix}`);
  const header = headerSvg(input.title, subtitle, MARGIN, MARGIN, width - 2 * MARGIN);
  const headerBottom = MARGIN + header.height + 2;

  const geometry = sankeyGeometry(graph, columns, nodeValues(graph), text, width, headerBottom + 12, {
    unitsPerPoint: options.unitsPerPoint,
    diagramHeight: options.diagramHeight,
    imbalanceTolerance: options.imbalanceTolerance ?? DEFAULTS.imbalanceTolerance,
    nodeOrder,
  });
  const bounds = { x0: 1, y0: headerBottom - MAX_RISE, x1: width - 1, y1: geometry.routing.bottom + MAX_SINK };
  const labels = placeSankeyLabels(graph, columns, geometry, text, bounds, minWidth);
  let top = headerBottom;
  let bottom = geometry.routing.bottom;
  for (const label of labels.placed) {
    top = Math.min(top, label.box.y0);
    bottom = Math.max(bottom, label.box.y1);
  }
  return { width, graph, columns, geometry, header, text, labels, shift: headerBottom - top, bottom, colorBy, minFlow, minWidth, notes: input.notes ?? [] };
}
