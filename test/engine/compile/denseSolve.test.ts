import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLuPattern, fillLuPattern, luFactor, luSolveSparse } from '../../../engine/compile/denseSolve.js';

/** Solves M x = b with the factors, as the loop solver does (M destroyed, b overwritten). */
function solveDenseInPlace(matrix: Float64Array, rhs: Float64Array, n: number): boolean {
  const pivots = new Int32Array(n);
  if (!luFactor(matrix, 0, pivots, 0, n)) return false;
  const pattern = createLuPattern(n);
  fillLuPattern(matrix, 0, pivots, 0, n, pattern);
  luSolveSparse(pattern, rhs, 0);
  return true;
}

describe('luFactor and luSolveSparse', () => {
  it('luFactor(M) then luSolveSparse(b) solves a system that needs pivoting', () => {
    const matrix = Float64Array.from([0, 1, 1, 1]);
    const rhs = Float64Array.from([2, 3]);
    expect(solveDenseInPlace(matrix, rhs, 2)).toBe(true);
    expect([...rhs]).toEqual([1, 2]);
  });

  it('luFactor(M) reports a singular system (a loop that never leaks)', () => {
    // x1 = x2, x2 = x1: I − S with S a closed loop of shares 1
    expect(solveDenseInPlace(Float64Array.from([1, -1, -1, 1]), Float64Array.from([1, 0]), 2)).toBe(false);
  });

  it('luFactor(I − S) then luSolveSparse(b) returns x with (I − S) x = b for leaky share matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n * n, maxLength: n * n }), fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: n, maxLength: n }))), ([n, raw, b]) => {
        // Columns scaled to sum to at most 0.9: every process loses at least 10% out of the loop.
        const system = new Float64Array(n * n);
        for (let j = 0; j < n; j++) {
          let column = 0;
          for (let i = 0; i < n; i++) column += raw[i * n + j];
          for (let i = 0; i < n; i++) system[i * n + j] = (i === j ? 1 : 0) - (column > 0 ? (0.9 * raw[i * n + j]) / column : 0);
        }
        const x = Float64Array.from(b);
        expect(solveDenseInPlace(Float64Array.from(system), x, n)).toBe(true);
        for (let i = 0; i < n; i++) {
          let sum = 0;
          for (let j = 0; j < n; j++) sum += system[i * n + j] * x[j];
          expect(Math.abs(sum - b[i])).toBeLessThanOrEqual(1e-9 * (1 + Math.max(...b)));
        }
      }),
    );
  });

  it('luSolveSparse(pattern) with scattered positions solves in place what the contiguous solve gives, to the bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }), fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: n, maxLength: n }), fc.integer({ min: 1, max: 4 }))), ([n, entries, b, spacing]) => {
        const matrix = Float64Array.from(entries);
        const pivots = new Int32Array(n);
        if (!luFactor(matrix, 0, pivots, 0, n)) return;
        const contiguous = createLuPattern(n);
        fillLuPattern(matrix, 0, pivots, 0, n, contiguous);
        const expected = Float64Array.from(b);
        luSolveSparse(contiguous, expected, 0);
        // Row r at 3 + (n − 1 − r) · spacing: reversed and apart, with other values between.
        const positions = Int32Array.from({ length: n }, (_, r) => (n - 1 - r) * spacing);
        const scattered = createLuPattern(n, positions);
        fillLuPattern(matrix, 0, pivots, 0, n, scattered);
        const x = new Float64Array(3 + n * spacing).fill(-7);
        b.forEach((value, r) => (x[3 + positions[r]] = value));
        luSolveSparse(scattered, x, 3);
        for (let r = 0; r < n; r++) expect(Object.is(x[3 + positions[r]], expected[r])).toBe(true);
        x.forEach((value, i) => {
          if (i < 3 || !positions.includes(i - 3)) expect(value).toBe(-7);
        });
      }),
    );
  });
});
