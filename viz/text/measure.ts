import type { FontWeight } from './font.js';
import { FONT_METRICS } from './font-metrics.generated.js';

function advanceTable(weight: FontWeight): Map<number, number> {
  const { codePoints, widths } = FONT_METRICS.advances[weight];
  const table = new Map<number, number>();
  for (let i = 0; i < codePoints.length; i++) table.set(codePoints[i], widths[i] / FONT_METRICS.unitsPerEm);
  return table;
}

const ADVANCES: Readonly<Record<FontWeight, Map<number, number>>> = {
  regular: advanceTable('regular'),
  semibold: advanceTable('semibold'),
};

/** Width of a character the table lacks: a wide lowercase letter, so unknown text is overestimated. */
const UNKNOWN_ADVANCE = 0.6;

/**
 * Vertical extent of a line of text around its baseline, in em. Source Sans 3 ascenders reach
 * 0.712 em and descenders 0.205 em; the extra covers accents on capitals and kerning-free rounding.
 */
export const TEXT_ASCENT = 0.78;
export const TEXT_DESCENT = 0.24;

/** Advance width of `text` set at `size` (same unit as the result), without kerning. */
export function textWidth(text: string, size: number, weight: FontWeight = 'regular'): number {
  const table = ADVANCES[weight];
  let em = 0;
  for (const character of text) em += table.get(character.codePointAt(0)!) ?? UNKNOWN_ADVANCE;
  return em * size;
}
