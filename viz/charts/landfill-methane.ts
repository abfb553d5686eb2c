import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import { findPeak, type Peak } from '../../engine/analysis/peaks.js';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg, xGridSvg, yAxisSvg, yAxisWidth } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import type { LegendEntry } from '../figure/legend.js';
import { BOUNDARY_FILL, INK, MUTED_INK, ROLE_COLORS } from '../figure/palette.js';
import { displayUnit } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import type { Box } from '../labels/box.js';
import { labelsSvg } from '../labels/draw.js';
import { placeLabels, type LabelRequest, type Obstacle, type PlacedLabel } from '../labels/place.js';
import { element, pathData } from '../svg/element.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';
import { polylineObstacles } from './line-obstacles.js';
import { MARKER_RADIUS, markCandidates, peakMarks } from './peak-marks.js';
import { checkSeriesLength, checkYears } from './series-check.js';

export interface LandfillMethaneInput {
  readonly title: string;
  /** The model's mass unit: deposits are in it per year, methane in it of CH4 per year. */
  readonly unit: string;
  readonly years: readonly number[];
  readonly scenario: string;
  /** The landfill route, as figures name it. */
  readonly route: string;
  /** The route's colour in the model's figures (its emissions stack). */
  readonly color: string;
  /** Waste deposited each year, summed over items. */
  readonly deposits: ArrayLike<number>;
  /** CH4 generated, recovered and emitted each year (emitted = (generated − recovered)·(1 − OX)). */
  readonly generated: ArrayLike<number>;
  readonly recovered: ArrayLike<number>;
  readonly emitted: ArrayLike<number>;
  /** What the recovered methane is used for, for the legend. */
  readonly recoveryUse?: 'flare' | 'energy';
  readonly notes?: readonly string[];
}

export interface LandfillMethaneFigure extends Figure {
  readonly peaks: { readonly deposits: Peak; readonly emitted: Peak };
  readonly labels: readonly PlacedLabel[];
}

const PANEL_GAP = 10;
const OXIDISED_OPACITY = 0.35;
const AREA_OPACITY = 0.85;

/**
 * A landfill's deposits and its methane on one time axis, in two panels: the waste deposited each
 * year above, and below it the methane that waste generates by first-order decay, split into what
 * is emitted, what the cover oxidises and what is recovered (their sum is what is generated). The
 * peak of the deposits and the peak of the methane emitted are marked with their years, and a
 * line at each runs through both panels, so that the years between them — and the methane that
 * goes on long after the deposits fall — can be read off.
 */
export function landfillMethaneSvg(input: LandfillMethaneInput, options: ChartOptions = {}): LandfillMethaneFigure {
  checkYears(input.years);
  const { years } = input;
  for (const name of ['deposits', 'generated', 'recovered', 'emitted'] as const) checkSeriesLength(name, input[name], years);
  const oxidised = years.map((_, t) => input.generated[t] - input.recovered[t] - input.emitted[t]);
  oxidised.forEach((value, t) => {
    if (value < -1e-9 * Math.abs(input.generated[t])) throw new OptionsError('emitted', `must not exceed what is generated less what is recovered (in ${years[t]})`);
  });
  const layers = [Array.from(input.emitted), oxidised.map((value) => Math.max(0, value)), Array.from(input.recovered)];
  const peaks = { deposits: findPeak(input.deposits, years), emitted: findPeak(input.emitted, years) };

  const depositUnit = displayUnit(maximum(input.deposits), `${input.unit}/yr`);
  const methaneUnit = displayUnit(maximum(input.generated), `${input.unit} CH4/yr`);
  const depositScale = scaleLinear().domain([0, (maximum(input.deposits) / depositUnit.factor) * 1.15 || 1]).nice();
  const methaneScale = scaleLinear().domain([0, (maximum(input.generated) / methaneUnit.factor) * 1.15 || 1]).nice();
  const depositAxis = { title: `Deposited (${depositUnit.unit})` };
  const methaneAxis = { title: `Methane (${methaneUnit.unit})` };

  const recovered = input.recoveryUse === 'energy' ? 'recovered for energy' : input.recoveryUse === 'flare' ? 'recovered and flared' : 'recovered';
  // A fate of the methane that never happens (no recovery, OX = 0) has no area, and no legend entry.
  const entries: LegendEntry[] = [
    { label: 'Waste deposited', color: BOUNDARY_FILL, mark: 'swatch' },
    { label: 'CH4 emitted', color: input.color, mark: 'swatch', opacity: AREA_OPACITY },
    ...(layers[1].some((value) => value > 0) ? [{ label: 'oxidised in the cover', color: input.color, mark: 'swatch' as const, opacity: OXIDISED_OPACITY }] : []),
    ...(layers[2].some((value) => value > 0) ? [{ label: recovered, color: ROLE_COLORS.recovered, mark: 'swatch' as const, opacity: AREA_OPACITY }] : []),
  ];
  const width = options.width ?? 'single';
  const panelHeight = options.plotHeight ?? 95;
  const frame = chartFrame({
    title: input.title,
    subtitle: subtitleParts(`${years[0]}–${years[years.length - 1]}`, `scenario ${input.scenario}`, input.route),
    options: { width, plotHeight: 2 * panelHeight + PANEL_GAP },
    leftWidth: Math.max(yAxisWidth(depositScale, depositAxis), yAxisWidth(methaneScale, methaneAxis)),
    legend: [{ entries }],
    notes: [...lagNote(peaks), ...(input.notes ?? [])].map((text) => ({ text })),
  });
  const { plot } = frame;
  const top: Box = { ...plot, y1: plot.y0 + panelHeight };
  const bottom: Box = { ...plot, y0: plot.y1 - panelHeight };
  depositScale.range([top.y1, top.y0]);
  methaneScale.range([bottom.y1, bottom.y0]);
  const x = scaleLinear().domain([years[0], years[years.length - 1]]).range([plot.x0, plot.x1]);

  const depositValues = Array.from(input.deposits, (value) => value / depositUnit.factor);
  let marks = stackedAreas([depositValues], years, x, depositScale, [{ color: BOUNDARY_FILL, opacity: 1 }]);
  const scaled = layers.map((layer) => layer.map((value) => value / methaneUnit.factor));
  marks += stackedAreas(scaled, years, x, methaneScale, [
    { color: input.color, opacity: AREA_OPACITY },
    { color: input.color, opacity: OXIDISED_OPACITY },
    { color: ROLE_COLORS.recovered, opacity: AREA_OPACITY },
  ]);

  const obstacles: Obstacle[] = [
    ...polylineObstacles(years.map(x), depositValues.map(depositScale), 1, 0),
    ...polylineObstacles(years.map(x), scaled[0].map(methaneScale), 1, 1),
  ];
  const requests: LabelRequest[] = [];
  const panels = [
    { id: 'deposits', peak: peaks.deposits, unit: `${input.unit}/yr`, factor: depositUnit.factor, scale: depositScale, color: MUTED_INK },
    { id: 'emitted', peak: peaks.emitted, unit: `${input.unit} CH4/yr`, factor: methaneUnit.factor, scale: methaneScale, color: input.color },
  ];
  let guides = '';
  for (const panel of panels) {
    for (const [m, mark] of peakMarks(panel.peak, years, panel.unit).entries()) {
      const [px, py] = [x(mark.year), panel.scale(mark.value / panel.factor)];
      // A peak within the horizon gets a line down through both panels from the deposits of its year, so that
      // each panel shows what the other did that year; above the deposits the upper panel stays free for labels.
      if (mark.censored === undefined && m === 0) {
        const from = depositScale(input.deposits[years.indexOf(mark.year)] / depositUnit.factor);
        guides += element('path', { d: pathData('M', px, from, 'V', plot.y1), stroke: panel.color, 'stroke-width': 0.6, 'stroke-dasharray': '2 1.5' });
        obstacles.push({ x0: px - 0.5, y0: from, x1: px + 0.5, y1: plot.y1, group: -1 });
      }
      guides += element('circle', { cx: px, cy: py, r: MARKER_RADIUS, fill: mark.censored === undefined ? INK : '#FFFFFF', stroke: INK, 'stroke-width': 0.8 });
      obstacles.push({ x0: px - MARKER_RADIUS, y0: py - MARKER_RADIUS, x1: px + MARKER_RADIUS, y1: py + MARKER_RADIUS, group: -1 });
      requests.push({ id: `peak:${panel.id}:${m}`, candidates: markCandidates(mark, px, py), required: true, anchor: { x0: px, y0: py, x1: px, y1: py }, color: INK });
    }
  }
  const placedTop = placeLabels(requests.filter((request) => request.id.startsWith('peak:deposits')), obstacles, top).placed;
  const placedBottom = placeLabels(requests.filter((request) => request.id.startsWith('peak:emitted')), obstacles, bottom).placed;
  const labels = [...placedTop, ...placedBottom];

  const axes =
    yAxisSvg(depositScale, top, depositAxis) +
    xGridSvg(x, top, { integer: true }) +
    element('path', { d: pathData('M', top.x0, top.y1, 'H', top.x1), stroke: INK, 'stroke-width': 0.6 }) +
    yAxisSvg(methaneScale, bottom, methaneAxis) +
    xAxisSvg(x, bottom, { title: 'Year', integer: true });
  const body = axes + marks + guides + element('g', { 'font-size': FONT_SIZE.label }, labelsSvg(labels));
  return { svg: frame.document(body), width: frame.width, height: frame.height, peaks, labels };
}

/** What the two peaks say together: how many years the methane lags the deposits. */
function lagNote(peaks: LandfillMethaneFigure['peaks']): string[] {
  const { deposits, emitted } = peaks;
  if (deposits.status !== 'peak') return [];
  if (emitted.status === 'peak') {
    const lag = emitted.year - deposits.year;
    if (lag <= 0) return [`The methane emitted peaks in ${emitted.year}, the deposits in ${deposits.year}.`];
    return [`The methane emitted peaks ${lag} year${lag === 1 ? '' : 's'} after the deposits (${deposits.year} → ${emitted.year}).`];
  }
  if (emitted.status === 'rising') return [`The methane emitted is still rising in ${emitted.year}, ${emitted.year - deposits.year} years after the deposits peaked (${deposits.year}).`];
  return [];
}

function maximum(values: ArrayLike<number>): number {
  let high = 0;
  for (let t = 0; t < values.length; t++) if (values[t] > high) high = values[t];
  return high;
}

/** Layers stacked in order from zero, each an area between the sum of those below it and that sum plus itself. */
function stackedAreas(layers: readonly (readonly number[])[], years: readonly number[], x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, styles: readonly { color: string; opacity: number }[]): string {
  const base = new Float64Array(years.length);
  let svg = '';
  layers.forEach((layer, i) => {
    const band = years.map((_, t) => [base[t], base[t] + layer[t]] as [number, number]);
    band.forEach(([, upper], t) => (base[t] = upper));
    const shape = area<[number, number]>()
      .x((_, t) => x(years[t]))
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]));
    svg += element('path', { d: shape(band) ?? '', fill: styles[i].color, 'fill-opacity': styles[i].opacity === 1 ? undefined : styles[i].opacity });
  });
  return svg;
}
