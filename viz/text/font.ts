/**
 * The one typeface of every figure: Source Sans 3 (SIL Open Font License, viz/fonts/LICENSE.md).
 * Its files ship in viz/fonts/ and are loaded explicitly by the PNG and PDF renderers, because
 * headless renderers drop text silently when the font named in the SVG is not loaded.
 */
export const FONT_FAMILY = 'Source Sans 3';

export type FontWeight = 'regular' | 'semibold';

/** The CSS weight written into the SVG for each face; 600 is the shipped Semibold. */
export const FONT_WEIGHT_VALUE: Readonly<Record<FontWeight, number>> = { regular: 400, semibold: 600 };

export const FONT_FILES: Readonly<Record<FontWeight, string>> = {
  regular: 'SourceSans3-Regular.ttf',
  semibold: 'SourceSans3-Semibold.ttf',
};

/**
 * Code points whose widths are tabulated: printable ASCII, Latin-1, and the symbols figures use
 * (dashes, quotes, minus, multiplication, Greek letters of sensitivity indices, sub- and
 * superscript digits for CO₂ and powers of ten, arrows).
 */
export function tabulatedCodePoints(): number[] {
  const points: number[] = [];
  for (let c = 0x20; c <= 0x7e; c++) points.push(c);
  for (let c = 0xa0; c <= 0xff; c++) points.push(c);
  for (let c = 0x391; c <= 0x3c9; c++) points.push(c);
  for (let c = 0x2070; c <= 0x2089; c++) points.push(c);
  points.push(0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x2009, 0x2212, 0x2248, 0x2264, 0x2265, 0x2190, 0x2192, 0x2211);
  return points;
}
