import { scaleLinear } from 'd3-scale';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { BOUNDARY_FILL as BAND_LINE, INK, categoricalColors } from '../figure/palette.js';
import { FONT_SIZE } from '../figure/size.js';
import { element, pathData, textElement } from '../svg/element.js';
import { TEXT_ASCENT, TEXT_DESCENT, textWidth } from '../text/measure.js';
import { chartFrame, MIN_PLOT_HEIGHT, type ChartOptions } from './chart-frame.js';

export interface IndexScoresInput {
  readonly title: string;
  /** What the scores are: "min–max (1–100) · arithmetic mean · nested weights". */
  readonly method: string;
  /** The score axis: "Score (1–100, higher is better)". */
  readonly axis: string;
  readonly cities: readonly string[];
  /** Rows top to bottom: the overall index first, then the dimensions; NaN where a city has no score. */
  readonly rows: readonly { readonly label: string; readonly scores: readonly number[]; readonly overall?: boolean }[];
  /** Sentences under the figure: the source of the values, what was imputed or dropped. */
  readonly notes?: readonly string[];
}

const DOT = 2.4;
const CITY_GAP = 5.5;
const ROW_GAP = 6;

/**
 * Scores by dimension per city as a dodged dot chart (not a radar: its area depends on the order
 * of the axes): one band per dimension and one for the index, each city a dot on its own line
 * within the band, in a colour-blind-safe colour, so ties never hide a city. Dimensions without
 * a score for a city (all its indicators dropped) leave the dot out and say so in a note.
 */
export function indexScoresSvg(input: IndexScoresInput, options: ChartOptions = {}): Figure {
  const cityCount = input.cities.length;
  if (cityCount === 0) throw new OptionsError('cities', 'must hold at least one city');
  if (input.rows.length === 0) throw new OptionsError('rows', 'must hold at least one row');
  input.rows.forEach((row, r) => {
    if (row.scores.length !== cityCount) throw new OptionsError(`rows[${r}].scores`, `must have one score per city (${cityCount}, got ${row.scores.length})`);
  });
  const finite = input.rows.flatMap((row) => row.scores.filter(Number.isFinite));
  if (finite.length === 0) throw new OptionsError('rows', 'must hold at least one finite score');
  const x = scaleLinear().domain([Math.min(0, ...finite), Math.max(...finite)]).nice();
  const { colors, distinct } = categoricalColors(cityCount);
  const size = FONT_SIZE.label;
  const labelWidth = Math.max(...input.rows.map((row) => textWidth(row.label, size, row.overall ? 'semibold' : 'regular'))) + 6;
  const bandHeight = cityCount * CITY_GAP + ROW_GAP;
  const notes = [...(input.notes ?? []), ...(distinct ? [] : [`${cityCount} cities are more than the palette tells apart: colours repeat.`])];
  const frame = chartFrame({
    title: input.title,
    subtitle: `Scores by dimension · ${input.method}`,
    options: { ...options, plotHeight: options.plotHeight ?? Math.max(MIN_PLOT_HEIGHT, input.rows.length * bandHeight) },
    leftWidth: labelWidth,
    legend: [{ title: 'City', entries: input.cities.map((city, c) => ({ label: city, color: colors[c], mark: 'point' as const })) }],
    notes: notes.map((text) => ({ text })),
  });
  const { plot } = frame;
  x.range([plot.x0, plot.x1]);
  let bands = '';
  let dots = '';
  let labels = '';
  input.rows.forEach((row, r) => {
    const top = plot.y0 + r * bandHeight;
    if (r > 0) bands += pathData('M', plot.x0, top, 'H', plot.x1) + ' ';
    const middle = top + (bandHeight - ROW_GAP / 2) / 2 + ROW_GAP / 4;
    labels += textElement(row.label, { x: plot.x0 - 6, y: middle + (TEXT_ASCENT - TEXT_DESCENT) * size * 0.5, 'text-anchor': 'end', 'font-weight': row.overall ? 600 : undefined });
    row.scores.forEach((score, c) => {
      if (!Number.isFinite(score)) return;
      const y = top + ROW_GAP / 2 + (c + 0.5) * CITY_GAP;
      dots += element('circle', { cx: x(score), cy: y, r: DOT, fill: colors[c], stroke: '#FFFFFF', 'stroke-width': 0.4 });
    });
  });
  const body =
    xAxisSvg(x, plot, { title: input.axis }) +
    element('path', { d: bands.trim() || undefined, stroke: BAND_LINE, 'stroke-width': 0.6, fill: 'none' }) +
    dots +
    element('g', { 'font-size': size, fill: INK }, labels);
  return { svg: frame.document(body), width: frame.width, height: frame.height };
}
