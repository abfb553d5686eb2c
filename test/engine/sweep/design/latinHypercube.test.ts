import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designRows } from '../../../../engine/sweep/design/design.js';
import { latinHypercubeDesign } from '../../../../engine/sweep/design/latinHypercube.js';
import { expectBlocksMatchWhole, expectUnitCoordinates } from './designContract.js';

describe('latinHypercubeDesign', () => {
  it('latinHypercubeDesign puts exactly one point in each of the n strata of every factor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (size, dimensions, seed) => {
        const rows = designRows(latinHypercubeDesign({ dimensions, size, seed }));
        for (let factor = 0; factor < dimensions; factor++) {
          const filled = new Uint8Array(size);
          for (let row = 0; row < size; row++) filled[Math.floor(rows[row * dimensions + factor] * size)]++;
          expect(filled.every((count) => count === 1)).toBe(true);
        }
      }),
    );
  });

  it('latinHypercubeDesign gives the same rows in any blocks, strictly inside (0, 1)', () => {
    const design = latinHypercubeDesign({ dimensions: 3, size: 257, seed: 4 });
    expectBlocksMatchWhole(design);
    expectUnitCoordinates(design, true);
  });

  it('latinHypercubeDesign with another seed gives other permutations', () => {
    const first = designRows(latinHypercubeDesign({ dimensions: 2, size: 64, seed: 1 }));
    const second = designRows(latinHypercubeDesign({ dimensions: 2, size: 64, seed: 2 }));
    const strata = (rows: Float64Array) => Array.from(rows, (value) => Math.floor(value * 64));
    expect(strata(first)).not.toEqual(strata(second));
  });
});
