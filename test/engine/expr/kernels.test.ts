import { describe, expect, it } from 'vitest';
import { BINARY_KERNELS, UNARY_KERNELS, gather, select, sumInto } from '../../../engine/expr/kernels.js';

const run = (kernel: (a: Float64Array, b: Float64Array, out: Float64Array) => void, a: number[], b: number[]) => {
  const out = new Float64Array(a.length);
  kernel(Float64Array.from(a), Float64Array.from(b), out);
  return [...out];
};

describe('kernels', () => {
  it('BINARY_KERNELS compute each operator elementwise', () => {
    const a = [1, 6, -2];
    const b = [2, 3, 4];
    expect(run(BINARY_KERNELS.add, a, b)).toEqual([3, 9, 2]);
    expect(run(BINARY_KERNELS.subtract, a, b)).toEqual([-1, 3, -6]);
    expect(run(BINARY_KERNELS.multiply, a, b)).toEqual([2, 18, -8]);
    expect(run(BINARY_KERNELS.divide, a, b)).toEqual([0.5, 2, -0.5]);
    expect(run(BINARY_KERNELS.pow, a, b)).toEqual([1, 216, 16]);
    expect(run(BINARY_KERNELS.min, a, b)).toEqual([1, 3, -2]);
    expect(run(BINARY_KERNELS.max, a, b)).toEqual([2, 6, 4]);
  });

  it('BINARY_KERNELS comparisons and logic give NaN, not 0 or 1, when an operand is NaN', () => {
    for (const operator of ['smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal', 'and', 'or'] as const) {
      expect(run(BINARY_KERNELS[operator], [NaN, 1, NaN], [1, NaN, NaN]), operator).toEqual([NaN, NaN, NaN]);
    }
    expect(run(BINARY_KERNELS.and, [0, 2, 3], [5, 0, -1])).toEqual([0, 0, 1]);
    expect(run(BINARY_KERNELS.or, [0, 0, 3], [0, -1, 0])).toEqual([0, 1, 1]);
  });

  it('UNARY_KERNELS negate, not, exp, log, sqrt and abs elementwise', () => {
    const apply = (operator: keyof typeof UNARY_KERNELS, values: number[]) => {
      const out = new Float64Array(values.length);
      UNARY_KERNELS[operator](Float64Array.from(values), out);
      return [...out];
    };
    expect(apply('negate', [1, -2])).toEqual([-1, 2]);
    expect(apply('not', [0, 3, NaN])).toEqual([1, 0, NaN]);
    expect(apply('exp', [0, 1])).toEqual([1, Math.E]);
    expect(apply('log', [1, Math.E])).toEqual([0, 1]);
    expect(apply('sqrt', [4, -1])).toEqual([2, NaN]);
    expect(apply('abs', [-3, 3])).toEqual([3, 3]);
  });

  it('select(condition, a, b) takes a where the condition is nonzero, b where zero, NaN where NaN', () => {
    const out = new Float64Array(4);
    select(Float64Array.of(1, 0, -2, NaN), Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), out);
    expect([...out]).toEqual([1, 6, 3, NaN]);
  });

  it('gather(source, size, map, out) broadcasts every year through the item map', () => {
    // two years of a series over 2 items onto 3 items: map [1, 0, 1]
    const out = new Float64Array(6);
    gather(Float64Array.of(10, 20, 30, 40), 2, Int32Array.of(1, 0, 1), out);
    expect([...out]).toEqual([20, 10, 20, 40, 30, 40]);
  });

  it('sumInto(source, map, out, outSize) adds every item into its target, year by year, overwriting out', () => {
    const out = new Float64Array(4).fill(99);
    sumInto(Float64Array.of(1, 2, 3, 4, 5, 6), Int32Array.of(0, 1, 0), out, 2);
    expect([...out]).toEqual([4, 2, 10, 5]);
  });
});
