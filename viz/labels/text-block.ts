import { INK } from '../figure/palette.js';
import { element, textElement } from '../svg/element.js';
import { FONT_WEIGHT_VALUE, type FontWeight } from '../text/font.js';
import { TEXT_ASCENT, TEXT_DESCENT, textWidth } from '../text/measure.js';
import type { Box } from './box.js';

/** One or more lines of text set together, anchored at the first line's baseline. */
export interface TextBlock {
  readonly lines: readonly string[];
  readonly size: number;
  readonly weight: FontWeight;
  readonly anchor: 'start' | 'middle' | 'end';
}

const LINE_HEIGHT = 1.15;

export function textBlock(lines: readonly string[], size: number, anchor: TextBlock['anchor'] = 'start', weight: FontWeight = 'regular'): TextBlock {
  return { lines, size, weight, anchor };
}

/**
 * Widths by lines array, then by face (the size, negative for semibold): placement measures the
 * same lines at many candidate positions, often through copies of a block with another anchor.
 */
const widthCache = new WeakMap<readonly string[], Map<number, number>>();

export function blockWidth(block: TextBlock): number {
  const face = block.weight === 'regular' ? block.size : -block.size;
  let cached = widthCache.get(block.lines);
  if (cached === undefined) {
    cached = new Map();
    widthCache.set(block.lines, cached);
  }
  let widest = cached.get(face);
  if (widest === undefined) {
    widest = 0;
    for (const line of block.lines) widest = Math.max(widest, textWidth(line, block.size, block.weight));
    cached.set(face, widest);
  }
  return widest;
}

/** From the first baseline to the bottom of the last line's descenders. */
export function blockHeight(block: TextBlock): number {
  return (TEXT_ASCENT + TEXT_DESCENT + (block.lines.length - 1) * LINE_HEIGHT) * block.size;
}

/** Left edge of the block's glyphs when its anchor point is at `x`. */
export function blockLeft(block: TextBlock, x: number): number {
  return block.anchor === 'start' ? x : block.anchor === 'middle' ? x - blockWidth(block) / 2 : x - blockWidth(block);
}

/** Top edge of the block's glyphs when its first baseline is at `y`. */
export function blockTop(block: TextBlock, y: number): number {
  return y - TEXT_ASCENT * block.size;
}

/** The box the block's glyphs occupy when its first baseline is at (x, y). */
export function blockBox(block: TextBlock, x: number, y: number): Box {
  const x0 = blockLeft(block, x);
  const y0 = blockTop(block, y);
  return { x0, y0, x1: x0 + blockWidth(block), y1: y0 + blockHeight(block) };
}

/** The y of the first baseline that centres the block vertically on `centre`. */
export function baselineCentredOn(block: TextBlock, centre: number): number {
  return centre - blockHeight(block) / 2 + TEXT_ASCENT * block.size;
}

export function blockSvg(block: TextBlock, x: number, y: number, fill: string = INK): string {
  const common = {
    'font-size': block.size,
    'font-weight': block.weight === 'regular' ? undefined : FONT_WEIGHT_VALUE[block.weight],
    'text-anchor': block.anchor === 'start' ? undefined : block.anchor,
    fill,
  };
  if (block.lines.length === 1) return textElement(block.lines[0], { x, y, ...common });
  const lines = block.lines.map((line, i) => textElement(line, { x, y: y + i * LINE_HEIGHT * block.size }));
  return element('g', common, lines.join(''));
}
