/**
 * LU factorisation with partial pivoting of a dense n×n row-major matrix, and the matching solve.
 * A recycling loop's system (I − S·diag(α)) is usually the same every year (constant shares and
 * cohort-invariant lifetimes), so the simulator factorises once and solves every year with the
 * factors: O(n²) per year instead of O(n³).
 */

/**
 * Factorises `matrix` in place (L below the diagonal with unit diagonal, U on and above it) and
 * records row swaps in `pivots`. Returns false when a pivot is below `singularTolerance` times the
 * largest entry: for a transfer system that is a loop that never leaks, where mass would
 * circulate forever.
 */
export function luFactor(matrix: Float64Array, offset: number, pivots: Int32Array, pivotOffset: number, n: number, singularTolerance = 1e-12): boolean {
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(matrix[offset + i]));
  const threshold = singularTolerance * (scale > 0 ? scale : 1);
  for (let column = 0; column < n; column++) {
    let pivotRow = column;
    let pivotSize = Math.abs(matrix[offset + column * n + column]);
    for (let row = column + 1; row < n; row++) {
      const size = Math.abs(matrix[offset + row * n + column]);
      if (size > pivotSize) {
        pivotSize = size;
        pivotRow = row;
      }
    }
    if (!(pivotSize > threshold)) return false;
    pivots[pivotOffset + column] = pivotRow;
    if (pivotRow !== column) {
      for (let k = 0; k < n; k++) {
        const swap = matrix[offset + column * n + k];
        matrix[offset + column * n + k] = matrix[offset + pivotRow * n + k];
        matrix[offset + pivotRow * n + k] = swap;
      }
    }
    const pivot = matrix[offset + column * n + column];
    for (let row = column + 1; row < n; row++) {
      const factor = matrix[offset + row * n + column] / pivot;
      matrix[offset + row * n + column] = factor;
      if (factor === 0) continue;
      for (let k = column + 1; k < n; k++) matrix[offset + row * n + k] -= factor * matrix[offset + column * n + k];
    }
  }
  return true;
}

/** Solves with factors from luFactor: `rhs` (length n) is overwritten with x. */
export function luSolve(factors: Float64Array, offset: number, pivots: Int32Array, pivotOffset: number, rhs: Float64Array, n: number): void {
  for (let column = 0; column < n; column++) {
    const pivotRow = pivots[pivotOffset + column];
    if (pivotRow !== column) {
      const swap = rhs[column];
      rhs[column] = rhs[pivotRow];
      rhs[pivotRow] = swap;
    }
  }
  for (let row = 1; row < n; row++) {
    let sum = rhs[row];
    for (let k = 0; k < row; k++) sum -= factors[offset + row * n + k] * rhs[k];
    rhs[row] = sum;
  }
  for (let row = n - 1; row >= 0; row--) {
    let sum = rhs[row];
    for (let k = row + 1; k < n; k++) sum -= factors[offset + row * n + k] * rhs[k];
    rhs[row] = sum / factors[offset + row * n + row];
  }
}
