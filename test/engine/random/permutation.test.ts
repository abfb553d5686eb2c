import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMUTATION_KEY_WORDS, permutationKeys, permutedIndex } from '../../../engine/random/permutation.js';
import { CHI_SQUARE_99_AT_0_999, chiSquareUniform } from './statistics.js';

function keysFor(seed: number, index: number): Uint32Array {
  const keys = new Uint32Array(PERMUTATION_KEY_WORDS);
  permutationKeys(seed, index, 3, keys, 0);
  return keys;
}

describe('permutedIndex', () => {
  it('permutedIndex(·, n, keys) is a permutation of [0, n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), fc.nat(), (n, seed, index) => {
        const keys = keysFor(seed, index);
        const seen = new Uint8Array(n);
        for (let position = 0; position < n; position++) {
          const image = permutedIndex(position, n, keys, 0);
          expect(Number.isInteger(image) && image >= 0 && image < n).toBe(true);
          expect(seen[image]).toBe(0);
          seen[image] = 1;
        }
      }),
    );
  });

  it('permutedIndex works at the largest size, 2^32', () => {
    const keys = keysFor(5, 0);
    const images = [0, 1, 2 ** 31, 2 ** 32 - 1].map((position) => permutedIndex(position, 2 ** 32, keys, 0));
    expect(new Set(images).size).toBe(4);
    for (const image of images) expect(image >= 0 && image < 2 ** 32).toBe(true);
  });

  it('permutedIndex sends position 0 to each of 100 places equally often over 100,000 keys (χ², 0.001 level)', () => {
    const counts = new Uint32Array(100);
    for (let index = 0; index < 100_000; index++) counts[permutedIndex(0, 100, keysFor(17, index), 0)]++;
    expect(chiSquareUniform(counts)).toBeLessThan(CHI_SQUARE_99_AT_0_999);
  });
});
