import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { sankeyHasBands, sankeySvg, type SankeyInput, type SankeyOptions } from '../../../viz/index.js';
import { sankeyScene } from '../../../viz/sankey/scene.js';
import { expectGolden, longestDecimals } from '../golden.js';
import { labelConflicts } from './label-geometry.js';
import { cityWithLoopAndStocks, imbalance, layeredNetwork, longLabel, singleNode, zeroAndTinyFlows } from '../fixtures/sankey-inputs.js';

const GOLDEN_CASES: [string, () => SankeyInput, SankeyOptions][] = [
  ['sankey-loop-and-stocks', cityWithLoopAndStocks, {}],
  ['sankey-zero-and-tiny-flows', zeroAndTinyFlows, { minFlow: 0.1 }],
  ['sankey-single-node', singleNode, { width: 'single' }],
  ['sankey-long-label', longLabel, { width: 'single' }],
  ['sankey-imbalance', imbalance, {}],
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

describe('sankeySvg', () => {
  it.each(GOLDEN_CASES)('sankeySvg(%s) matches its golden SVG', (name, make, options) => {
    const figure = sankeySvg(make(), options);
    expect(longestDecimals(figure.svg)).toBeLessThanOrEqual(3);
    expectGolden(name, figure.svg);
  });

  it.each(GOLDEN_CASES)('sankeySvg(%s) places labels that overlap no other label, node or band', (_, make, options) => {
    const scene = sankeyScene(make(), options);
    expect(labelConflicts(scene)).toEqual([]);
    expect(scene.labels.overlapping).toBe(0);
    expect(scene.labels.obstructed).toBe(0);
  });

  it('sankeySvg(network) places labels that overlap no other label, node or band, for networks of up to 40 processes with loops and stocks, at either width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.constantFrom('single', 'double'), (nodes, seed, width: 'single' | 'double') => {
        const scene = sankeyScene(layeredNetwork(nodes, seed), { width });
        expect(labelConflicts(scene)).toEqual([]);
        expect(scene.labels.obstructed + scene.labels.overlapping).toBe(0);
        expect(sankeySvg(layeredNetwork(nodes, seed), { width }).imbalances).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('sankeySvg(longLabel) at single width wraps the 60-character name above its node, the diagram moving down to make room', () => {
    const figure = sankeySvg(longLabel(), { width: 'single' });
    const label = figure.labels.find((candidate) => candidate.id === 'node:sorting')!;
    expect(label.block.lines.length).toBeGreaterThan(1);
    expect(label.leader).toBeUndefined();
    expect(label.keyed).toBe(false);
    expect(figure.svg).toMatch(/<g transform="translate\(0 [\d.]+\)">/);
    const scene = sankeyScene(longLabel(), { width: 'single' });
    const node = scene.geometry.layout.nodes[0];
    const placed = scene.labels.placed.find((candidate) => candidate.id === 'node:sorting')!;
    expect(placed.box.y1).toBeLessThanOrEqual(node.y0);
  });

  it('sankeySvg(city) puts a key number next to a node whose label fits nowhere near it, and lists the label under the diagram', () => {
    const figure = sankeySvg(cityWithLoopAndStocks());
    expect(figure.keys).toEqual([{ key: '1', text: 'Recycling 691 t/yr', color: undefined }]);
    expect(figure.labels.find((label) => label.id === 'node:recycling')).toMatchObject({ keyed: true, leader: undefined });
    expect(figure.svg).toContain('>Recycling 691 t/yr</text>');
  });

  it('sankeySvg is deterministic and leaves its input untouched', () => {
    const input = deepFreeze(cityWithLoopAndStocks());
    expect(sankeySvg(input).svg).toBe(sankeySvg(input).svg);
  });

  it('sankeySvg(city) routes the recycling loop under the diagram and shows both stocks', () => {
    const figure = sankeySvg(cityWithLoopAndStocks());
    expect(figure.backwardFlows).toEqual(['Recycling -> Market']);
    expect(figure.svg).toContain('>in use +181 t/yr</text>');
    expect(figure.svg).toContain('>level 5.4 kt</text>');
    expect(figure.svg).toContain('>landfilled +906 t/yr</text>');
    expect(figure.svg).toContain('>553 t/yr</text>');
    expect(figure.imbalances).toEqual([]);
  });

  it('sankeySvg states title, year, scenario and unit as text', () => {
    const { svg } = sankeySvg(cityWithLoopAndStocks());
    expect(svg).toContain('>Municipal solid waste of an example city</text>');
    expect(svg).toContain('>2030 · scenario status quo · flows in t/yr</text>');
    expect(svg).toMatch(/<svg [^>]*width="175mm"/);
    expect(svg).toContain('font-family="Source Sans 3"');
  });

  it('sankeySvg(imbalance) draws and reports the residual instead of hiding it', () => {
    const figure = sankeySvg(imbalance());
    expect(figure.imbalances).toEqual([{ process: 'collection', residual: 30 }]);
    expect(figure.svg).toContain('>imbalance +30 t/yr</text>');
    expect(figure.svg).toContain('Mass imbalance at collection: +30 t/yr');
    expect(figure.svg).toContain('fill="#E31A1C"');
  });

  it('sankeySvg with minFlow hides small flows, says how many, and still draws tiny ones above it', () => {
    const figure = sankeySvg(zeroAndTinyFlows(), { minFlow: 0.1, minWidth: 0.6 });
    expect(figure.hiddenFlows).toBe(1);
    expect(figure.svg).toContain('>1 flow below 0.1 t not drawn.</text>');
    const widths = [...figure.svg.matchAll(/stroke-width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(0.6);
    expect(sankeySvg(zeroAndTinyFlows()).hiddenFlows).toBe(0);
  });

  it('sankeySvg with a fixed unitsPerPoint draws at that scale, so panels compare', () => {
    const first = sankeySvg(cityWithLoopAndStocks());
    const second = sankeySvg(imbalance(), { unitsPerPoint: first.unitsPerPoint });
    expect(second.unitsPerPoint).toBeCloseTo(first.unitsPerPoint, 12);
    // 400 t from outside into households: a band as wide as 400 t at the first figure's scale.
    expect(second.svg).toContain(`stroke-width="${Math.round((400 / first.unitsPerPoint) * 1000) / 1000}"`);
  });

  it('sankeySvg rejects unknown processes and bad options with messages that name them', () => {
    const input = { ...imbalance(), flows: [{ from: 'outside', to: 'landfil', value: 1 }] };
    expect(() => sankeySvg(input)).toThrow(OptionsError);
    expect(() => sankeySvg(input)).toThrow("options.flows[0].to must name a process or 'outside': unknown process: landfil (did you mean 'landfill'");
    expect(() => sankeySvg(imbalance(), { minFlow: -1 })).toThrow('options.minFlow must be a non-negative finite number');
    expect(() => sankeySvg(imbalance(), { colorBy: 'material' as 'item' })).toThrow('options.colorBy must be one of item, source, target');
    expect(() => sankeySvg({ ...imbalance(), flows: [{ from: 'outside', to: 'households', value: -5 }] })).toThrow('options.flows[0].value must be a finite, non-negative number');
  });

  it('sankeySvg of a year where nothing moves is a clear OptionsError, and sankeyHasBands says so beforehand', () => {
    const still = { ...imbalance(), flows: [{ from: 'outside', to: 'households', value: 0 }], stocks: [] };
    expect(sankeyHasBands(still)).toBe(false);
    expect(() => sankeySvg(still)).toThrow(OptionsError);
    expect(() => sankeySvg(still)).toThrow('options.flows must hold one of at least minFlow (0) and above zero');
    const small = { ...still, flows: [{ from: 'outside', to: 'households', value: 2 }] };
    expect(sankeyHasBands(small)).toBe(true);
    expect(sankeyHasBands(small, 5)).toBe(false);
    expect(() => sankeySvg(small, { minFlow: 5 })).toThrow(OptionsError);
  });
});
