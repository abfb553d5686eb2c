import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { OptionsError } from '../../engine/errors.js';
import { X_TICKS_HEIGHT, xAxisSvg, yAxisSvg, yAxisWidth } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import type { LegendGroup } from '../figure/legend.js';
import { INK, categoricalColors } from '../figure/palette.js';
import { displayUnit, formatNumber } from '../figure/quantity.js';
import { FONT_SIZE, figureWidthPoints } from '../figure/size.js';
import type { Box } from '../labels/box.js';
import { labelsSvg } from '../labels/draw.js';
import { placeLabels, type Obstacle, type PlacedLabel } from '../labels/place.js';
import { blockHeight, blockSvg, textBlock } from '../labels/text-block.js';
import { wrapText } from '../labels/wrap.js';
import { element } from '../svg/element.js';
import { TEXT_ASCENT } from '../text/measure.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';
import { coincidingLines, groupNotes, lineGroups, yearGroups, type LineGroup } from './coinciding-lines.js';
import { aroundPoint, MARKER_RADIUS } from './peak-marks.js';
import { checkSeriesLength, checkYears } from './series-check.js';

/** A target drawn in a panel: the indicator at least or at most `value` in `year`. */
export interface PanelTarget {
  readonly year: number;
  readonly comparison: 'at-least' | 'at-most';
  readonly value: number;
}

export interface ComparisonPanel {
  /** What the panel shows: "Diversion rate", "Waste generated". */
  readonly title: string;
  /** Unit of the values: "t/yr", "kg/person/yr", "%". Masses are shown in kt, Mt … when large. */
  readonly unit: string;
  /** One series per scenario, in the order of ComparisonInput.scenarios. */
  readonly values: readonly ArrayLike<number>[];
  readonly targets?: readonly PanelTarget[];
}

export interface ComparisonInput {
  readonly title: string;
  readonly years: readonly number[];
  readonly scenarios: readonly string[];
  readonly panels: readonly ComparisonPanel[];
  readonly notes?: readonly string[];
}

export type { LineGroup };

export interface ComparisonFigure extends Figure {
  readonly groups: readonly LineGroup[];
  readonly labels: readonly PlacedLabel[];
}

const MIN_PANEL_WIDTH = 105;
const COLUMN_GAP = 12;
const ROW_GAP = 8;
const STROKE = 1.2;

/**
 * Several scenarios side by side in small panels that share the years: one panel per quantity
 * (the waste generated, each indicator), one colour per scenario in every panel, targets marked
 * at their year with their threshold. No line hides another: where lines coincide (lie within a
 * line's width of each other) they are drawn as one line in dashes of their colours taking
 * turns, and scenarios whose lines coincide over the whole horizon are named in a note
 * ("status-quo = trend in every panel: the same values").
 */
export function comparisonSvg(input: ComparisonInput, options: ChartOptions = {}): ComparisonFigure {
  checkYears(input.years);
  const { years, scenarios, panels } = input;
  if (panels.length === 0) throw new OptionsError('panels', 'must hold at least one panel');
  if (scenarios.length === 0) throw new OptionsError('scenarios', 'must hold at least one scenario');
  panels.forEach((panel, p) => {
    if (panels.findIndex((other) => other.title === panel.title) !== p) throw new OptionsError(`panels[${p}].title`, `must differ from every other panel's (${panel.title} twice)`);
    if (panel.values.length !== scenarios.length) throw new OptionsError(`panels[${p}].values`, `must hold one series per scenario (${scenarios.length}, got ${panel.values.length})`);
    panel.values.forEach((values, s) => checkSeriesLength(`panels[${p}].values[${s}]`, values, years));
    (panel.targets ?? []).forEach((target, i) => {
      if (!(target.year >= years[0] && target.year <= years[years.length - 1] && Number.isFinite(target.value))) {
        throw new OptionsError(`panels[${p}].targets[${i}]`, `must be a finite value in a year of ${years[0]}–${years[years.length - 1]} (got ${target.value} in ${target.year})`);
      }
    });
  });

  const contentWidth = figureWidthPoints(options.width ?? 'single') - 12;
  // As many columns as the width holds, but no more than a square grid needs: four panels are two by two.
  const fitting = Math.max(1, Math.floor((contentWidth + COLUMN_GAP) / (MIN_PANEL_WIDTH + COLUMN_GAP)));
  const square = panels.length <= 3 ? panels.length : Math.ceil(Math.sqrt(panels.length));
  const rows = Math.ceil(panels.length / Math.min(fitting, square));
  const columns = Math.ceil(panels.length / rows);
  const cellWidth = (contentWidth - (columns - 1) * COLUMN_GAP) / columns;

  const scales = panels.map((panel) => panelScale(panel));
  const leftWidth = Math.max(...scales.map(({ y }) => yAxisWidth(y, { title: '' })));
  const plotWidth = cellWidth - leftWidth - 4;
  const plotHeight = options.plotHeight ?? Math.min(120, Math.max(60, 0.6 * plotWidth));
  const headings = panels.map((panel, p) => wrapText(`${panel.title} (${scales[p].unit})`, cellWidth, FONT_SIZE.label, 'semibold'));
  const headingHeight = Math.max(...headings.map((lines) => blockHeight(textBlock(lines, FONT_SIZE.label, 'start', 'semibold')))) + 3;
  const rowHeight = headingHeight + plotHeight + X_TICKS_HEIGHT + ROW_GAP;

  const { colors, distinct } = categoricalColors(scenarios.length);
  // A line's width on the plot, in each panel's units: lines closer than that hide one another.
  const tolerances = scales.map(({ y, factor }) => ((STROKE * (y.domain()[1] - y.domain()[0])) / plotHeight) * factor);
  const groups = panels.flatMap((panel, p) => lineGroups(panel.title, panel.values, scenarios, tolerances[p]));
  const anyTargets = panels.some((panel) => (panel.targets ?? []).length > 0);
  const legend: LegendGroup[] = [
    { title: 'Scenario', entries: scenarios.map((scenario, s) => ({ label: scenario, color: colors[s], mark: 'line' as const })) },
    ...(anyTargets ? [{ entries: [{ label: 'target: the value to reach (≥) or stay under (≤) in its year', color: INK, mark: 'ring' as const }] }] : []),
  ];
  const coinciding = panels.map((panel, p) => yearGroups(panel.values, tolerances[p]));
  const coincide = coinciding.some((groupOf) => groupOf.some((ofScenario) => ofScenario.some((members) => members !== undefined)));
  const notes = [
    ...(coincide ? ['Where lines coincide they are drawn as one, in dashes of their colours taking turns.'] : []),
    ...groupNotes(groups, panels.length),
    ...(input.notes ?? []),
    ...(distinct ? [] : ['More scenarios than distinguishable colours: colours repeat.']),
  ];
  const frame = chartFrame({
    title: input.title,
    subtitle: subtitleParts(`${years[0]}–${years[years.length - 1]}`, scenarios.length === 1 ? `scenario ${scenarios[0]}` : `${scenarios.length} scenarios`),
    options: { ...options, plotHeight: rows * rowHeight - X_TICKS_HEIGHT - ROW_GAP },
    leftWidth: 0,
    rightWidth: 0,
    legend,
    notes: notes.map((text) => ({ text })),
  });

  let body = '';
  const labels: PlacedLabel[] = [];
  panels.forEach((panel, p) => {
    const [row, column] = [Math.floor(p / columns), p % columns];
    const cellX = frame.plot.x0 + column * (cellWidth + COLUMN_GAP);
    const top = frame.plot.y0 + row * rowHeight;
    const plot: Box = { x0: cellX + leftWidth, y0: top + headingHeight, x1: cellX + leftWidth + plotWidth, y1: top + headingHeight + plotHeight };
    const { y, factor } = scales[p];
    y.range([plot.y1, plot.y0]);
    const x = scaleLinear().domain([years[0], years[years.length - 1]]).range([plot.x0, plot.x1]);
    const bottomRow = p + columns >= panels.length;
    body += blockSvg(textBlock(headings[p], FONT_SIZE.label, 'start', 'semibold'), cellX, top + TEXT_ASCENT * FONT_SIZE.label);
    body += yAxisSvg(y, plot, { title: '' }) + xAxisSvg(x, plot, { title: bottomRow ? 'Year' : '', integer: true, ticks: Math.max(2, Math.round(plotWidth / 45)) });
    const drawn = coincidingLines(panel.values, coinciding[p], colors, (t) => x(years[t]), (value) => y(value / factor), STROKE, p);
    body += drawn.svg;
    const placed = targetMarks(panel, x, y, factor, drawn.obstacles, plot);
    body += placed.svg;
    labels.push(...placed.labels);
  });
  return { svg: frame.document(body), width: frame.width, height: frame.height, groups, labels };
}

/** The panel's y scale from zero over its values and targets, in a prefixed unit when large. */
function panelScale(panel: ComparisonPanel): { y: ScaleLinear<number, number>; factor: number; unit: string } {
  let [low, high] = [0, 0];
  for (const values of panel.values) for (let t = 0; t < values.length; t++) if (Number.isFinite(values[t])) [low, high] = [Math.min(low, values[t]), Math.max(high, values[t])];
  for (const target of panel.targets ?? []) [low, high] = [Math.min(low, target.value), Math.max(high, target.value)];
  const shown = displayUnit(Math.max(high, -low), panel.unit);
  const pad = 0.08 * (high - low);
  const domain = [low < 0 ? (low - pad) / shown.factor : 0, high > 0 ? (high + pad) / shown.factor : 0];
  return { y: scaleLinear().domain(domain[0] === domain[1] ? [0, 1] : domain).nice(), factor: shown.factor, unit: shown.unit };
}

/** Each target as a ring at its year and threshold, labelled "≥ 50" beside it where the lines leave room. */
function targetMarks(panel: ComparisonPanel, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, factor: number, obstacles: Obstacle[], plot: Box): { svg: string; labels: readonly PlacedLabel[] } {
  let svg = '';
  const requests = (panel.targets ?? []).map((target, i) => {
    const [px, py] = [x(target.year), y(target.value / factor)];
    svg += element('circle', { cx: px, cy: py, r: MARKER_RADIUS, fill: '#FFFFFF', stroke: INK, 'stroke-width': 0.9 });
    obstacles.push({ x0: px - MARKER_RADIUS, y0: py - MARKER_RADIUS, x1: px + MARKER_RADIUS, y1: py + MARKER_RADIUS, group: -1 });
    const text = `${target.comparison === 'at-least' ? '≥' : '≤'} ${formatNumber(target.value / factor)}${panel.unit === '%' ? ' %' : ''} in ${target.year}`;
    const candidates = aroundPoint([text], px, py);
    return { id: `target:${panel.title}:${i}`, candidates: [candidates[3], candidates[4], ...candidates.slice(0, 3), ...candidates.slice(5)], required: true, anchor: { x0: px, y0: py, x1: px, y1: py }, color: INK };
  });
  const placement = placeLabels(requests, obstacles, plot);
  return { svg: svg + element('g', { 'font-size': FONT_SIZE.label }, labelsSvg(placement.placed)), labels: placement.placed };
}
