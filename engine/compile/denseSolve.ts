/**
 * LU factorisation with partial pivoting of a dense n×n row-major matrix, and the matching solve
 * over the factors' non-zero pattern.
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

/**
 * The factors of a sparse matrix, compacted: a loop's share matrix has a few entries per row, and
 * so, mostly, do its factors. Per row, the columns and values of L (below the diagonal) and of U
 * (above it) that are not zero, and U's diagonal, so that luSolveSparse touches only those and reads
 * them in order.
 */
export interface LuPattern {
  /**
   * Where row r's unknown lives in the vector solved: at `offset + positions[r]` (rows apart, such
   * as a loop's members within a year of the transfer arrays, are solved where they are).
   */
  readonly positions: Int32Array;
  /**
   * Row r's L entries are lowerColumns / lowerValues[lowerStart[r] … lowerStart[r + 1]); likewise
   * for U. The columns are given as the positions of their unknowns.
   */
  readonly lowerStart: Int32Array;
  readonly lowerColumns: Int32Array;
  readonly lowerValues: Float64Array;
  readonly upperStart: Int32Array;
  readonly upperColumns: Int32Array;
  readonly upperValues: Float64Array;
  readonly diagonal: Float64Array;
  /**
   * The rows the solve must visit, as many as the counts say: those with L entries (ascending),
   * and those with U entries or a diagonal other than 1 (descending). Any other row is left as it
   * is, exactly as the full solve would leave it (x − nothing, and x / 1 = x).
   */
  readonly lowerRows: Int32Array;
  lowerRowCount: number;
  readonly upperRows: Int32Array;
  upperRowCount: number;
  /** The row swaps of the factorisation, as luFactor recorded them, and whether there is any. */
  readonly pivots: Int32Array;
  swaps: boolean;
}

export function createLuPattern(n: number, positions: Int32Array = Int32Array.from({ length: n }, (_, r) => r)): LuPattern {
  return {
    positions,
    lowerStart: new Int32Array(n + 1),
    lowerColumns: new Int32Array(n * n),
    lowerValues: new Float64Array(n * n),
    upperStart: new Int32Array(n + 1),
    upperColumns: new Int32Array(n * n),
    upperValues: new Float64Array(n * n),
    diagonal: new Float64Array(n),
    lowerRows: new Int32Array(n),
    lowerRowCount: 0,
    upperRows: new Int32Array(n),
    upperRowCount: 0,
    pivots: new Int32Array(n),
    swaps: false,
  };
}

/** Compacts the factors and pivots made by luFactor into `pattern`. */
export function fillLuPattern(factors: Float64Array, offset: number, pivots: Int32Array, pivotOffset: number, n: number, pattern: LuPattern): void {
  let lower = 0;
  let upper = 0;
  pattern.swaps = false;
  for (let row = 0; row < n; row++) {
    if (pivots[pivotOffset + row] !== row) pattern.swaps = true;
    pattern.lowerStart[row] = lower;
    pattern.upperStart[row] = upper;
    pattern.pivots[row] = pivots[pivotOffset + row];
    pattern.diagonal[row] = factors[offset + row * n + row];
    for (let k = 0; k < row; k++) {
      const value = factors[offset + row * n + k];
      if (value === 0) continue;
      pattern.lowerColumns[lower] = pattern.positions[k];
      pattern.lowerValues[lower++] = value;
    }
    for (let k = row + 1; k < n; k++) {
      const value = factors[offset + row * n + k];
      if (value === 0) continue;
      pattern.upperColumns[upper] = pattern.positions[k];
      pattern.upperValues[upper++] = value;
    }
  }
  pattern.lowerStart[n] = lower;
  pattern.upperStart[n] = upper;
  pattern.lowerRowCount = 0;
  for (let row = 0; row < n; row++) if (pattern.lowerStart[row + 1] > pattern.lowerStart[row]) pattern.lowerRows[pattern.lowerRowCount++] = row;
  pattern.upperRowCount = 0;
  for (let row = n - 1; row >= 0; row--) {
    if (pattern.upperStart[row + 1] > pattern.upperStart[row] || pattern.diagonal[row] !== 1) pattern.upperRows[pattern.upperRowCount++] = row;
  }
}

/** Solves with compacted factors, visiting only the rows that change: the unknowns at `x[offset + positions[r]]` (the right-hand side) are overwritten with the solution. */
export function luSolveSparse(pattern: LuPattern, x: Float64Array, offset: number): void {
  const { positions, pivots, lowerStart, lowerColumns, lowerValues, upperStart, upperColumns, upperValues, diagonal } = pattern;
  if (pattern.swaps) {
    for (let column = 0; column < pivots.length; column++) {
      const pivotRow = pivots[column];
      if (pivotRow !== column) {
        const swap = x[offset + positions[column]];
        x[offset + positions[column]] = x[offset + positions[pivotRow]];
        x[offset + positions[pivotRow]] = swap;
      }
    }
  }
  const { lowerRows, lowerRowCount, upperRows, upperRowCount } = pattern;
  for (let r = 0; r < lowerRowCount; r++) {
    const row = lowerRows[r];
    const end = lowerStart[row + 1];
    const at = offset + positions[row];
    let sum = x[at];
    for (let e = lowerStart[row]; e < end; e++) sum -= lowerValues[e] * x[offset + lowerColumns[e]];
    x[at] = sum;
  }
  for (let r = 0; r < upperRowCount; r++) {
    const row = upperRows[r];
    const end = upperStart[row + 1];
    const at = offset + positions[row];
    let sum = x[at];
    for (let e = upperStart[row]; e < end; e++) sum -= upperValues[e] * x[offset + upperColumns[e]];
    x[at] = sum / diagonal[row];
  }
}
