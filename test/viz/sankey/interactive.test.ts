import { describe, expect, it } from 'vitest';
import { sankeySvg } from '../../../viz/index.js';
import { cityWithLoopAndStocks } from '../fixtures/sankey-inputs.js';

/** The options the interactive report draws its one layout with. */
describe('sankeySvg for a page that redraws it', () => {
  const input = cityWithLoopAndStocks();
  const texts = (svg: string) => [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((match) => match[1]);

  it('sankeySvg(input, { labelValues: false }) names nodes and stocks without values and labels no flow, the header keeping its unit', () => {
    const withValues = texts(sankeySvg(input).svg);
    const names = texts(sankeySvg(input, { labelValues: false }).svg);
    expect(withValues.some((text) => /\d kt\/yr$|\d t\/yr$/.test(text) && !text.startsWith('='))).toBe(true);
    expect(names.filter((text) => /\d (k?t)(\/yr)?$/.test(text) && !text.startsWith('='))).toEqual([]);
    for (const name of ['Market', 'Households', 'Recycling', 'in use', 'landfilled']) expect(names).toContain(name);
    expect(names).toContain('2030 · scenario status quo · flows in t/yr');
  });

  it('sankeySvg(input, { tagBands: true }) marks each band with its flow or stock and item, and draws the same otherwise', () => {
    const plain = sankeySvg(input).svg;
    const tagged = sankeySvg(input, { tagBands: true }).svg;
    expect(tagged.replace(/ data-[a-z]+="[^"]*"/g, '')).toBe(plain);
    const bands = [...tagged.matchAll(/<path [^>]*data-(flow|stock)="([^"]+)"[^>]*>/g)];
    // 11 flows of 5 materials; the households' stock gains 4 (no food kept), the landfill's 5.
    expect(bands.filter(([, kind]) => kind === 'flow')).toHaveLength(55);
    expect(bands.filter(([, kind, process]) => kind === 'stock' && process === 'households')).toHaveLength(4);
    expect(bands.filter(([, kind, process]) => kind === 'stock' && process === 'landfill')).toHaveLength(5);
    expect(tagged).toContain('data-flow="7" data-item="3"');
  });

  it('sankeySvg(a stock given releases beside its change) draws both, and states the net change', () => {
    const stocks = [{ process: 'households', name: 'in use', change: { paper: 10 }, releases: { paper: 4, metal: 2 }, level: 5400 }];
    const figure = sankeySvg({ ...input, stocks }, { tagBands: true });
    expect(figure.svg.match(/data-side="addition"/g)).toHaveLength(1);
    expect(figure.svg.match(/data-side="release"/g)).toHaveLength(2);
    expect(figure.svg).toContain('in use +4 t/yr');
  });
});
