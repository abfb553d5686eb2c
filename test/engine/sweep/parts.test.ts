import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partSize, partsOf } from '../../../engine/sweep/parts.js';

describe('parts', () => {
  it('partSize(columns) is a power of two within [1, 2^16] holding at most 2^21 values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 7 }), (columns) => {
        const size = partSize(columns);
        expect(Math.log2(size) % 1).toBe(0);
        expect(size).toBeLessThanOrEqual(2 ** 16);
        if (size > 1) expect(size * columns).toBeLessThanOrEqual(2 ** 21);
      }),
    );
  });

  it('partsOf(range, size) covers the range with the grid cells it overlaps, cut to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 700 }), (a, b, size) => {
        const range = { from: Math.min(a, b), to: Math.max(a, b) };
        const parts = partsOf(range, size);
        let at = range.from;
        for (const part of parts) {
          expect(part.from).toBe(at);
          expect(Math.floor(part.from / size)).toBe(part.index);
          expect(Math.floor((part.to - 1) / size)).toBe(part.index);
          at = part.to;
        }
        expect(at).toBe(range.to);
      }),
    );
  });
});
