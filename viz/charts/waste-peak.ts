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
import { placeLabels, type LabelCandidate, type LabelRequest, type Obstacle, type PlacedLabel } from '../labels/place.js';
import { textBlock } from '../labels/text-block.js';
import { element, pathData } from '../svg/element.js';
import { TEXT_ASCENT, TEXT_DESCENT } from '../text/measure.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';
import { polylineObstacles } from './line-obstacles.js';
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

export interface WastePeakFigure extends Figure {
  /** The peak of each scenario, as engine/analysis finds it (earliest year of the largest value). */
  readonly peaks: readonly { readonly scenario: string; readonly peak: Peak }[];
  readonly labels: readonly PlacedLabel[];
}

const MARKER_RADIUS = 2.2;

function annotation(peak: Peak, unit: string): string | undefined {
  switch (peak.status) {
    case 'peak':
      return `peak ${peak.year}: ${formatQuantity(peak.value, unit)}`;
    case 'rising':
      return 'no peak within horizon';
    default:
      return undefined;
  }
}

/** Positions around a point: above, then to the upper right and left, then the sides, then below. */
function aroundPoint(text: string, x: number, y: number): LabelCandidate[] {
  const size = FONT_SIZE.label;
  const gap = MARKER_RADIUS + 2;
  const above = y - gap - TEXT_DESCENT * size;
  const below = y + gap + TEXT_ASCENT * size;
  const middle = y + (TEXT_ASCENT - TEXT_DESCENT) * size * 0.5;
  const block = (anchor: 'start' | 'middle' | 'end') => textBlock([text], size, anchor);
  return [
    { x, y: above, block: block('middle') },
    { x: x + gap, y: above, block: block('start') },
    { x: x - gap, y: above, block: block('end') },
    { x: x + gap, y: middle, block: block('start') },
    { x: x - gap, y: middle, block: block('end') },
    { x, y: below, block: block('middle') },
    { x: x - gap, y: below, block: block('end') },
    { x: x + gap, y: below, block: block('start') },
  ];
}

/**
 * Waste generation over time for one or more scenarios, each peak marked and annotated with
 * its year and value, or "no peak within horizon" at the end of a series still rising there.
 */
export function wastePeakSvg(input: WastePeakInput, options: ChartOptions = {}): WastePeakFigure {
  checkYears(input.years);
  if (input.scenarios.length === 0) throw new OptionsError('scenarios', 'must hold at least one scenario');
  input.scenarios.forEach((scenario, i) => checkSeriesLength(`scenarios[${i}].values`, scenario.values, input.years));
  const { years } = input;
  const peaks = input.scenarios.map((scenario) => ({ scenario: scenario.name, peak: findPeak(scenario.values, years) }));

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
    if (peak.status === 'zero') notes.push({ text: `${scenario}: zero throughout, no peak.` });
    if (peak.status === 'undefined') notes.push({ text: `${scenario}: the series has missing values (NaN), no peak.` });
  }
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
  // Two scenarios with the same annotation (lines that coincide, both still rising) name themselves.
  const texts = peaks.map(({ peak }) => annotation(peak, input.unit));
  const shared = (text: string | undefined) => texts.filter((other) => other === text).length > 1;
  input.scenarios.forEach((scenario, i) => {
    lines += element('path', { d: path(Array.from(scenario.values)) ?? '', fill: 'none', stroke: colors[i], 'stroke-width': 1.2 });
    obstacles.push(...polylineObstacles(years.map((year) => x(year)), Array.from(scenario.values, (value) => y(value / shown.factor)), 1.2, i));
    const peak = peaks[i].peak;
    const text = shared(texts[i]) ? `${scenario.name}: ${texts[i]}` : texts[i];
    if (text === undefined || (peak.status !== 'peak' && peak.status !== 'rising')) return;
    const px = x(peak.year);
    const py = y(peak.value / shown.factor);
    if (peak.status === 'peak') {
      markers += element('path', { d: pathData('M', px, py + MARKER_RADIUS, 'V', plot.y1), stroke: colors[i], 'stroke-width': 0.6, 'stroke-dasharray': '2 1.5' });
      obstacles.push({ x0: px - 0.5, y0: py, x1: px + 0.5, y1: plot.y1, group: -1 });
    }
    markers += element('circle', { cx: px, cy: py, r: MARKER_RADIUS, fill: peak.status === 'peak' ? colors[i] : '#FFFFFF', stroke: colors[i], 'stroke-width': 0.8 });
    obstacles.push({ x0: px - MARKER_RADIUS, y0: py - MARKER_RADIUS, x1: px + MARKER_RADIUS, y1: py + MARKER_RADIUS, group: -1 });
    const candidates = aroundPoint(text, px, py);
    requests.push({ id: `peak:${scenario.name}`, candidates: peak.status === 'rising' ? [...candidates.slice(2), ...candidates.slice(0, 2)] : candidates, required: true, anchor: { x0: px, y0: py, x1: px, y1: py }, color: INK });
  });
  const placement = placeLabels(requests, obstacles, plot);
  const axes = yAxisSvg(y, plot, yAxis) + xAxisSvg(x, plot, { title: 'Year', integer: true });
  const body = axes + lines + markers + element('g', { 'font-size': FONT_SIZE.label }, labelsSvg(placement.placed));
  return { svg: frame.document(body), width: frame.width, height: frame.height, peaks, labels: placement.placed };
}
