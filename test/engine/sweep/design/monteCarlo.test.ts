import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../../engine/random/streams.js';
import { uniformAt } from '../../../../engine/random/uniform.js';
import { designRows } from '../../../../engine/sweep/design/design.js';
import { monteCarloDesign } from '../../../../engine/sweep/design/monteCarlo.js';
import { expectBlocksMatchWhole, expectUnitCoordinates } from './designContract.js';

describe('monteCarloDesign', () => {
  it('monteCarloDesign row i, column j is draw j of sample i in the Monte Carlo stream', () => {
    const design = monteCarloDesign({ dimensions: 3, size: 50, seed: 42 });
    const rows = designRows(design);
    for (let row = 0; row < 50; row++) {
      for (let j = 0; j < 3; j++) expect(rows[row * 3 + j]).toBe(uniformAt(42, row, RandomStream.monteCarlo, j));
    }
  });

  it('monteCarloDesign gives the same rows in any blocks, strictly inside (0, 1)', () => {
    const design = monteCarloDesign({ dimensions: 4, size: 300, seed: 9 });
    expectBlocksMatchWhole(design);
    expectUnitCoordinates(design, true);
  });

  it('monteCarloDesign rejects a fractional size and a negative seed', () => {
    expect(() => monteCarloDesign({ dimensions: 2, size: 1.5, seed: 0 })).toThrow('options.size must be an integer');
    expect(() => monteCarloDesign({ dimensions: 2, size: 4, seed: -3 })).toThrow('options.seed must be an integer');
  });
});
