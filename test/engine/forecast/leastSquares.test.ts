import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../../engine/forecast/leastSquares.js';

/** The design [1, x] column-major. */
function lineDesign(xs: readonly number[]): Float64Array {
  return Float64Array.from([...xs.map(() => 1), ...xs]);
}

describe('leastSquares', () => {
  it('leastSquares([1, x], y) gives the closed-form line slope = Sxy/Sxx, intercept = ȳ − slope·x̄', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 20 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 20, maxLength: 20 }),
        (xs, ysAll) => {
          const n = xs.length;
          const ys = ysAll.slice(0, n);
          const meanX = xs.reduce((a, b) => a + b) / n;
          const meanY = ys.reduce((a, b) => a + b) / n;
          const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
          fc.pre(sxx > 1e-3 * n);
          const sxy = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i] - meanY), 0);
          const solution = leastSquares(lineDesign(xs), Float64Array.from(ys), n, 2);
          expect(solution).toBeDefined();
          const slope = sxy / sxx;
          expect(solution!.coefficients[1]).toBeCloseTo(slope, 8);
          expect(solution!.coefficients[0]).toBeCloseTo(meanY - slope * meanX, 6);
          // inverseGram·XᵀX = I, XᵀX = [n, Σx; Σx, Σx²].
          const sumX = n * meanX;
          const sumX2 = xs.reduce((sum, x) => sum + x * x, 0);
          const [a, b, c, d] = solution!.inverseGram;
          expect(b).toBe(c);
          expect(a * n + b * sumX).toBeCloseTo(1, 9);
          expect(a * sumX + b * sumX2).toBeCloseTo(0, 9);
          expect(c * sumX + d * sumX2).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it('leastSquares([1, year], y) keeps full accuracy for years around 2000', () => {
    // y = 3 + 0.5·(year − 2000) exactly: the normal equations would square cond([1, year]) ≈ 10⁴.
    const xs = [2001, 2003, 2004, 2008, 2010];
    const solution = leastSquares(lineDesign(xs), Float64Array.from(xs, (x) => 3 + 0.5 * (x - 2000)), 5, 2)!;
    expect(solution.coefficients[1]).toBeCloseTo(0.5, 12);
    expect(solution.coefficients[0]).toBeCloseTo(3 - 1000, 9);
  });

  it('leastSquares(design, y) is undefined when a column repeats another', () => {
    const design = Float64Array.of(1, 1, 1, 2, 2, 2);
    expect(leastSquares(design, Float64Array.of(1, 2, 3), 3, 2)).toBeUndefined();
  });
});
