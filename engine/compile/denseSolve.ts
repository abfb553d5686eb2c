/**
 * Solves the n×n system M x = b in place by Gaussian elimination with partial pivoting.
 * `matrix` is row-major (n*n) and is destroyed; `rhs` (length n) is overwritten with x.
 * Returns false when a pivot is below `singularTolerance` times the largest entry, which for a
 * transfer system (I − S·diag(α)) means a loop that never leaks: mass would circulate forever.
 * Recycling loops are small (a handful of processes), so a dense solve is the fast choice.
 */
export function solveDenseInPlace(matrix: Float64Array, rhs: Float64Array, n: number, singularTolerance = 1e-12): boolean {
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(matrix[i]));
  const threshold = singularTolerance * (scale > 0 ? scale : 1);
  for (let column = 0; column < n; column++) {
    let pivotRow = column;
    let pivotSize = Math.abs(matrix[column * n + column]);
    for (let row = column + 1; row < n; row++) {
      const size = Math.abs(matrix[row * n + column]);
      if (size > pivotSize) {
        pivotSize = size;
        pivotRow = row;
      }
    }
    if (!(pivotSize > threshold)) return false;
    if (pivotRow !== column) {
      for (let k = column; k < n; k++) {
        const swap = matrix[column * n + k];
        matrix[column * n + k] = matrix[pivotRow * n + k];
        matrix[pivotRow * n + k] = swap;
      }
      const swap = rhs[column];
      rhs[column] = rhs[pivotRow];
      rhs[pivotRow] = swap;
    }
    const pivot = matrix[column * n + column];
    for (let row = column + 1; row < n; row++) {
      const factor = matrix[row * n + column] / pivot;
      if (factor === 0) continue;
      for (let k = column; k < n; k++) matrix[row * n + k] -= factor * matrix[column * n + k];
      rhs[row] -= factor * rhs[column];
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let sum = rhs[row];
    for (let k = row + 1; k < n; k++) sum -= matrix[row * n + k] * rhs[k];
    rhs[row] = sum / matrix[row * n + row];
  }
  return true;
}
