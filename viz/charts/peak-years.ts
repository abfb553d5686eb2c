import { scaleLinear } from 'd3-scale';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg, yAxisSvg, yAxisWidth } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import { BOUNDARY_FILL, INK, MUTED_INK, categoricalColors } from '../figure/palette.js';
import { formatCount, formatNumber } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import { element, pathData, textElement } from '../svg/element.js';
import { TEXT_DESCENT } from '../text/measure.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';

export interface PeakYearInput {
  readonly title: string;
  /** What peaks: "waste generation". */
  readonly quantity: string;
  /** The years looked at; samples without a peak in them are counted apart. */
  readonly horizon: { readonly start: number; readonly end: number };
  /** Peak year of each sample that peaks within the horizon. */
  readonly peakYears: ArrayLike<number>;
  /** Samples still rising at the end: no peak by `end` (right-censored). */
  readonly rising: number;
  /** Samples largest in the first year: falling from `start`, the peak (if any) before it (left-censored). */
  readonly falling?: number;
  /** Samples with no peak at all: the same value every year, or zero throughout. */
  readonly flat?: number;
  readonly scenario?: string;
  /** Sentences under the figure, e.g. which runs were left out and why. */
  readonly notes?: readonly string[];
}

/** The bar of samples falling from the start: a darker grey than the one still rising at the end, so the two read apart. */
const FALLING_FILL = '#9A9A9A';

/** Bin widths in years that keep at most about 40 bars. */
const BIN_WIDTHS = [1, 2, 5, 10, 20, 50];

/**
 * The distribution of the peak year over the samples of an uncertainty sweep: the share of
 * samples per year (or per bin of years), the median marked, and the samples whose largest value
 * lies at an end of the horizon — still rising at the end, or falling from the start — as separate
 * grey bars at the right and the left, so they are never silently dropped or taken for peaks.
 */
export function peakYearSvg(input: PeakYearInput, options: ChartOptions = {}): Figure {
  const { start, end } = input.horizon;
  if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) throw new OptionsError('horizon', `must be two integers with start < end (got ${start}, ${end})`);
  const { rising, falling = 0, flat = 0 } = input;
  for (const [name, count] of [['rising', rising], ['falling', falling], ['flat', flat]] as const) {
    if (!Number.isSafeInteger(count) || count < 0) throw new OptionsError(name, `must be a count of samples (got ${count})`);
  }
  const peaked = Array.from(input.peakYears);
  peaked.forEach((year, i) => {
    if (!Number.isInteger(year) || year < start || year > end) throw new OptionsError(`peakYears[${i}]`, `must be a year from ${start} to ${end} (got ${year})`);
  });
  const total = peaked.length + rising + falling + flat;
  if (total === 0) throw new OptionsError('peakYears', 'must hold at least one sample, or rising, falling or flat must');
  const binWidth = BIN_WIDTHS.find((width) => (end - start + 1) / width <= 40) ?? BIN_WIDTHS[BIN_WIDTHS.length - 1];
  const binCount = Math.ceil((end - start + 1) / binWidth);
  const counts = new Float64Array(binCount);
  for (const year of peaked) counts[Math.floor((year - start) / binWidth)]++;
  const share = (count: number) => (100 * count) / total;
  const highest = Math.max(share(rising), share(falling), ...Array.from(counts, share));
  const y = scaleLinear().domain([0, highest * 1.08 || 1]).nice();
  const yAxis = { title: 'Share of samples (%)' };
  const [barColor] = categoricalColors(1).colors;
  const sorted = [...peaked].sort((a, b) => a - b);
  const median = sorted.length > 0 ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
  const counted = [
    `${formatCount(total)} samples`,
    `${formatNumber(share(rising))} % still rising in ${end} (no peak by then)`,
    ...(falling > 0 ? [`${formatNumber(share(falling))} % largest in ${start} (falling: a peak, if any, before)`] : []),
    ...(flat > 0 ? [`${formatNumber(share(flat))} % flat or zero throughout (no peak)`] : []),
  ];
  const notes = [
    { text: `${counted.join('; ')}${median === undefined ? '' : `; median peak year of the others ${median}`}.` },
    ...(input.notes ?? []).map((text) => ({ text })),
  ];
  const legend = [{ entries: [
    { label: binWidth === 1 ? 'peak in year' : `peak in ${binWidth}-year bin`, color: barColor, mark: 'swatch' as const },
    { label: `no peak by ${end}`, color: BOUNDARY_FILL, mark: 'swatch' as const },
    ...(falling > 0 ? [{ label: `falling from ${start}`, color: FALLING_FILL, mark: 'swatch' as const }] : []),
    ...(median === undefined ? [] : [{ label: 'median', color: INK, mark: 'dashed' as const }]),
  ] }];
  const frame = chartFrame({
    title: input.title,
    subtitle: subtitleParts(`Peak year of ${input.quantity}`, input.scenario && `scenario ${input.scenario}`),
    options,
    leftWidth: yAxisWidth(y, yAxis),
    legend,
    notes,
  });
  const { plot } = frame;
  y.range([plot.y1, plot.y0]);
  // Bins fill the plot but for two slots at the right, where the "no peak" bar stands in the last
  // one, and, with samples falling from the start, two at the left, the first for their bar.
  // Year Y occupies [Y − 0.5, Y + 0.5], so a tick sits under the middle of its year.
  const leftSlots = falling > 0 ? 2 : 0;
  const slots = binCount + 2 + leftSlots;
  const slot = (plot.x1 - plot.x0) / slots;
  const binsX0 = plot.x0 + leftSlots * slot;
  const x = scaleLinear().domain([start - 0.5, start - 0.5 + binCount * binWidth]).range([binsX0, binsX0 + binCount * slot]);
  let bars = '';
  counts.forEach((count, b) => {
    if (count === 0) return;
    const x0 = x(start + b * binWidth - 0.5);
    bars += element('rect', { x: x0 + 0.3, y: y(share(count)), width: slot - 0.6, height: plot.y1 - y(share(count)), fill: barColor });
  });
  const risingX = plot.x1 - slot * 1.5;
  if (rising > 0) bars += element('rect', { x: risingX, y: y(share(rising)), width: slot, height: plot.y1 - y(share(rising)), fill: BOUNDARY_FILL });
  if (falling > 0) bars += element('rect', { x: plot.x0 + slot * 0.5, y: y(share(falling)), width: slot, height: plot.y1 - y(share(falling)), fill: FALLING_FILL });
  // With no such samples the legend and the note say so; a label on an empty bar would sit on the axis.
  const barLabel = (text: string, count: number, anchorX: number, anchor: 'start' | 'end') =>
    count === 0 ? '' : textElement(text, { x: anchorX, y: y(share(count)) - TEXT_DESCENT * FONT_SIZE.label - 1.5, 'text-anchor': anchor, 'font-size': FONT_SIZE.label, fill: MUTED_INK });
  const risingLabel = barLabel(`none by ${end}`, rising, risingX + slot, 'end') + barLabel(`falling from ${start}`, falling, plot.x0 + slot * 0.5, 'start');
  const medianLine =
    median === undefined ? '' : element('path', { d: pathData('M', x(median), plot.y0, 'V', plot.y1), stroke: INK, 'stroke-width': 0.8, 'stroke-dasharray': '3 2' });
  const axes = yAxisSvg(y, plot, yAxis) + xAxisSvg(x, { ...plot, x0: binsX0, x1: binsX0 + binCount * slot }, { title: 'Peak year', integer: true });
  return { svg: frame.document(axes + bars + medianLine + risingLabel), width: frame.width, height: frame.height };
}
