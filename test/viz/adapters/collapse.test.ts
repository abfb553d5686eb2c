import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSeries, itemSeries, spanValues } from '../../../viz/adapters/collapse.js';

const dimensions = [
  { name: 'region', items: ['north', 'south', 'east'] },
  { name: 'material', items: ['a', 'b'] },
];

describe('collapseSeries', () => {
  it('collapseSeries(values, [region, material], material) sums each material over the regions', () => {
    // One year; items row-major: (north,a) (north,b) (south,a) (south,b) (east,a) (east,b).
    const collapsed = collapseSeries(Float64Array.of(1, 2, 10, 20, 100, 200), ['region', 'material'], dimensions, 'material');
    expect(collapsed.items).toEqual(['a', 'b']);
    expect([...collapsed.values]).toEqual([111, 222]);
  });

  it('collapseSeries(values, [region, material], region) sums each region over the materials', () => {
    const collapsed = collapseSeries(Float64Array.of(1, 2, 10, 20, 100, 200), ['region', 'material'], dimensions, 'region');
    expect([...collapsed.values]).toEqual([3, 30, 300]);
  });

  it('collapseSeries keeps every year\'s total, whichever dimension it keeps', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 12, maxLength: 12 }), fc.constantFrom('region', 'material', undefined), (numbers, keep) => {
        const values = Float64Array.from(numbers);
        const collapsed = collapseSeries(values, ['region', 'material'], dimensions, keep);
        for (let t = 0; t < 2; t++) {
          const before = numbers.slice(t * 6, t * 6 + 6).reduce((a, b) => a + b, 0);
          const after = [...collapsed.values.slice(t * collapsed.size, (t + 1) * collapsed.size)].reduce((a, b) => a + b, 0);
          expect(after).toBe(before);
        }
      }),
    );
  });

  it('collapseSeries of a series without the kept dimension gives its total', () => {
    const collapsed = collapseSeries(Float64Array.of(1, 2, 3, 4, 5, 6), ['region'], dimensions, 'material');
    expect(collapsed.items).toBeUndefined();
    expect([...collapsed.values]).toEqual([6, 15]);
  });

  it('collapseSeries names an unknown dimension', () => {
    expect(() => collapseSeries(Float64Array.of(1), ['colour'], dimensions, undefined)).toThrow('unknown dimension: colour');
  });
});

describe('spanValues', () => {
  const series = collapseSeries(Float64Array.of(1, 10, 2, 20, 3, 30, 4, 40), ['material'], dimensions, 'material');

  it('spanValues(sum) adds the years of the span', () => {
    expect([...spanValues(series, { first: 1, last: 3, aggregate: 'sum' })]).toEqual([9, 90]);
  });

  it('spanValues(mean) averages the years of the span', () => {
    expect([...spanValues(series, { first: 0, last: 3, aggregate: 'mean' })]).toEqual([2.5, 25]);
  });

  it('itemSeries picks one item over every year', () => {
    expect([...itemSeries(series, 1)]).toEqual([10, 20, 30, 40]);
  });
});
