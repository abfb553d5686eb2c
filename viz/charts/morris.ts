import { scaleLinear } from 'd3-scale';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg, yAxisSvg, yAxisWidth } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import { INK, MUTED_INK, categoricalColors } from '../figure/palette.js';
import { displayUnit, formatCount } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import { labelsSvg } from '../labels/draw.js';
import { placeLabels, type LabelCandidate, type Obstacle, type PlacedLabel } from '../labels/place.js';
import { blockBox, blockSvg, blockWidth, textBlock } from '../labels/text-block.js';
import { polylineObstacles } from './line-obstacles.js';
import { element, pathData } from '../svg/element.js';
import { TEXT_ASCENT, TEXT_DESCENT } from '../text/measure.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';

export interface MorrisInput {
  readonly title: string;
  /** The output the elementary effects are of: "Peak waste generation". */
  readonly output: string;
  /** Unit of the output (and so of μ* and σ), or '' when dimensionless. */
  readonly unit: string;
  readonly parameters: readonly {
    readonly name: string;
    /** Mean of the absolute elementary effects. */
    readonly muStar: number;
    /** Standard deviation of the elementary effects. */
    readonly sigma: number;
    /** Half-width of μ*'s confidence interval, drawn as a horizontal bar. */
    readonly muStarConfidence?: number;
  }[];
  readonly trajectories?: number;
  readonly scenario?: string;
  /** Sentences under the figure, e.g. which runs the indices leave out and why. */
  readonly notes?: readonly string[];
}

export interface MorrisFigure extends Figure {
  readonly labels: readonly PlacedLabel[];
}

const POINT_RADIUS = 2;

function pointCandidates(name: string, x: number, y: number): LabelCandidate[] {
  const size = FONT_SIZE.label;
  const gap = POINT_RADIUS + 1.5;
  const middle = y + (TEXT_ASCENT - TEXT_DESCENT) * size * 0.5;
  const block = (anchor: 'start' | 'middle' | 'end') => textBlock([name], size, anchor);
  return [
    { x: x + gap, y: middle, block: block('start') },
    { x: x - gap, y: middle, block: block('end') },
    { x, y: y - gap - TEXT_DESCENT * size, block: block('middle') },
    { x, y: y + gap + TEXT_ASCENT * size, block: block('middle') },
    { x: x + gap, y: y - gap, block: block('start') },
    { x: x - gap, y: y - gap, block: block('end') },
    { x: x + gap, y: y + gap + TEXT_ASCENT * size, block: block('start') },
    { x: x - gap, y: y + gap + TEXT_ASCENT * size, block: block('end') },
  ];
}

/**
 * Morris screening: μ* (overall influence) against σ (non-linearity and interactions) with
 * every parameter's point labelled. The dashed line σ = μ* separates mostly linear effects
 * (below) from non-linear or interacting ones (above).
 */
export function morrisSvg(input: MorrisInput, options: ChartOptions = {}): MorrisFigure {
  if (input.parameters.length === 0) throw new OptionsError('parameters', 'must hold at least one parameter');
  input.parameters.forEach((parameter, i) => {
    const values = [parameter.muStar, parameter.sigma, parameter.muStarConfidence ?? 0];
    if (!values.every((value) => Number.isFinite(value) && value >= 0)) {
      throw new OptionsError(`parameters[${i}]`, 'must have finite, non-negative muStar, sigma and muStarConfidence');
    }
  });
  let high = 0;
  for (const p of input.parameters) high = Math.max(high, p.muStar + (p.muStarConfidence ?? 0), p.sigma);
  // Axes in kt or Mt where tonnes would need long tick labels; `scaled` turns a value into axis units.
  const shown = displayUnit(high, input.unit);
  const scaled = (value: number) => value / shown.factor;
  const unit = shown.unit ? ` (${shown.unit})` : '';
  const x = scaleLinear().domain([0, scaled(high) * 1.1 || 1]).nice();
  const y = scaleLinear().domain([0, scaled(high) * 1.1 || 1]).nice();
  const yAxis = { title: `σ${unit}` };
  const [pointColor] = categoricalColors(1).colors;
  const trajectories = input.trajectories === undefined ? undefined : `${formatCount(input.trajectories)} trajectories`;
  const frame = chartFrame({
    title: input.title,
    subtitle: subtitleParts(`Morris screening of ${input.output}`, input.scenario && `scenario ${input.scenario}`, trajectories),
    options,
    leftWidth: yAxisWidth(y, yAxis),
    legend: [],
    notes: (input.notes ?? []).map((text) => ({ text })),
  });
  const { plot } = frame;
  x.range([plot.x0, plot.x1]);
  y.range([plot.y1, plot.y0]);

  const diagonalEnd = Math.min(x.domain()[1], y.domain()[1]);
  const diagonal = element('path', { d: pathData('M', x(0), y(0), 'L', x(diagonalEnd), y(diagonalEnd)), stroke: MUTED_INK, 'stroke-width': 0.6, 'stroke-dasharray': '3 2' });
  // Under the line's end, right-aligned: the text's top clears the line above its left edge.
  const diagonalText = textBlock(['σ = μ*'], FONT_SIZE.label, 'end');
  const slope = (y(0) - y(diagonalEnd)) / (x(diagonalEnd) - x(0));
  const clearance = (blockWidth(diagonalText) + 2) * slope + 1;
  const diagonalAt = { x: x(diagonalEnd) - 2, y: y(diagonalEnd) + clearance + TEXT_ASCENT * FONT_SIZE.label };
  const diagonalLabel = blockSvg(diagonalText, diagonalAt.x, diagonalAt.y, MUTED_INK);
  let marks = '';
  const obstacles: Obstacle[] = [
    ...polylineObstacles([x(0), x(diagonalEnd)], [y(0), y(diagonalEnd)], 0.6, -1),
    { ...blockBox(diagonalText, diagonalAt.x, diagonalAt.y), group: -1 },
  ];
  const requests = input.parameters.map((parameter, i) => {
    const px = x(scaled(parameter.muStar));
    const py = y(scaled(parameter.sigma));
    if (parameter.muStarConfidence) {
      const [a, b] = [x(scaled(Math.max(0, parameter.muStar - parameter.muStarConfidence))), x(scaled(parameter.muStar + parameter.muStarConfidence))];
      marks += element('path', { d: pathData('M', a, py, 'H', b), stroke: pointColor, 'stroke-width': 0.6 });
      obstacles.push({ x0: a, y0: py - 0.5, x1: b, y1: py + 0.5, group: i });
    }
    marks += element('circle', { cx: px, cy: py, r: POINT_RADIUS, fill: pointColor });
    obstacles.push({ x0: px - POINT_RADIUS, y0: py - POINT_RADIUS, x1: px + POINT_RADIUS, y1: py + POINT_RADIUS, group: i });
    return { id: parameter.name, candidates: pointCandidates(parameter.name, px, py), required: true, anchor: { x0: px, y0: py, x1: px, y1: py } };
  });
  const bySize = [...requests].sort((a, b) => b.anchor.x0 - a.anchor.x0 || a.anchor.y0 - b.anchor.y0);
  const placement = placeLabels(bySize, obstacles, plot);
  const body =
    yAxisSvg(y, plot, yAxis) +
    xAxisSvg(x, plot, { title: `μ*${unit}` }) +
    diagonal +
    diagonalLabel +
    marks +
    element('g', { 'font-size': FONT_SIZE.label, fill: INK }, labelsSvg(placement.placed));
  return { svg: frame.document(body), width: frame.width, height: frame.height, labels: placement.placed };
}
