import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, tabulatedCodePoints, type FontWeight } from '../../../viz/text/font.js';
import { FONT_METRICS } from '../../../viz/text/font-metrics.generated.js';
import { textWidth } from '../../../viz/text/measure.js';
import { readTtfMetrics } from '../../../viz/text/ttf-metrics.js';

describe('font metrics', () => {
  it.each(['regular', 'semibold'] as FontWeight[])('readTtfMetrics(%s) matches the generated width table (rerun viz/text/generate-metrics.ts if not)', (weight) => {
    const bytes = readFileSync(new URL(`../../../viz/fonts/${FONT_FILES[weight]}`, import.meta.url));
    const metrics = readTtfMetrics(bytes, tabulatedCodePoints());
    const table = FONT_METRICS.advances[weight];
    expect(metrics.unitsPerEm).toBe(FONT_METRICS.unitsPerEm);
    expect([...metrics.advances.keys()]).toEqual([...table.codePoints]);
    expect([...metrics.advances.values()]).toEqual([...table.widths]);
  });

  it('readTtfMetrics maps every printable ASCII character', () => {
    const ascii = FONT_METRICS.advances.regular.codePoints.filter((c) => c >= 0x20 && c <= 0x7e);
    expect(ascii).toHaveLength(95);
  });
});

describe('textWidth', () => {
  it('textWidth is additive over concatenation and proportional to the size', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.double({ min: 1, max: 50, noNaN: true }), (a, b, size) => {
        expect(textWidth(a + b, size)).toBeCloseTo(textWidth(a, size) + textWidth(b, size), 9);
        expect(textWidth(a, 2 * size)).toBeCloseTo(2 * textWidth(a, size), 9);
      }),
    );
  });

  it('textWidth tells narrow glyphs from wide ones and semibold from regular', () => {
    expect(textWidth('iiii', 10)).toBeLessThan(textWidth('MMMM', 10) / 2);
    expect(textWidth('Landfill', 10, 'semibold')).toBeGreaterThan(textWidth('Landfill', 10, 'regular'));
    // Source Sans 3 sets its (tabular) figures at 497 units per em: four digits at 10 pt are 19.88 pt wide.
    expect(textWidth('2030', 10)).toBeCloseTo(19.88, 9);
  });
});
