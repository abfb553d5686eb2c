import type { FontWeight } from './font.js';
import { FONT_METRICS } from './font-metrics.generated.js';

/** Width of a character the table lacks: a wide lowercase letter, so unknown text is overestimated. */
const UNKNOWN_ADVANCE = 0.6;

/**
 * Advances in em indexed by UTF-16 code unit, NaN where the font has no entry: label placement
 * measures thousands of strings per figure, and an array index is several times cheaper than a
 * Map lookup. Every tabulated code point lies in the Basic Multilingual Plane.
 */
function advanceTable(weight: FontWeight): Float64Array {
  const { codePoints, widths } = FONT_METRICS.advances[weight];
  const table = new Float64Array(Math.max(...codePoints) + 1).fill(Number.NaN);
  for (let i = 0; i < codePoints.length; i++) table[codePoints[i]] = widths[i] / FONT_METRICS.unitsPerEm;
  return table;
}

const ADVANCES: Readonly<Record<FontWeight, Float64Array>> = {
  regular: advanceTable('regular'),
  semibold: advanceTable('semibold'),
};

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
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair is one character the table cannot have: count it once, as unknown.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      em += UNKNOWN_ADVANCE;
      continue;
    }
    const advance = unit < table.length ? table[unit] : Number.NaN;
    em += Number.isNaN(advance) ? UNKNOWN_ADVANCE : advance;
  }
  return em * size;
}
