/**
 * Householder QR with column pivoting (Businger & Golub 1965; Golub & Van Loan, Matrix
 * Computations, 4th ed., §5.4.2) of a dense column-major matrix: A·P = Q·[R11 R12; 0 E], with
 * R11 upper triangular (rank × rank) and every column of the unreduced part E of norm at most
 * `tolerance`. Each step brings the remaining column of largest norm to the front, so the
 * factorisation stops exactly where the rest is negligible: `rank` is the numerical rank, the
 * first `rank` columns of Q span A's column space and the others its orthogonal complement.
 *
 * Storage (LAPACK's convention): entry (i, j) of an m×n matrix is `values[j * m + i]`. After the
 * factorisation, R lies on and above the diagonal of the first `rank` rows (columns in pivoted
 * order) and the Householder vector v_k below the diagonal of column k (v_k[k] = 1 is implicit):
 * H_k = I − tau_k v_k v_kᵀ and Q = H_0 H_1 … H_(rank−1).
 */
export interface PivotedQr {
  readonly rows: number;
  readonly columns: number;
  readonly factors: Float64Array;
  readonly tau: Float64Array;
  /** permutation[k] is the original column brought to position k. */
  readonly permutation: Int32Array;
  readonly rank: number;
}

/** Factorises `matrix` (rows × columns, column-major) in place; it becomes the result's `factors`. */
export function pivotedQr(matrix: Float64Array, rows: number, columns: number, tolerance: number): PivotedQr {
  const steps = Math.min(rows, columns);
  const tau = new Float64Array(steps);
  const permutation = new Int32Array(columns);
  for (let j = 0; j < columns; j++) permutation[j] = j;
  let rank = 0;
  for (let k = 0; k < steps; k++) {
    // The remaining columns' norms are recomputed rather than downdated: exact, and the cost is
    // that of the reflection itself.
    let best = -1;
    let bestNorm2 = tolerance * tolerance;
    for (let j = k; j < columns; j++) {
      let norm2 = 0;
      for (let i = k; i < rows; i++) norm2 += matrix[j * rows + i] ** 2;
      if (norm2 > bestNorm2) {
        bestNorm2 = norm2;
        best = j;
      }
    }
    if (best < 0) break;
    if (best !== k) swapColumns(matrix, rows, k, best, permutation);
    tau[k] = reflect(matrix, rows, k);
    for (let j = k + 1; j < columns; j++) applyReflector(matrix, rows, k, tau[k], matrix, j * rows);
    rank = k + 1;
  }
  return { rows, columns, factors: matrix, tau, permutation, rank };
}

function swapColumns(matrix: Float64Array, rows: number, a: number, b: number, permutation: Int32Array): void {
  for (let i = 0; i < rows; i++) {
    const swap = matrix[a * rows + i];
    matrix[a * rows + i] = matrix[b * rows + i];
    matrix[b * rows + i] = swap;
  }
  const swap = permutation[a];
  permutation[a] = permutation[b];
  permutation[b] = swap;
}

/**
 * Makes column k below row k zero: x = A[k.., k] with ‖x‖ = norm becomes beta·e_1 with
 * beta = −sign(x_0)·norm (no cancellation in x_0 − beta), v = (x − beta·e_1)/(x_0 − beta) and
 * tau = (beta − x_0)/beta. ‖x‖ is computed on x/max|x_i|, so that it neither underflows nor
 * overflows (tau is only consistent with v when ‖x‖ is accurate). Returns tau.
 */
function reflect(matrix: Float64Array, rows: number, k: number): number {
  const diagonal = k * rows + k;
  let largest = 0;
  for (let i = k; i < rows; i++) largest = Math.max(largest, Math.abs(matrix[k * rows + i]));
  let sum = 0;
  for (let i = k; i < rows; i++) sum += (matrix[k * rows + i] / largest) ** 2;
  const norm = largest * Math.sqrt(sum);
  const head = matrix[diagonal];
  const beta = head >= 0 ? -norm : norm;
  const scale = 1 / (head - beta);
  for (let i = k + 1; i < rows; i++) matrix[k * rows + i] *= scale;
  matrix[diagonal] = beta;
  return (beta - head) / beta;
}

/** target[offset + k..] ← H_k·target[offset + k..]: one reflector on one column vector. */
function applyReflector(factors: Float64Array, rows: number, k: number, tau: number, target: Float64Array, offset: number): void {
  if (tau === 0) return;
  let dot = target[offset + k];
  for (let i = k + 1; i < rows; i++) dot += factors[k * rows + i] * target[offset + i];
  // Common with sparse balances: the column has nothing where this reflector acts.
  if (dot === 0) return;
  dot *= tau;
  target[offset + k] -= dot;
  for (let i = k + 1; i < rows; i++) target[offset + i] -= dot * factors[k * rows + i];
}

/** vector[offset .. offset + rows) ← Qᵀ·vector. */
export function applyQTranspose(qr: PivotedQr, vector: Float64Array, offset = 0): void {
  for (let k = 0; k < qr.rank; k++) applyReflector(qr.factors, qr.rows, k, qr.tau[k], vector, offset);
}

/** vector[offset .. offset + rows) ← Q·vector. */
export function applyQ(qr: PivotedQr, vector: Float64Array, offset = 0): void {
  for (let k = qr.rank - 1; k >= 0; k--) applyReflector(qr.factors, qr.rows, k, qr.tau[k], vector, offset);
}

/** R(i, j) of the factorisation, for i ≤ j and i < rank (columns in pivoted order). */
export function rEntry(qr: PivotedQr, i: number, j: number): number {
  return qr.factors[j * qr.rows + i];
}

/** Solves R11·x = b in place (back substitution): vector[offset .. offset + rank). */
export function solveR(qr: PivotedQr, vector: Float64Array, offset = 0): void {
  const { factors, rows, rank } = qr;
  for (let i = rank - 1; i >= 0; i--) {
    let sum = vector[offset + i];
    for (let j = i + 1; j < rank; j++) sum -= factors[j * rows + i] * vector[offset + j];
    vector[offset + i] = sum / factors[i * rows + i];
  }
}

/** Solves R11ᵀ·x = b in place (forward substitution): vector[offset .. offset + rank). */
export function solveRTranspose(qr: PivotedQr, vector: Float64Array, offset = 0): void {
  const { factors, rows, rank } = qr;
  for (let i = 0; i < rank; i++) {
    let sum = vector[offset + i];
    for (let j = 0; j < i; j++) sum -= factors[i * rows + j] * vector[offset + j];
    vector[offset + i] = sum / factors[i * rows + i];
  }
}

/** The first `rank` columns of Q, explicitly: a rows × rank column-major matrix. */
export function leadingQ(qr: PivotedQr): Float64Array {
  const { rows, rank } = qr;
  const q = new Float64Array(rows * rank);
  for (let j = 0; j < rank; j++) {
    q[j * rows + j] = 1;
    // H_k for k > j acts on rows k.. where e_j is zero.
    for (let k = j; k >= 0; k--) applyReflector(qr.factors, rows, k, qr.tau[k], q, j * rows);
  }
  return q;
}
