import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { findPeak, type Peak } from '../../engine/analysis/peaks.js';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg, yAxisSvg, yAxisWidth } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import { INK, categoricalColors } from '../figure/palette.js';
import { displayUnit, formatQuantity } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import { labelsSvg } from '../labels/draw.js';
import { placeLabels, type LabelRequest, type Obstacle, type PlacedLabel } from '../labels/place.js';
import { element, pathData } from '../svg/element.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';
import { lineGroups } from './coinciding-lines.js';
import { polylineObstacles } from './line-obstacles.js';
import { MARKER_RADIUS, markCandidates, peakMarks, type PeakMark } from './peak-marks.js';
import { checkSeriesLength, checkYears } from './series-check.js';

export interface WastePeakInput {
  readonly title: string;
  /** What is plotted: "Waste generation", "Discarded appliances". */
  readonly quantity: string;
  /** Unit of the values: "t/yr". */
  readonly unit: string;
  readonly years: readonly number[];
  readonly scenarios: readonly { readonly name: string; readonly values: ArrayLike<number> }[];
}

export interface WastePeakOptions extends ChartOptions {
  /**
   * Relative tolerance for near ties (findPeak's): another hump of a series within this share of
   * its peak is marked as a near tie, so that a 1 % difference does not read as a decisive peak.
   * Default 0: exact ties only.
   */
  readonly tolerance?: number;
}

export interface WastePeakFigure extends Figure {
  /** The peak of each scenario, as engine/analysis finds it (earliest year of the largest value, censored at the ends). */
  readonly peaks: readonly { readonly scenario: string; readonly peak: Peak }[];
  readonly labels: readonly PlacedLabel[];
}

/**
 * The label of each mark, scenario by scenario. With several scenarios each label names its
 * scenario; alike marks drawn at one point (lines that coincide there: their markers overlap) share one label
 * that names them all, or "every scenario", and the others get none (undefined).
 */
function markLabels(marks: readonly (readonly PeakMark[])[], names: readonly string[], at: (mark: PeakMark) => readonly [number, number]): (readonly string[] | undefined)[][] {
  const text = (mark: PeakMark) => mark.lines.join(' ');
  const groups: { text: string; x: number; y: number; scenarios: number[] }[] = [];
  const groupOf = marks.map((ofScenario, i) =>
    ofScenario.map((mark) => {
      const [x, y] = at(mark);
      let group = groups.find((other) => other.text === text(mark) && Math.hypot(other.x - x, other.y - y) < MARKER_RADIUS);
      if (group === undefined) groups.push((group = { text: text(mark), x, y, scenarios: [] }));
      group.scenarios.push(i);
      return group;
    }),
  );
  return marks.map((ofScenario, i) =>
    ofScenario.map((mark, m) => {
      const group = groupOf[i][m];
      if (group.scenarios[0] !== i) return undefined;
      // With several scenarios every annotation names whose it is: colour alone would not tell.
      if (names.length === 1) return mark.lines;
      const who = group.scenarios.length === names.length ? 'every scenario' : group.scenarios.map((s) => names[s]).join(', ');
      return [`${who}: ${mark.lines[0]}`, ...mark.lines.slice(1)];
    }),
  );
}

/**
 * Waste generation over time for one or more scenarios, each peak marked and annotated with its
 * year and value, near ties within `options.tolerance` marked beside it, and a maximum at an end
 * of the horizon marked as what it is: still rising at the end (the peak, if any, comes after)
 * or highest in the first year (the peak, if any, came before). A series that is the same every
 * year, zero, or undefined gets a note instead.
 */
export function wastePeakSvg(input: WastePeakInput, options: WastePeakOptions = {}): WastePeakFigure {
  checkYears(input.years);
  if (input.scenarios.length === 0) throw new OptionsError('scenarios', 'must hold at least one scenario');
  input.scenarios.forEach((scenario, i) => checkSeriesLength(`scenarios[${i}].values`, scenario.values, input.years));
  const tolerance = options.tolerance ?? 0;
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) throw new OptionsError('tolerance', `must be a finite number of at least 0 (got ${tolerance})`);
  const { years } = input;
  const peaks = input.scenarios.map((scenario) => ({ scenario: scenario.name, peak: findPeak(scenario.values, years, 0, 1, { tolerance }) }));

  let high = 0;
  let low = 0;
  for (const scenario of input.scenarios) for (let t = 0; t < years.length; t++) {
    if (!Number.isFinite(scenario.values[t])) continue;
    high = Math.max(high, scenario.values[t]);
    low = Math.min(low, scenario.values[t]);
  }
  const shown = displayUnit(Math.max(high, -low), input.unit);
  const y = scaleLinear().domain([low / shown.factor, (high / shown.factor) * 1.12 || 1]).nice();
  const yAxis = { title: `${input.quantity} (${shown.unit})` };
  const { colors, distinct } = categoricalColors(input.scenarios.length);
  const notes: { text: string }[] = [];
  for (const { scenario, peak } of peaks) {
    if (peak.status === 'flat') notes.push({ text: `${scenario}: the same every year (${formatQuantity(peak.value, input.unit)}), no peak.` });
    if (peak.status === 'zero') notes.push({ text: `${scenario}: zero throughout, no peak.` });
    if (peak.status === 'undefined') notes.push({ text: `${scenario}: the series has missing values (NaN), no peak.` });
  }
  // A tolerance of the smallest double groups only series equal in every year.
  const coinciding = lineGroups(input.quantity, input.scenarios.map((scenario) => scenario.values), input.scenarios.map((scenario) => scenario.name), Number.MIN_VALUE);
  for (const group of coinciding) notes.push({ text: `${group.scenarios.join(' = ')}: the same values in every year; their lines coincide.` });
  if (!distinct) notes.push({ text: 'More scenarios than distinguishable colours: colours repeat.' });
  const legend = [{ title: 'Scenario', entries: input.scenarios.map((scenario, i) => ({ label: scenario.name, color: colors[i], mark: 'line' as const })) }];
  const frame = chartFrame({ title: input.title, subtitle: subtitleParts(`${years[0]}–${years[years.length - 1]}`), options, leftWidth: yAxisWidth(y, yAxis), legend, notes });
  const { plot } = frame;
  y.range([plot.y1, plot.y0]);
  const x = scaleLinear().domain([years[0], years[years.length - 1]]).range([plot.x0, plot.x1]);

  let lines = '';
  let markers = '';
  const obstacles: Obstacle[] = [];
  const requests: LabelRequest[] = [];
  const path = line<number>()
    .defined((value) => Number.isFinite(value))
    .x((_, t) => x(years[t]))
    .y((value) => y(value / shown.factor));
  const marks = peaks.map(({ peak }) => peakMarks(peak, years, input.unit));
  const at = (mark: PeakMark) => [x(mark.year), y(mark.value / shown.factor)] as const;
  const labels = markLabels(marks, input.scenarios.map((scenario) => scenario.name), at);
  input.scenarios.forEach((scenario, i) => {
    lines += element('path', { d: path(Array.from(scenario.values)) ?? '', fill: 'none', stroke: colors[i], 'stroke-width': 1.2 });
    obstacles.push(...polylineObstacles(years.map((year) => x(year)), Array.from(scenario.values, (value) => y(value / shown.factor)), 1.2, i));
    marks[i].forEach((mark, m) => {
      const [px, py] = at(mark);
      if (mark.censored === undefined) {
        markers += element('path', { d: pathData('M', px, py + MARKER_RADIUS, 'V', plot.y1), stroke: colors[i], 'stroke-width': 0.6, 'stroke-dasharray': '2 1.5' });
        obstacles.push({ x0: px - 0.5, y0: py, x1: px + 0.5, y1: plot.y1, group: -1 });
      }
      markers += element('circle', { cx: px, cy: py, r: MARKER_RADIUS, fill: mark.censored === undefined ? colors[i] : '#FFFFFF', stroke: colors[i], 'stroke-width': 0.8 });
      obstacles.push({ x0: px - MARKER_RADIUS, y0: py - MARKER_RADIUS, x1: px + MARKER_RADIUS, y1: py + MARKER_RADIUS, group: -1 });
      const label = labels[i][m];
      if (label === undefined) return;
      requests.push({ id: `peak:${scenario.name}:${m}`, candidates: markCandidates({ ...mark, lines: label }, px, py), required: true, anchor: { x0: px, y0: py, x1: px, y1: py }, color: INK });
    });
  });
  // Labels are placed in turn, the highest point first, so that labels of neighbouring points stack in the points' order.
  const placement = placeLabels([...requests].sort((a, b) => a.anchor.y0 - b.anchor.y0), obstacles, plot);
  const axes = yAxisSvg(y, plot, yAxis) + xAxisSvg(x, plot, { title: 'Year', integer: true });
  const body = axes + lines + markers + element('g', { 'font-size': FONT_SIZE.label }, labelsSvg(placement.placed));
  return { svg: frame.document(body), width: frame.width, height: frame.height, peaks, labels: placement.placed };
}

