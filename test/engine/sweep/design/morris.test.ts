import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designRows } from '../../../../engine/sweep/design/design.js';
import { morrisDesign } from '../../../../engine/sweep/design/morris.js';
import { expectBlocksMatchWhole, expectUnitCoordinates } from './designContract.js';

/** Checks the shape of every trajectory and returns the starting level index of each factor. */
function expectTrajectories(rows: Float64Array, factors: number, levels: number, level: (k: number) => number, jump: number): number[] {
  const starts: number[] = [];
  const grid = Array.from({ length: levels }, (_, k) => level(k));
  const trajectories = rows.length / ((factors + 1) * factors);
  for (let t = 0; t < trajectories; t++) {
    const point = (i: number) => rows.subarray((t * (factors + 1) + i) * factors, (t * (factors + 1) + i + 1) * factors);
    const moved = new Set<number>();
    for (const value of point(0)) starts.push(grid.indexOf(value));
    for (let i = 0; i < factors; i++) {
      const before = point(i);
      const after = point(i + 1);
      const changed = [...Array(factors).keys()].filter((j) => before[j] !== after[j]);
      expect(changed).toHaveLength(1);
      expect(moved.has(changed[0])).toBe(false);
      moved.add(changed[0]);
      expect(Math.abs(after[changed[0]] - before[changed[0]])).toBeCloseTo(jump, 14);
      for (const value of after) expect(grid).toContain(value);
    }
  }
  return starts;
}

describe('morrisDesign', () => {
  it('morrisDesign trajectories move each factor once by Δ = p/(2(p − 1)) on the grid k/(p − 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (factors, trajectories, half, seed) => {
        const levels = 2 * half;
        const design = morrisDesign({ factors, trajectories, levels, seed });
        expect(design.size).toBe(trajectories * (factors + 1));
        expectTrajectories(designRows(design), factors, levels, (k) => k / (levels - 1), levels / (2 * (levels - 1)));
      }),
    );
  });

  it('morrisDesign with centred placement uses the stratum midpoints (k + ½)/p and a jump of ½', () => {
    const design = morrisDesign({ factors: 3, trajectories: 20, levels: 6, seed: 2, placement: 'centred' });
    expectTrajectories(designRows(design), 3, 6, (k) => (k + 0.5) / 6, 0.5);
    expectUnitCoordinates(design, true);
  });

  it('morrisDesign starts each factor at each of the p levels equally often (χ², 3 degrees of freedom, 0.001 level)', () => {
    const starts = expectTrajectories(designRows(morrisDesign({ factors: 2, trajectories: 4000, levels: 4, seed: 8 })), 2, 4, (k) => k / 3, 2 / 3);
    const counts = [0, 0, 0, 0];
    for (const start of starts) counts[start]++;
    const expected = starts.length / 4;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(16.27);
  });

  it('morrisDesign gives the same runs in any blocks, with and without candidate selection', () => {
    expectBlocksMatchWhole(morrisDesign({ factors: 5, trajectories: 12, seed: 3 }));
    expectBlocksMatchWhole(morrisDesign({ factors: 3, trajectories: 6, seed: 3, candidates: 30 }));
  });

  it('morrisDesign with candidates keeps trajectories more spread out than the first r candidates', () => {
    const spread = (rows: Float64Array, factors: number, count: number): number => {
      const stride = (factors + 1) * factors;
      let total = 0;
      for (let m = 0; m < count; m++) {
        for (let l = m + 1; l < count; l++) {
          let distance = 0;
          for (let i = 0; i <= factors; i++) {
            for (let j = 0; j <= factors; j++) {
              let sum = 0;
              for (let z = 0; z < factors; z++) sum += (rows[m * stride + i * factors + z] - rows[l * stride + j * factors + z]) ** 2;
              distance += Math.sqrt(sum);
            }
          }
          total += distance * distance;
        }
      }
      return total;
    };
    const plain = morrisDesign({ factors: 4, trajectories: 10, seed: 6 });
    const selected = morrisDesign({ factors: 4, trajectories: 10, seed: 6, candidates: 60 });
    expect(selected.candidateOf).toHaveLength(10);
    expect(spread(designRows(selected), 4, 10)).toBeGreaterThan(spread(designRows(plain), 4, 10));
    const all = designRows(morrisDesign({ factors: 4, trajectories: 60, seed: 6 }));
    const stride = 5 * 4;
    const rows = designRows(selected);
    selected.candidateOf.forEach((candidate, t) => {
      expect(rows.subarray(t * stride, (t + 1) * stride)).toEqual(all.subarray(candidate * stride, (candidate + 1) * stride));
    });
  });

  it('morrisDesign rejects an odd number of levels and fewer candidates than trajectories', () => {
    expect(() => morrisDesign({ factors: 2, trajectories: 4, levels: 5, seed: 0 })).toThrow('options.levels must be an even integer');
    expect(() => morrisDesign({ factors: 2, trajectories: 4, candidates: 3, seed: 0 })).toThrow('options.candidates must be an integer of at least 4 (got 3)');
    expect(() => morrisDesign({ factors: 2, trajectories: 4, seed: 0, placement: 'middle' as 'grid' })).toThrow('options.placement must be one of grid, centred');
  });
});
