import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../../engine/errors.js';
import { designRows } from '../../../../engine/sweep/design/design.js';
import { sobolDesign } from '../../../../engine/sweep/design/sobol.js';
import { chiSquareUniform, kolmogorovSmirnovCritical, kolmogorovSmirnovUniform } from '../../random/statistics.js';
import { expectBlocksMatchWhole, expectUnitCoordinates } from './designContract.js';

interface SciPyFixture {
  readonly first64InDimensions1to10: number[][];
  readonly first16InDimensions996to1111: number[][];
  readonly points1048573to1048580InDimensions1to10: number[][];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/sweep/sobol-scipy.json', import.meta.url), 'utf8'),
) as SciPyFixture;

function columns(rows: Float64Array, dimensions: number, from: number, to: number): number[][] {
  const points: number[][] = [];
  for (let row = 0; row < rows.length / dimensions; row++) points.push(Array.from(rows.subarray(row * dimensions + from, row * dimensions + to)));
  return points;
}

/** For every split m = a + b, each box of 2^−a × 2^−b holds exactly one of the 2^m points. */
function expectZeroMTwoNet(points: number[][], m: number): void {
  for (let a = 0; a <= m; a++) {
    const b = m - a;
    const counts = new Uint32Array(2 ** m);
    for (const [x, y] of points) counts[Math.floor(x * 2 ** a) * 2 ** b + Math.floor(y * 2 ** b)]++;
    expect(counts.every((count) => count === 1), `boxes 2^-${a} × 2^-${b}`).toBe(true);
  }
}

describe('sobolDesign, unscrambled', () => {
  it('sobolDesign starts with the well-known points 0; ½; (¾, ¼); (¼, ¾); (⅜, ⅜); (⅞, ⅞); (⅝, ⅛); (⅛, ⅝)', () => {
    const rows = designRows(sobolDesign({ dimensions: 2, size: 8, scramble: false }));
    expect(Array.from(rows)).toEqual([0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75, 0.375, 0.375, 0.875, 0.875, 0.625, 0.125, 0.125, 0.625]);
  });

  it('sobolDesign equals SciPy’s qmc.Sobol exactly: 64 points in dimensions 1–10', () => {
    const rows = designRows(sobolDesign({ dimensions: 10, size: 64, scramble: false }));
    expect(columns(rows, 10, 0, 10)).toEqual(fixture.first64InDimensions1to10);
  });

  it('sobolDesign equals SciPy’s qmc.Sobol exactly in dimensions 996–1111, the last it stores', () => {
    const rows = designRows(sobolDesign({ dimensions: 1111, size: 16, scramble: false }));
    expect(columns(rows, 1111, 995, 1111)).toEqual(fixture.first16InDimensions996to1111);
  });

  it('sobolDesign(skip 2^20 − 3) computes points 1,048,573 … directly, as SciPy’s fast_forward', () => {
    const rows = designRows(sobolDesign({ dimensions: 10, size: 8, scramble: false, skip: 2 ** 20 - 3 }));
    expect(columns(rows, 10, 0, 10)).toEqual(fixture.points1048573to1048580InDimensions1to10);
  });

  it('sobolDesign gives the same rows in any blocks', () => {
    expectBlocksMatchWhole(sobolDesign({ dimensions: 7, size: 300, scramble: false }));
  });

  it('sobolDesign rejects more dimensions than the Joe–Kuo table stores and more than 2^32 points', () => {
    expect(() => sobolDesign({ dimensions: 1112, size: 4 })).toThrow(OptionsError);
    expect(() => sobolDesign({ dimensions: 2, size: 2 ** 31, skip: 2 ** 31 + 1, scramble: false })).toThrow(/^options\.size plus skip/);
  });
});

describe('sobolDesign, Owen-scrambled', () => {
  it('sobolDesign keeps the (0, m, 2)-net of dimensions 1 and 2 after scrambling (m = 8)', () => {
    for (const seed of [0, 1, 99]) {
      const rows = designRows(sobolDesign({ dimensions: 2, size: 256, seed }));
      expectZeroMTwoNet(columns(rows, 2, 0, 2), 8);
    }
  });

  it('sobolDesign puts one of the first 2^10 scrambled points in each interval of width 2^-10, in all 40 dimensions', () => {
    const rows = designRows(sobolDesign({ dimensions: 40, size: 1024, seed: 3 }));
    for (let dimension = 0; dimension < 40; dimension++) {
      const counts = new Uint32Array(1024);
      for (let row = 0; row < 1024; row++) counts[Math.floor(rows[row * 40 + dimension] * 1024)]++;
      expect(counts.every((count) => count === 1), `dimension ${dimension + 1}`).toBe(true);
    }
  });

  it('sobolDesign makes each scrambled point uniform: point 5 of 4,000 seeds passes KS and χ² at the 0.001 level', () => {
    const values = Float64Array.from({ length: 4000 }, (_, seed) => designRows(sobolDesign({ dimensions: 3, size: 6, seed }), 5, 6)[2]);
    expect(kolmogorovSmirnovUniform(values)).toBeLessThan(kolmogorovSmirnovCritical(values.length));
    const counts = new Uint32Array(100);
    for (const value of values) counts[Math.floor(value * 100)]++;
    expect(chiSquareUniform(counts)).toBeLessThan(148.23);
  });

  it('sobolDesign integrates Π 2x_i over [0,1]^5 with 2^12 scrambled points to RMS error < 1e-3 (Monte Carlo’s is ≈ 0.018)', () => {
    let squares = 0;
    for (let seed = 0; seed < 10; seed++) {
      const rows = designRows(sobolDesign({ dimensions: 5, size: 4096, seed }));
      let sum = 0;
      for (let row = 0; row < 4096; row++) {
        let product = 1;
        for (let j = 0; j < 5; j++) product *= 2 * rows[row * 5 + j];
        sum += product;
      }
      squares += (sum / 4096 - 1) ** 2;
    }
    expect(Math.sqrt(squares / 10)).toBeLessThan(1e-3);
  });

  it('sobolDesign gives the same scrambled rows in any blocks, strictly inside (0, 1), and other rows for another seed', () => {
    const design = sobolDesign({ dimensions: 5, size: 200, seed: 12 });
    expectBlocksMatchWhole(design);
    expectUnitCoordinates(design, true);
    expect(designRows(design)).not.toEqual(designRows(sobolDesign({ dimensions: 5, size: 200, seed: 13 })));
  });
});
