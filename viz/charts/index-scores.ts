import { scaleLinear } from 'd3-scale';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { BOUNDARY_FILL, INK, MUTED_INK, categoricalColors } from '../figure/palette.js';
import { FONT_SIZE } from '../figure/size.js';
import { element, pathData, textElement } from '../svg/element.js';
import { TEXT_ASCENT, TEXT_DESCENT } from '../text/measure.js';
import { chartFrame, MIN_PLOT_HEIGHT, type ChartOptions } from './chart-frame.js';

export interface IndexScoresInput {
  readonly title: string;
  /** What the scores are: "min–max · arithmetic mean · nested weights". */
  readonly method: string;
  /** The score axis: "Score (1–100, higher is better)". */
  readonly axis: string;
  readonly cities: readonly string[];
  /** Bands top to bottom: the overall index first, then the dimensions; NaN where a city has no score. */
  readonly rows: readonly {
    readonly label: string;
    readonly scores: readonly number[];
    /** Per city: the score rests on an imputed value (drawn as a ring). */
    readonly imputed?: readonly boolean[];
    readonly overall?: boolean;
  }[];
  /** Sentences under the figure: the source of the values, what was imputed or dropped. */
  readonly notes?: readonly string[];
}

const DOT = 2.4;
const CITY_GAP = 5.5;
const LABEL_LINE = (TEXT_ASCENT + TEXT_DESCENT) * FONT_SIZE.label + 1;
const BAND_GAP = 3;

/**
 * Scores by dimension per city as a dodged dot chart (not a radar, whose areas depend on the
 * order of its axes): one band per dimension and one for the index, named above it, each city a
 * dot on its own line within the band in a colour-blind-safe colour, so ties never hide a city.
 * A score that rests on an imputed value is a ring; a dimension with no score says so in its band.
 */
export function indexScoresSvg(input: IndexScoresInput, options: ChartOptions = {}): Figure {
  const cityCount = input.cities.length;
  if (cityCount === 0) throw new OptionsError('cities', 'must hold at least one city');
  if (input.rows.length === 0) throw new OptionsError('rows', 'must hold at least one row');
  input.rows.forEach((row, r) => {
    if (row.scores.length !== cityCount) throw new OptionsError(`rows[${r}].scores`, `must have one score per city (${cityCount}, got ${row.scores.length})`);
    if (row.imputed && row.imputed.length !== cityCount) throw new OptionsError(`rows[${r}].imputed`, `must have one entry per city (${cityCount}, got ${row.imputed.length})`);
  });
  const finite = input.rows.flatMap((row) => row.scores.filter(Number.isFinite));
  if (finite.length === 0) throw new OptionsError('rows', 'must hold at least one finite score');
  const x = scaleLinear().domain([Math.min(0, ...finite), Math.max(...finite)]).nice();
  const { colors, distinct } = categoricalColors(cityCount);
  const anyImputed = input.rows.some((row) => row.imputed?.some(Boolean));
  const bandHeight = LABEL_LINE + cityCount * CITY_GAP + BAND_GAP;
  const notes = [...(input.notes ?? []), ...(distinct ? [] : [`${cityCount} cities are more than the palette tells apart: colours repeat.`])];
  const frame = chartFrame({
    title: input.title,
    subtitle: `Scores by dimension · ${input.method}`,
    options: { ...options, plotHeight: options.plotHeight ?? Math.max(MIN_PLOT_HEIGHT, input.rows.length * bandHeight) },
    leftWidth: 4,
    legend: [
      { title: 'City', entries: input.cities.map((city, c) => ({ label: city, color: colors[c], mark: 'point' as const })) },
      ...(anyImputed ? [{ entries: [{ label: 'the score rests on an imputed value', color: INK, mark: 'ring' as const }] }] : []),
    ],
    notes: notes.map((text) => ({ text })),
  });
  const { plot } = frame;
  x.range([plot.x0, plot.x1]);
  const size = FONT_SIZE.label;
  let bands = '';
  let dots = '';
  let labels = '';
  input.rows.forEach((row, r) => {
    const top = plot.y0 + r * bandHeight;
    if (r > 0) bands += pathData('M', plot.x0, top, 'H', plot.x1) + ' ';
    labels += textElement(row.label, { x: plot.x0 + 3, y: top + 1 + TEXT_ASCENT * size, 'font-weight': row.overall ? 600 : undefined });
    if (!row.scores.some(Number.isFinite)) {
      labels += textElement('not scored: no indicator left', { x: plot.x0 + 3, y: top + LABEL_LINE + CITY_GAP * 1.5, fill: MUTED_INK });
      return;
    }
    row.scores.forEach((score, c) => {
      if (!Number.isFinite(score)) return;
      const y = top + LABEL_LINE + (c + 0.5) * CITY_GAP;
      dots += row.imputed?.[c]
        ? element('circle', { cx: x(score), cy: y, r: DOT - 0.4, fill: '#FFFFFF', stroke: colors[c], 'stroke-width': 1.1 })
        : element('circle', { cx: x(score), cy: y, r: DOT, fill: colors[c], stroke: '#FFFFFF', 'stroke-width': 0.4 });
    });
  });
  const body =
    xAxisSvg(x, plot, { title: input.axis }) +
    element('path', { d: bands.trim() || undefined, stroke: BOUNDARY_FILL, 'stroke-width': 0.6, fill: 'none' }) +
    dots +
    element('g', { 'font-size': size, fill: INK }, labels);
  return { svg: frame.document(body), width: frame.width, height: frame.height };
}
