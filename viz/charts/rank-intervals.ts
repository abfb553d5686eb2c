import { scaleLinear } from 'd3-scale';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import { INK, categoricalColors } from '../figure/palette.js';
import { formatCount } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import { element, textElement } from '../svg/element.js';
import { TEXT_ASCENT, TEXT_DESCENT, textWidth } from '../text/measure.js';
import { chartFrame, MIN_PLOT_HEIGHT, type ChartOptions } from './chart-frame.js';
import { intervalPath } from './interval-path.js';

export interface RankIntervalsInput {
  readonly title: string;
  /** The choices drawn: "normalisation, aggregation, weights ± 25 %, imputation, values". */
  readonly varied: string;
  readonly draws: number;
  readonly cities: readonly {
    readonly name: string;
    /** Rank under the chosen method (1 = best). */
    readonly rank: number;
    readonly median: number;
    readonly p05: number;
    readonly p95: number;
  }[];
  readonly notes?: readonly string[];
}

const ROW = 13;
const CAP = 2.5;

/**
 * The rank plot of an uncertainty analysis (Saisana et al. 2005, Fig. 3): per city the 5–95 %
 * range of its rank over the draws, the median, and the rank under the chosen method, cities
 * ordered by that rank, rank 1 (best) at the left.
 */
export function rankIntervalsSvg(input: RankIntervalsInput, options: ChartOptions = {}): Figure {
  const count = input.cities.length;
  if (count === 0) throw new OptionsError('cities', 'must hold at least one city');
  input.cities.forEach((city, c) => {
    const { rank, median, p05, p95 } = city;
    if (![rank, median, p05, p95].every((value) => value >= 1 && value <= count) || p05 > p95) {
      throw new OptionsError(`cities[${c}]`, `must hold ranks from 1 to ${count} with p05 ≤ p95 (got ${rank}, ${median}, ${p05}, ${p95})`);
    }
  });
  const cities = [...input.cities].sort((a, b) => a.rank - b.rank || a.median - b.median || a.name.localeCompare(b.name));
  const x = scaleLinear().domain([0.5, count + 0.5]);
  const size = FONT_SIZE.label;
  const nameWidth = Math.max(...cities.map((city) => textWidth(city.name, size))) + 6;
  const [intervalColor, medianColor] = categoricalColors(2).colors;
  const frame = chartFrame({
    title: input.title,
    subtitle: subtitleParts('Rank of each city over the draws', `${formatCount(input.draws)} draws of ${input.varied}`),
    options: { ...options, plotHeight: options.plotHeight ?? Math.max(MIN_PLOT_HEIGHT, count * ROW + 4) },
    leftWidth: nameWidth,
    legend: [{ entries: [
      { label: '5–95 % of draws', color: intervalColor, mark: 'line' as const },
      { label: 'median rank', color: medianColor, mark: 'point' as const },
      { label: 'rank with the chosen method', color: INK, mark: 'point' as const },
    ] }],
    notes: (input.notes ?? []).map((text) => ({ text })),
  });
  const { plot } = frame;
  x.range([plot.x0, plot.x1]);
  let intervals = '';
  let marks = '';
  let names = '';
  cities.forEach((city, row) => {
    const y = plot.y0 + 2 + (row + 0.5) * ROW;
    names += textElement(city.name, { x: plot.x0 - 6, y: y + (TEXT_ASCENT - TEXT_DESCENT) * size * 0.5, 'text-anchor': 'end' });
    const [a, b] = [x(city.p05), x(city.p95)];
    intervals += intervalPath(a, b, y, CAP) + ' ';
    marks += element('circle', { cx: x(city.median), cy: y, r: 2.6, fill: medianColor });
    marks += element('circle', { cx: x(city.rank), cy: y, r: 1.3, fill: INK });
  });
  const body =
    xAxisSvg(x, plot, { title: 'Rank (1 = best)', integer: true, ticks: count }) +
    element('path', { d: intervals.trim(), stroke: intervalColor, 'stroke-width': 1.4, fill: 'none' }) +
    marks +
    element('g', { 'font-size': size, fill: INK }, names);
  return { svg: frame.document(body), width: frame.width, height: frame.height };
}
