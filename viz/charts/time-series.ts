import { scaleLinear } from 'd3-scale';
import { area, line, stack } from 'd3-shape';
import { OptionsError, checkOption } from '../../engine/errors.js';
import { xAxisSvg, yAxisSvg, yAxisWidth } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import { DASH_PATTERNS, type LegendGroup } from '../figure/legend.js';
import { MUTED_INK, categoricalColors } from '../figure/palette.js';
import { displayUnit } from '../figure/quantity.js';
import { element } from '../svg/element.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';
import { checkSeriesLength, checkYears } from './series-check.js';

export interface TimeSeries {
  /** What the series is: a dimension item ("plastic"), a flow or a stock. */
  readonly label: string;
  /** Several scenarios in one figure are told apart by line style. */
  readonly scenario?: string;
  /** One value per year. */
  readonly values: ArrayLike<number>;
}

export interface TimeSeriesInput {
  readonly title: string;
  /** What is plotted, for the y axis title: "Waste generation". */
  readonly quantity: string;
  /** Unit of the values as the axis should state it: "t/yr" for flows, "t" for stocks. */
  readonly unit: string;
  readonly years: readonly number[];
  readonly series: readonly TimeSeries[];
  /** Shown in the subtitle when every series is of one scenario. */
  readonly scenario?: string;
  /** Legend title for the labels, e.g. "Material". */
  readonly dimension?: string;
  /** Title of the x axis when its steps are not years, e.g. "Runs done (thousands)" (default "Year"). */
  readonly xAxis?: string;
}

export interface TimeSeriesOptions extends ChartOptions {
  /** 'lines' (default) or 'stacked' areas (one scenario, values ≥ 0). */
  readonly mode?: 'lines' | 'stacked';
}

const LINE_STYLES = ['line', 'dashed', 'dotted'] as const;
/** Stacked areas are slightly translucent so the grid shows through; their legend swatches alike. */
const AREA_OPACITY = 0.85;

function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

/**
 * Flows or stocks over time, by dimension item: one line per series (colour per label, line
 * style per scenario; colour per scenario when there is one label), or stacked areas whose top
 * is the total. Values are shown in a prefixed unit when large (t -> kt, Mt).
 */
export function timeSeriesSvg(input: TimeSeriesInput, options: TimeSeriesOptions = {}): Figure {
  const mode = checkOption('mode', options.mode ?? 'lines', ['lines', 'stacked'] as const);
  checkYears(input.years);
  input.series.forEach((series, i) => checkSeriesLength(`series[${i}].values`, series.values, input.years));
  if (input.series.length === 0) throw new OptionsError('series', 'must hold at least one series');
  const labels = distinct(input.series.map((series) => series.label));
  const scenarios = distinct(input.series.map((series) => series.scenario));
  if (scenarios.length > LINE_STYLES.length) throw new OptionsError('series', `must come from at most ${LINE_STYLES.length} scenarios (got ${scenarios.length})`);
  if (mode === 'stacked') {
    if (scenarios.length > 1) throw new OptionsError('mode', `'stacked' needs series of one scenario (got ${scenarios.join(', ')})`);
    if (input.series.some((series) => Array.prototype.some.call(series.values, (v: number) => v < 0))) throw new OptionsError('mode', "'stacked' needs values ≥ 0");
  }

  const years = input.years;
  const totals = years.map((_, t) => input.series.reduce((sum, series) => sum + series.values[t], 0));
  let low = 0;
  let high = 0;
  for (const series of input.series) for (let t = 0; t < years.length; t++) {
    low = Math.min(low, series.values[t]);
    high = Math.max(high, series.values[t]);
  }
  if (mode === 'stacked') high = Math.max(...totals);
  const shown = displayUnit(Math.max(high, -low), input.unit);
  const y = scaleLinear().domain([low / shown.factor, high / shown.factor || 1]).nice();
  // A dimensionless quantity (a rate, a share) has no unit to show.
  const yAxis = { title: shown.unit === '' ? input.quantity : `${input.quantity} (${shown.unit})` };

  const colorByScenario = labels.length === 1 && scenarios.length > 1 && mode === 'lines';
  const { colors, distinct: distinctColors } = categoricalColors(colorByScenario ? scenarios.length : labels.length);
  const colorOf = (series: TimeSeries) => colors[colorByScenario ? scenarios.indexOf(series.scenario!) : labels.indexOf(series.label)];
  const styleOf = (series: TimeSeries) => (colorByScenario || series.scenario === undefined ? 'line' : LINE_STYLES[scenarios.indexOf(series.scenario)]);

  const legend: LegendGroup[] = colorByScenario
    ? [{ title: 'Scenario', entries: scenarios.map((scenario, i) => ({ label: scenario, color: colors[i], mark: 'line' })) }]
    : [{ title: input.dimension, entries: labels.map((label, i) => ({ label, color: colors[i], ...(mode === 'stacked' ? { mark: 'swatch', opacity: AREA_OPACITY } : { mark: 'line' }) })) }];
  if (!colorByScenario && scenarios.length > 1) {
    legend.push({ title: 'Scenario', entries: scenarios.map((scenario, i) => ({ label: scenario, color: MUTED_INK, mark: LINE_STYLES[i] })) });
  }
  const notes = distinctColors ? [] : [{ text: 'More series than distinguishable colours: colours repeat.' }];
  // A range of years names itself; a range of other steps (seconds, runs) would be a bare pair of numbers, and the x axis shows it.
  const range = input.xAxis === undefined ? `${years[0]}–${years[years.length - 1]}` : undefined;
  const subtitle = subtitleParts(range, scenarios.length === 1 ? `scenario ${scenarios[0]}` : input.scenario && `scenario ${input.scenario}`);
  const frame = chartFrame({ title: input.title, subtitle, options, leftWidth: yAxisWidth(y, yAxis), legend, notes });
  const { plot } = frame;
  y.range([plot.y1, plot.y0]);
  const x = scaleLinear().domain([years[0], years[years.length - 1]]).range([plot.x0, plot.x1]);

  let marks = '';
  if (mode === 'stacked') {
    const rows = years.map((_, t) => input.series.map((series) => series.values[t] / shown.factor));
    const layers = stack<number[], number>().keys(input.series.map((_, i) => i)).value((row, key) => row[key])(rows);
    const shape = area<[number, number]>()
      .x((_, t) => x(years[t]))
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]));
    layers.forEach((layer, i) => (marks += element('path', { d: shape(layer.map((d) => [d[0], d[1]] as [number, number])) ?? '', fill: colorOf(input.series[i]), 'fill-opacity': AREA_OPACITY })));
  } else {
    const path = line<number>()
      .x((_, t) => x(years[t]))
      .y((value) => y(value));
    for (const series of input.series) {
      const values = Array.from(series.values, (value) => value / shown.factor);
      marks += element('path', { d: path(values) ?? '', fill: 'none', stroke: colorOf(series), 'stroke-width': 1.2, 'stroke-dasharray': DASH_PATTERNS[styleOf(series)] });
    }
  }
  const axes = yAxisSvg(y, plot, yAxis) + xAxisSvg(x, plot, { title: input.xAxis ?? 'Year', integer: true });
  return { svg: frame.document(axes + marks), width: frame.width, height: frame.height };
}
