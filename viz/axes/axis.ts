import type { ScaleLinear } from 'd3-scale';
import { GRID, INK, MUTED_INK } from '../figure/palette.js';
import { formatNumber } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import type { Box } from '../labels/box.js';
import { element, pathData, textElement } from '../svg/element.js';
import { num } from '../svg/format.js';
import { TEXT_ASCENT, TEXT_DESCENT, textWidth } from '../text/measure.js';

/**
 * Linear axes drawn from `scale.ticks()` (d3-axis needs a DOM). Each has tick labels, light
 * grid lines across the plot and a title that names the quantity and its unit.
 */
export interface AxisOptions {
  /** "Waste generation (kt/yr)": the quantity and its unit; '' for none (a panel whose heading names it). */
  readonly title: string;
  readonly format?: (value: number) => string;
  /** Approximate number of ticks (default 5). */
  readonly ticks?: number;
  /** Only integer ticks, written without grouping (years). */
  readonly integer?: boolean;
}

const TICK_LENGTH = 3;
const TICK_GAP = 2;
const TITLE_GAP = 4;

function axisTicks(scale: ScaleLinear<number, number>, options: AxisOptions): number[] {
  const ticks = scale.ticks(options.ticks ?? 5);
  return options.integer ? ticks.filter((tick) => Number.isInteger(tick)) : ticks;
}

function tickLabel(value: number, options: AxisOptions): string {
  if (options.format) return options.format(value);
  return options.integer ? String(value) : formatNumber(value, 6);
}

/** Height an x axis without a title takes under the plot: ticks and their labels. */
export const X_TICKS_HEIGHT = TICK_LENGTH + TICK_GAP + (TEXT_ASCENT + TEXT_DESCENT) * FONT_SIZE.tick;

/** Height an x axis takes under the plot: ticks, their labels and the title. */
export const X_AXIS_HEIGHT = X_TICKS_HEIGHT + (TEXT_ASCENT + TEXT_DESCENT) * FONT_SIZE.axisTitle + TITLE_GAP;

/** Width a y axis takes left of the plot: the rotated title (if any), the widest tick label and the ticks. */
export function yAxisWidth(scale: ScaleLinear<number, number>, options: AxisOptions): number {
  let widest = 0;
  for (const tick of axisTicks(scale, options)) widest = Math.max(widest, textWidth(tickLabel(tick, options), FONT_SIZE.tick));
  const title = options.title === '' ? 0 : (TEXT_ASCENT + TEXT_DESCENT) * FONT_SIZE.axisTitle + TITLE_GAP;
  return title + widest + TICK_GAP + TICK_LENGTH;
}

/** The vertical grid lines of an x axis alone: a panel above another that carries the axis. */
export function xGridSvg(scale: ScaleLinear<number, number>, plot: Box, options: Pick<AxisOptions, 'ticks' | 'integer'>): string {
  const grid = axisTicks(scale, { title: '', ...options }).map((tick) => pathData('M', scale(tick), plot.y0, 'V', plot.y1));
  return element('path', { d: grid.join(' '), stroke: GRID, 'stroke-width': 0.5, fill: 'none' });
}

export function xAxisSvg(scale: ScaleLinear<number, number>, plot: Box, options: AxisOptions): string {
  const grid: string[] = [];
  let labels = '';
  const labelY = plot.y1 + TICK_LENGTH + TICK_GAP + TEXT_ASCENT * FONT_SIZE.tick;
  for (const tick of axisTicks(scale, options)) {
    const x = scale(tick);
    grid.push(pathData('M', x, plot.y0, 'V', plot.y1));
    labels += textElement(tickLabel(tick, options), { x, y: labelY, 'text-anchor': 'middle' });
  }
  const titleY = labelY + TEXT_DESCENT * FONT_SIZE.tick + TITLE_GAP + TEXT_ASCENT * FONT_SIZE.axisTitle;
  return (
    element('path', { d: grid.join(' '), stroke: GRID, 'stroke-width': 0.5, fill: 'none' }) +
    element('path', { d: pathData('M', plot.x0, plot.y1, 'H', plot.x1), stroke: INK, 'stroke-width': 0.6 }) +
    element('path', { d: axisTickPath(scale, plot, options, 'x'), stroke: INK, 'stroke-width': 0.6 }) +
    element('g', { 'font-size': FONT_SIZE.tick, fill: MUTED_INK }, labels) +
    (options.title === '' ? '' : textElement(options.title, { x: (plot.x0 + plot.x1) / 2, y: titleY, 'text-anchor': 'middle', 'font-size': FONT_SIZE.axisTitle, fill: INK }))
  );
}

function axisTickPath(scale: ScaleLinear<number, number>, plot: Box, options: AxisOptions, axis: 'x' | 'y'): string {
  const parts: string[] = [];
  for (const tick of axisTicks(scale, options)) {
    const position = scale(tick);
    parts.push(axis === 'x' ? pathData('M', position, plot.y1, 'V', plot.y1 + TICK_LENGTH) : pathData('M', plot.x0 - TICK_LENGTH, position, 'H', plot.x0));
  }
  return parts.join(' ');
}

export function yAxisSvg(scale: ScaleLinear<number, number>, plot: Box, options: AxisOptions): string {
  const grid: string[] = [];
  let labels = '';
  for (const tick of axisTicks(scale, options)) {
    const y = scale(tick);
    grid.push(pathData('M', plot.x0, y, 'H', plot.x1));
    labels += textElement(tickLabel(tick, options), { x: plot.x0 - TICK_LENGTH - TICK_GAP, y: y + (TEXT_ASCENT - TEXT_DESCENT) * FONT_SIZE.tick * 0.5, 'text-anchor': 'end' });
  }
  const titleX = plot.x0 - yAxisWidth(scale, options) + TEXT_ASCENT * FONT_SIZE.axisTitle;
  const titleY = (plot.y0 + plot.y1) / 2;
  return (
    element('path', { d: grid.join(' '), stroke: GRID, 'stroke-width': 0.5, fill: 'none' }) +
    element('path', { d: pathData('M', plot.x0, plot.y0, 'V', plot.y1), stroke: INK, 'stroke-width': 0.6 }) +
    element('path', { d: axisTickPath(scale, plot, options, 'y'), stroke: INK, 'stroke-width': 0.6 }) +
    element('g', { 'font-size': FONT_SIZE.tick, fill: MUTED_INK }, labels) +
    (options.title === '' ? '' : textElement(options.title, { x: titleX, y: titleY, transform: `rotate(-90 ${num(titleX)} ${num(titleY)})`, 'text-anchor': 'middle', 'font-size': FONT_SIZE.axisTitle, fill: INK }))
  );
}
