import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyQ, applyQTranspose, leadingQ, pivotedQr, rEntry, solveR, solveRTranspose } from '../../../engine/numeric/pivotedQr.js';

/** A rows × columns column-major matrix of entries in [−10, 10], and a rank-`rank` product of two such. */
const matrices = fc
  .record({ rows: fc.integer({ min: 1, max: 7 }), columns: fc.integer({ min: 1, max: 7 }) })
  .chain(({ rows, columns }) =>
    fc.record({
      rows: fc.constant(rows),
      columns: fc.constant(columns),
      values: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: rows * columns, maxLength: rows * columns }),
    }),
  );

const lowRank = fc
  .record({ rows: fc.integer({ min: 3, max: 7 }), columns: fc.integer({ min: 3, max: 7 }), rank: fc.integer({ min: 1, max: 2 }) })
  .chain(({ rows, columns, rank }) =>
    fc.record({
      rows: fc.constant(rows),
      columns: fc.constant(columns),
      rank: fc.constant(rank),
      left: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: rows * rank, maxLength: rows * rank }),
      right: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: rank * columns, maxLength: rank * columns }),
    }),
  );

describe('pivotedQr', () => {
  it('pivotedQr(A) reproduces A·P = Q·R with Q orthogonal', () => {
    fc.assert(
      fc.property(matrices, ({ rows, columns, values }) => {
        const qr = pivotedQr(Float64Array.from(values), rows, columns, 0);
        const norm = Math.sqrt(values.reduce((s, x) => s + x * x, 0));
        for (let k = 0; k < columns; k++) {
          // Column k of R (its first rank entries), times Q, is column permutation[k] of A.
          const column = new Float64Array(rows);
          for (let i = 0; i < Math.min(qr.rank, k + 1); i++) column[i] = rEntry(qr, i, k);
          applyQ(qr, column);
          const original = qr.permutation[k];
          for (let i = 0; i < rows; i++) expect(Math.abs(column[i] - values[original * rows + i])).toBeLessThanOrEqual(1e-12 * (norm + 1));
        }
        const q = leadingQ(qr);
        for (let a = 0; a < qr.rank; a++) {
          for (let b = 0; b < qr.rank; b++) {
            let dot = 0;
            for (let i = 0; i < rows; i++) dot += q[a * rows + i] * q[b * rows + i];
            expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
          }
        }
        // |R_kk| does not increase along the diagonal: the pivoting brings the largest first.
        for (let k = 1; k < qr.rank; k++) expect(Math.abs(rEntry(qr, k, k))).toBeLessThanOrEqual(Math.abs(rEntry(qr, k - 1, k - 1)) * (1 + 1e-12));
      }),
    );
  });

  it('pivotedQr(A of rank r) stops after r steps', () => {
    fc.assert(
      fc.property(lowRank, ({ rows, columns, rank, left, right }) => {
        const values = new Float64Array(rows * columns);
        for (let j = 0; j < columns; j++) for (let i = 0; i < rows; i++) for (let k = 0; k < rank; k++) values[j * rows + i] += left[k * rows + i] * right[j * rank + k];
        const norm = Math.sqrt(values.reduce((s, x) => s + x * x, 0));
        const qr = pivotedQr(values, rows, columns, 1e-10 * norm);
        // The product's rank is at most `rank`; it is less when a factor is degenerate.
        expect(qr.rank).toBeLessThanOrEqual(rank);
        if (norm === 0) expect(qr.rank).toBe(0);
      }),
    );
    const twoByThree = Float64Array.from([1, 2, 2, 4, 3, 6]);
    expect(pivotedQr(twoByThree, 2, 3, 1e-12).rank).toBe(1);
    // Columns (1, 0, 1), (0, 1, 1) and their sum.
    expect(pivotedQr(Float64Array.from([1, 0, 1, 0, 1, 1, 1, 1, 2]), 3, 3, 1e-12).rank).toBe(2);
  });

  it('applyQTranspose undoes applyQ, and solveR, solveRTranspose invert R11 and R11ᵀ', () => {
    const values = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5, 1, 1, 1]);
    const qr = pivotedQr(values, 4, 3, 0);
    expect(qr.rank).toBe(3);
    const vector = Float64Array.from([1, -2, 3, 0.5]);
    applyQ(qr, vector);
    applyQTranspose(qr, vector);
    [1, -2, 3, 0.5].forEach((x, i) => expect(vector[i]).toBeCloseTo(x, 14));
    const x = Float64Array.from([1, 2, 3]);
    const rx = new Float64Array(3);
    const rtx = new Float64Array(3);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i <= j) {
      rx[i] += rEntry(qr, i, j) * x[j];
      rtx[j] += rEntry(qr, i, j) * x[i];
    }
    solveR(qr, rx);
    solveRTranspose(qr, rtx);
    [1, 2, 3].forEach((value, i) => {
      expect(rx[i]).toBeCloseTo(value, 12);
      expect(rtx[i]).toBeCloseTo(value, 12);
    });
  });
});
