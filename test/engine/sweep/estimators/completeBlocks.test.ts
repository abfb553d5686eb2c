import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeBlocks, keepBlocks } from '../../../../engine/sweep/estimators/completeBlocks.js';

describe('completeBlocks', () => {
  it('completeBlocks(status, 3) keeps the blocks in which every run succeeded', () => {
    expect(Array.from(completeBlocks(Uint8Array.of(0, 0, 0, 0, 2, 0, 0, 0, 9), 3))).toEqual([1, 0, 0]);
    expect(() => completeBlocks(new Uint8Array(7), 3)).toThrow('options.blockRuns must be a positive integer that divides the 7 runs (got 3)');
  });

  it('keepBlocks(values, width, blockRuns, keep) holds the rows of the kept blocks, in order, and no row of a dropped one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (width, blockRuns, flags) => {
        const keep = Uint8Array.from(flags, Number);
        // Each value names its block.
        const values = Float64Array.from({ length: flags.length * blockRuns * width }, (_, at) => Math.floor(at / (blockRuns * width)));
        const kept = keepBlocks(values, width, blockRuns, keep);
        const blocks = flags.flatMap((flag, block) => (flag ? [block] : []));
        expect(Array.from(kept)).toEqual(blocks.flatMap((block) => new Array<number>(blockRuns * width).fill(block)));
      }),
    );
  });
});
