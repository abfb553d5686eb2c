import { INK } from '../figure/palette.js';
import { formatQuantity } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import { element, textElement } from '../svg/element.js';
import { TEXT_ASCENT, textWidth } from '../text/measure.js';

/** Bars between these heights (points) read well next to 7 pt text. */
const TARGET_HEIGHT = 12;
const MAX_HEIGHT = 20;

/** The round value (1, 2 or 5 × 10^k) whose bar is closest to the target height, capped at the largest node. */
function roundValue(pointsPerUnit: number, largest: number): number {
  const target = TARGET_HEIGHT / pointsPerUnit;
  const power = 10 ** Math.floor(Math.log10(target));
  let best = power;
  for (const multiple of [1, 2, 5, 10]) {
    const value = multiple * power;
    if (Math.abs(Math.log(value / target)) < Math.abs(Math.log(best / target)) && value * pointsPerUnit <= MAX_HEIGHT) best = value;
  }
  return largest > 0 ? Math.min(best, largest) : best;
}

/** A band of a round value drawn at the figure's scale, like a map's scale bar. */
export function scaleBarSvg(pointsPerUnit: number, largest: number, unit: string, suffix: string, x: number, y: number) {
  const value = roundValue(pointsPerUnit, largest);
  const barHeight = value * pointsPerUnit;
  const size = FONT_SIZE.label;
  const label = `= ${formatQuantity(value, unit, suffix)}`;
  const textY = y + Math.max(barHeight, size) / 2 + (TEXT_ASCENT - 0.5) * size * 0.9;
  const svg =
    element('rect', { x, y, width: 7, height: barHeight, fill: '#8C8C8C' }) +
    textElement(label, { x: x + 10, y: textY, 'font-size': size, fill: INK });
  return { svg, width: 10 + textWidth(label, size), height: Math.max(barHeight, size * 1.1) };
}
