import { scaleLinear } from 'd3-scale';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import { INK, categoricalColors } from '../figure/palette.js';
import { formatCount } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import { element, pathData, textElement } from '../svg/element.js';
import { TEXT_ASCENT, TEXT_DESCENT, textWidth } from '../text/measure.js';
import { chartFrame, MIN_PLOT_HEIGHT, type ChartOptions } from './chart-frame.js';
import { intervalPath } from './interval-path.js';

/** An estimate with its confidence interval (e.g. bootstrap 95 %). */
export interface Estimate {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface SobolInput {
  readonly title: string;
  /** The output the indices decompose: "Peak year of waste generation". */
  readonly output: string;
  readonly parameters: readonly { readonly name: string; readonly first: Estimate; readonly total: Estimate }[];
  /** Confidence level of the intervals, stated in the legend (default 0.95). */
  readonly confidence?: number;
  readonly samples?: number;
  readonly scenario?: string;
  /** Sentences under the figure, e.g. which runs the indices leave out and why. */
  readonly notes?: readonly string[];
}

const BAR = 5;
const ROW_GAP = 5;
const CAP = 1.5;

/** A bootstrap percentile interval need not hold its estimate (a biased estimator, few runs), so only low ≤ high is required. */
function checkEstimate(option: string, estimate: Estimate): void {
  const { value, low, high } = estimate;
  if (![value, low, high].every(Number.isFinite) || low > high) {
    throw new OptionsError(option, `must be finite with low ≤ high (got ${low}, ${value}, ${high})`);
  }
}

/**
 * First-order and total Sobol indices per parameter as paired horizontal bars with their
 * confidence intervals, parameters sorted by total effect (largest first). A total index well
 * above the first-order one shows interactions.
 */
export function sobolSvg(input: SobolInput, options: ChartOptions = {}): Figure {
  if (input.parameters.length === 0) throw new OptionsError('parameters', 'must hold at least one parameter');
  input.parameters.forEach((parameter, i) => {
    checkEstimate(`parameters[${i}].first`, parameter.first);
    checkEstimate(`parameters[${i}].total`, parameter.total);
  });
  const parameters = [...input.parameters].sort((a, b) => b.total.value - a.total.value || a.name.localeCompare(b.name));
  let low = 0;
  let high = 0.1;
  for (const { first, total } of parameters) {
    low = Math.min(low, first.low, total.low, first.value, total.value);
    high = Math.max(high, first.high, total.high, first.value, total.value);
  }
  const x = scaleLinear().domain([low, high]).nice();
  const size = FONT_SIZE.label;
  const nameWidth = Math.max(...parameters.map((parameter) => textWidth(parameter.name, size))) + 5;
  const rowHeight = 2 * BAR + ROW_GAP;
  const [firstColor, totalColor] = categoricalColors(2).colors;
  const level = `${Math.round((input.confidence ?? 0.95) * 100)} % CI`;
  const legend = [{ entries: [
    { label: 'first order', color: firstColor, mark: 'swatch' as const },
    { label: 'total effect', color: totalColor, mark: 'swatch' as const },
    { label: level, color: INK, mark: 'line' as const },
  ] }];
  const samples = input.samples === undefined ? undefined : `${formatCount(input.samples)} samples`;
  const frame = chartFrame({
    title: input.title,
    subtitle: subtitleParts(`Sobol indices of ${input.output}`, input.scenario && `scenario ${input.scenario}`, samples),
    options: { ...options, plotHeight: options.plotHeight ?? Math.max(MIN_PLOT_HEIGHT, parameters.length * rowHeight + ROW_GAP) },
    leftWidth: nameWidth,
    legend,
    notes: (input.notes ?? []).map((text) => ({ text })),
  });
  const { plot } = frame;
  x.range([plot.x0, plot.x1]);

  let bars = '';
  let whiskers = '';
  let names = '';
  parameters.forEach((parameter, row) => {
    const top = plot.y0 + ROW_GAP + row * rowHeight;
    names += textElement(parameter.name, { x: plot.x0 - 5, y: top + BAR + (TEXT_ASCENT - TEXT_DESCENT) * size * 0.5, 'text-anchor': 'end' });
    [parameter.first, parameter.total].forEach((estimate, k) => {
      const y0 = top + k * BAR;
      const from = x(Math.min(0, estimate.value));
      bars += element('rect', { x: from, y: y0, width: Math.abs(x(estimate.value) - x(0)), height: BAR - 0.5, fill: k === 0 ? firstColor : totalColor });
      const middle = y0 + (BAR - 0.5) / 2;
      const [a, b] = [x(estimate.low), x(estimate.high)];
      whiskers += intervalPath(a, b, middle, CAP) + ' ';
    });
  });
  const zero = element('path', { d: pathData('M', x(0), plot.y0, 'V', plot.y1), stroke: INK, 'stroke-width': 0.6 });
  const body =
    xAxisSvg(x, plot, { title: 'Sensitivity index' }) +
    bars +
    element('path', { d: whiskers.trim(), stroke: INK, 'stroke-width': 0.6, fill: 'none' }) +
    zero +
    element('g', { 'font-size': size, fill: INK }, names);
  return { svg: frame.document(body), width: frame.width, height: frame.height };
}
