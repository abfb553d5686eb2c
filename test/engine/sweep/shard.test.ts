import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardRange } from '../../../engine/sweep/shard.js';

describe('shard', () => {
  it('shardRange(N, k/K) for k = 0 … K−1 tiles [0, N) in order, slices differing by at most one run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 1000 }), (runs, count) => {
        const ranges = Array.from({ length: count }, (_, index) => shardRange(runs, { index, count }));
        expect(ranges[0].from).toBe(0);
        expect(ranges[count - 1].to).toBe(runs);
        for (let k = 1; k < count; k++) expect(ranges[k].from).toBe(ranges[k - 1].to);
        const sizes = ranges.map((range) => range.to - range.from);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('parseShard reads k/K and names the option when k is not below K', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(() => parseShard('8/8')).toThrow('options.shard must be k/K with K ≥ 1 and 0 ≤ k < K, e.g. 0/4 (got "8/8")');
    expect(() => parseShard('1-4')).toThrow(/options.shard/);
  });
});
