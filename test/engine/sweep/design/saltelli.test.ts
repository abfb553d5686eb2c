import { describe, expect, it } from 'vitest';
import { designRows } from '../../../../engine/sweep/design/design.js';
import { saltelliDesign } from '../../../../engine/sweep/design/saltelli.js';
import { sobolDesign } from '../../../../engine/sweep/design/sobol.js';
import { expectBlocksMatchWhole } from './designContract.js';

describe('saltelliDesign', () => {
  it('saltelliDesign has N(2d + 2) runs with second order and N(d + 2) without', () => {
    expect(saltelliDesign({ factors: 3, baseSize: 16 }).size).toBe(16 * 8);
    expect(saltelliDesign({ factors: 3, baseSize: 16, secondOrder: false }).size).toBe(16 * 5);
  });

  it('saltelliDesign lays out A, AB_1…AB_d, BA_1…BA_d, B per base point of a 2d-dimensional Sobol’ sequence, as SALib', () => {
    const factors = 3;
    for (const secondOrder of [true, false]) {
      const base = designRows(sobolDesign({ dimensions: 2 * factors, size: 8, seed: 5 }));
      const runs = designRows(saltelliDesign({ factors, baseSize: 8, seed: 5, secondOrder }));
      const step = secondOrder ? 2 * factors + 2 : factors + 2;
      for (let j = 0; j < 8; j++) {
        const a = Array.from(base.subarray(j * 2 * factors, j * 2 * factors + factors));
        const b = Array.from(base.subarray(j * 2 * factors + factors, (j + 1) * 2 * factors));
        const run = (k: number) => Array.from(runs.subarray((j * step + k) * factors, (j * step + k + 1) * factors));
        expect(run(0)).toEqual(a);
        expect(run(step - 1)).toEqual(b);
        for (let i = 0; i < factors; i++) {
          expect(run(1 + i)).toEqual(a.map((value, column) => (column === i ? b[column] : value)));
          if (secondOrder) expect(run(1 + factors + i)).toEqual(b.map((value, column) => (column === i ? a[column] : value)));
        }
      }
    }
  });

  it('saltelliDesign gives the same runs in any blocks, with and without second order', () => {
    expectBlocksMatchWhole(saltelliDesign({ factors: 4, baseSize: 32, seed: 1 }));
    expectBlocksMatchWhole(saltelliDesign({ factors: 2, baseSize: 20, secondOrder: false, scramble: false, skip: 4 }));
  });

  it('saltelliDesign rejects more factors than half the Sobol’ dimensions it stores', () => {
    expect(() => saltelliDesign({ factors: 556, baseSize: 4 })).toThrow('options.factors must be an integer in [1, 555] (got 556)');
    expect(saltelliDesign({ factors: 555, baseSize: 2 }).size).toBe(2 * 1112);
  });
});
