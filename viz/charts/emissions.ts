import { scaleLinear } from 'd3-scale';
import { area, line, stack, stackOffsetDiverging } from 'd3-shape';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg, yAxisSvg, yAxisWidth } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import type { LegendGroup } from '../figure/legend.js';
import { INK, categoricalColors } from '../figure/palette.js';
import { displayUnit } from '../figure/quantity.js';
import { element, pathData } from '../svg/element.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';
import { checkSeriesLength, checkYears } from './series-check.js';

/** What one treatment route emits (direct) and avoids (credits), in CO2e per year. */
export interface EmissionRoute {
  readonly label: string;
  readonly direct?: ArrayLike<number>;
  /** Avoided emissions as positive numbers: they are drawn below zero. */
  readonly credit?: ArrayLike<number>;
}

export interface EmissionsInput {
  readonly title: string;
  /** "t CO2e/yr". */
  readonly unit: string;
  readonly years: readonly number[];
  readonly scenario: string;
  /** In the model's order, which gives each route its colour in every figure of the model. */
  readonly routes: readonly EmissionRoute[];
  /** Net emissions per year: the sum of the direct emissions less the credits. */
  readonly net: ArrayLike<number>;
  /** How the gases are weighed into CO2e, for the subtitle: "GWP100 AR5". */
  readonly gwp: string;
  /** Sentences under the figure: the biogenic-CO2 convention, what a route leaves out. */
  readonly notes?: readonly string[];
}

const DIRECT_OPACITY = 0.85;
/** Credits share their route's colour, lighter, so that a route reads as one colour above and below zero. */
const CREDIT_OPACITY = 0.4;

/**
 * Emissions by route over time: direct emissions as stacked areas above zero, credits (avoided
 * emissions) stacked below it in the same route colours, lighter, and the net (direct − credits)
 * as a line. A route with a negative direct value (a net route factor below zero) stacks below
 * zero too: the stack diverges at zero, so no area hides another.
 */
export function emissionsSvg(input: EmissionsInput, options: ChartOptions = {}): Figure {
  checkYears(input.years);
  const { years } = input;
  if (input.routes.length === 0) throw new OptionsError('routes', 'must hold at least one route');
  checkSeriesLength('net', input.net, years);
  const layers: { values: number[]; route: number; credit: boolean }[] = [];
  input.routes.forEach((route, i) => {
    if (route.direct === undefined && route.credit === undefined) throw new OptionsError(`routes[${i}]`, 'must have direct emissions, credits or both');
    if (route.direct) {
      checkSeriesLength(`routes[${i}].direct`, route.direct, years);
      layers.push({ values: Array.from(route.direct), route: i, credit: false });
    }
    if (route.credit) {
      checkSeriesLength(`routes[${i}].credit`, route.credit, years);
      layers.push({ values: Array.from(route.credit, (value) => -value), route: i, credit: true });
    }
  });
  checkNet(input.net, layers, years);

  const rows = years.map((_, t) => layers.map((layer) => layer.values[t]));
  const stacked = stack<number[], number>().keys(layers.map((_, i) => i)).value((row, key) => row[key]).offset(stackOffsetDiverging)(rows);
  let low = 0;
  let high = 0;
  for (const layer of stacked) for (const [y0, y1] of layer) [low, high] = [Math.min(low, y0, y1), Math.max(high, y0, y1)];
  for (let t = 0; t < years.length; t++) [low, high] = [Math.min(low, input.net[t]), Math.max(high, input.net[t])];
  const shown = displayUnit(Math.max(high, -low), input.unit);
  const y = scaleLinear().domain([low / shown.factor, high / shown.factor || 1]).nice();
  const yAxis = { title: `Emissions (${shown.unit})` };

  const { colors, distinct } = categoricalColors(input.routes.length);
  const entries = (credit: boolean) =>
    layers.filter((layer) => layer.credit === credit).map((layer) => ({ label: input.routes[layer.route].label, color: colors[layer.route], mark: 'swatch' as const, opacity: credit ? CREDIT_OPACITY : DIRECT_OPACITY }));
  const legend: LegendGroup[] = [
    { title: 'Direct', entries: entries(false) },
    { title: 'Credits (below zero)', entries: entries(true) },
    { entries: [{ label: 'Net: direct − credits', color: INK, mark: 'line' }] },
  ];
  const notes = [
    ...(layers.some((layer) => layer.credit) ? [] : ['No route of this model avoids emissions: there are no credits, and the net equals the direct emissions.']),
    ...(input.notes ?? []),
    ...(distinct ? [] : ['More routes than distinguishable colours: colours repeat.']),
  ].map((text) => ({ text }));
  const subtitle = subtitleParts(`${years[0]}–${years[years.length - 1]}`, `scenario ${input.scenario}`, `CO2e by ${input.gwp}`);
  const frame = chartFrame({ title: input.title, subtitle, options, leftWidth: yAxisWidth(y, yAxis), legend, notes });
  const { plot } = frame;
  y.range([plot.y1, plot.y0]);
  const x = scaleLinear().domain([years[0], years[years.length - 1]]).range([plot.x0, plot.x1]);

  const shape = area<[number, number]>()
    .x((_, t) => x(years[t]))
    .y0((d) => y(d[0] / shown.factor))
    .y1((d) => y(d[1] / shown.factor));
  let areas = '';
  stacked.forEach((layer, i) => {
    const { route, credit } = layers[i];
    areas += element('path', { d: shape(layer.map((d) => [d[0], d[1]] as [number, number])) ?? '', fill: colors[route], 'fill-opacity': credit ? CREDIT_OPACITY : DIRECT_OPACITY });
  });
  const netLine = line<number>()
    .x((_, t) => x(years[t]))
    .y((value) => y(value / shown.factor));
  const zero = element('path', { d: pathData('M', plot.x0, y(0), 'H', plot.x1), stroke: INK, 'stroke-width': 0.6 });
  const net = element('path', { d: netLine(Array.from(input.net)) ?? '', fill: 'none', stroke: INK, 'stroke-width': 1.2 });
  const axes = yAxisSvg(y, plot, yAxis) + xAxisSvg(x, plot, { title: 'Year', integer: true });
  return { svg: frame.document(axes + areas + zero + net), width: frame.width, height: frame.height };
}

/** The net must be what the areas add up to, so that the line and the stack tell one story. */
function checkNet(net: ArrayLike<number>, layers: readonly { values: readonly number[] }[], years: readonly number[]): void {
  for (let t = 0; t < years.length; t++) {
    let sum = 0;
    let scale = Math.abs(net[t]);
    for (const layer of layers) {
      sum += layer.values[t];
      scale = Math.max(scale, Math.abs(layer.values[t]));
    }
    if (Math.abs(sum - net[t]) > 1e-9 * scale) throw new OptionsError('net', `must equal the direct emissions less the credits (in ${years[t]}: ${net[t]}, the routes give ${sum})`);
  }
}
