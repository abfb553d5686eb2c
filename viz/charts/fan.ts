import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg, yAxisSvg, yAxisWidth } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import type { LegendGroup } from '../figure/legend.js';
import { MUTED_INK, categoricalColors } from '../figure/palette.js';
import { displayUnit, formatCount } from '../figure/quantity.js';
import { element } from '../svg/element.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';
import { checkSeriesLength, checkYears } from './series-check.js';

/** Quantiles over the samples of an uncertainty sweep, one value per year each. */
export interface FanQuantiles {
  readonly p05: ArrayLike<number>;
  readonly p25: ArrayLike<number>;
  readonly p50: ArrayLike<number>;
  readonly p75: ArrayLike<number>;
  readonly p95: ArrayLike<number>;
}

export interface FanChartInput {
  readonly title: string;
  readonly quantity: string;
  readonly unit: string;
  readonly years: readonly number[];
  readonly scenarios: readonly ({ readonly name: string } & FanQuantiles)[];
  /** How many samples the quantiles summarise, stated in the subtitle. */
  readonly samples?: number;
  /** Sentences under the figure, e.g. which runs the quantiles leave out and why. */
  readonly notes?: readonly string[];
}

const QUANTILE_KEYS = ['p05', 'p25', 'p50', 'p75', 'p95'] as const;
const OUTER_OPACITY = 0.18;
const INNER_OPACITY = 0.38;
/** The 25–75 % band lies on the 5–95 % band, so it shows both layers at once. */
const INNER_SHOWN_OPACITY = 1 - (1 - OUTER_OPACITY) * (1 - INNER_OPACITY);

/**
 * Uncertainty fans: per scenario, the 5–95 % band (light), the 25–75 % band (darker) and the
 * median line, so that scenarios can be compared with their spread.
 */
export function fanChartSvg(input: FanChartInput, options: ChartOptions = {}): Figure {
  checkYears(input.years);
  if (input.scenarios.length === 0) throw new OptionsError('scenarios', 'must hold at least one scenario');
  const { years } = input;
  let high = 0;
  let low = 0;
  input.scenarios.forEach((scenario, i) => {
    for (const key of QUANTILE_KEYS) {
      checkSeriesLength(`scenarios[${i}].${key}`, scenario[key], years);
      for (let t = 0; t < years.length; t++) {
        high = Math.max(high, scenario[key][t]);
        low = Math.min(low, scenario[key][t]);
      }
    }
    for (let t = 0; t < years.length; t++) {
      const ordered = QUANTILE_KEYS.every((key, k) => k === 0 || scenario[key][t] >= scenario[QUANTILE_KEYS[k - 1]][t]);
      if (!ordered) throw new OptionsError(`scenarios[${i}]`, `must have p05 ≤ p25 ≤ p50 ≤ p75 ≤ p95 in every year (not in ${years[t]})`);
    }
  });
  const shown = displayUnit(Math.max(high, -low), input.unit);
  const y = scaleLinear().domain([low / shown.factor, high / shown.factor || 1]).nice();
  const yAxis = { title: `${input.quantity} (${shown.unit})` };
  const { colors } = categoricalColors(input.scenarios.length);
  // The range keys are drawn as the bands are: in the scenario's colour (in a neutral ink when each scenario has its own) and at the same opacity.
  const rangeColor = input.scenarios.length === 1 ? colors[0] : MUTED_INK;
  const legend: LegendGroup[] = [
    { title: 'Scenario', entries: input.scenarios.map((scenario, i) => ({ label: `${scenario.name} (median)`, color: colors[i], mark: 'line' })) },
    { title: 'Range', entries: [
      { label: '25–75 %', color: rangeColor, mark: 'band', opacity: INNER_SHOWN_OPACITY },
      { label: '5–95 %', color: rangeColor, mark: 'band', opacity: OUTER_OPACITY },
    ] },
  ];
  const samples = input.samples === undefined ? undefined : `${formatCount(input.samples)} samples`;
  const notes = (input.notes ?? []).map((text) => ({ text }));
  const frame = chartFrame({ title: input.title, subtitle: subtitleParts(`${years[0]}–${years[years.length - 1]}`, samples), options, leftWidth: yAxisWidth(y, yAxis), legend, notes });
  const { plot } = frame;
  y.range([plot.y1, plot.y0]);
  const x = scaleLinear().domain([years[0], years[years.length - 1]]).range([plot.x0, plot.x1]);
  const band = (lower: ArrayLike<number>, upper: ArrayLike<number>) =>
    area<number>()
      .x((t) => x(years[t]))
      .y0((t) => y(lower[t] / shown.factor))
      .y1((t) => y(upper[t] / shown.factor))(years.map((_, t) => t)) ?? '';
  const median = line<number>()
    .x((_, t) => x(years[t]))
    .y((value) => y(value / shown.factor));
  let bands = '';
  let medians = '';
  input.scenarios.forEach((scenario, i) => {
    bands += element('path', { d: band(scenario.p05, scenario.p95), fill: colors[i], 'fill-opacity': OUTER_OPACITY });
    bands += element('path', { d: band(scenario.p25, scenario.p75), fill: colors[i], 'fill-opacity': INNER_OPACITY });
    medians += element('path', { d: median(Array.from(scenario.p50)) ?? '', fill: 'none', stroke: colors[i], 'stroke-width': 1.2 });
  });
  const axes = yAxisSvg(y, plot, yAxis) + xAxisSvg(x, plot, { title: 'Year', integer: true });
  return { svg: frame.document(axes + bands + medians), width: frame.width, height: frame.height };
}
