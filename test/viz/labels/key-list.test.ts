import { describe, expect, it } from 'vitest';
import { keyListSvg } from '../../../viz/labels/key-list.js';

const entries = Array.from({ length: 7 }, (_, i) => ({ key: String(i + 1), text: `Process ${i + 1} 1.2 kt/yr` }));

/** x and y of every text element, in document order. */
function positions(svg: string): { x: number; y: number; text: string }[] {
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]), text: match[3] }));
}

describe('keyListSvg', () => {
  it('keyListSvg runs entries down as many columns as the width holds, each key before its text', () => {
    const { svg, height } = keyListSvg(entries, 0, 0, 240, 7);
    const keys = positions(svg).filter((item) => /^\d+$/.test(item.text));
    const columns = new Set(keys.map((item) => item.x));
    expect(columns.size).toBe(3);
    // Read down: 1, 2, 3 in the first column, 4, 5, 6 in the second.
    expect(keys.filter((item) => item.x === keys[0].x).map((item) => item.text)).toEqual(['1', '2', '3']);
    expect(height).toBeGreaterThan(0);
    expect(svg).toContain('>Process 7 1.2 kt/yr</text>');
  });

  it('keyListSvg wraps an entry wider than the width within it, and draws nothing for no entries', () => {
    const long = { key: '1', text: 'Mechanical-biological treatment and material recovery facility 500 t/yr' };
    const { svg } = keyListSvg([long], 0, 0, 120, 7);
    expect(positions(svg).length).toBeGreaterThan(2);
    expect(keyListSvg([], 0, 0, 120, 7)).toEqual({ svg: '', height: 0 });
  });
});
