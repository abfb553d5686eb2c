/**
 * Linear least squares min ‖A·x − b‖ for a tall, thin design (a few columns), by Householder QR
 * (Golub & Van Loan, Matrix Computations, 4th ed., §5.3.3): A = Q·R, x = R⁻¹·(Qᵀb)[0..k). The QR
 * route works on A itself, not on AᵀA, so a design such as [1, year] or [1, GDP] loses no digits
 * to squaring its condition number. It also yields (AᵀA)⁻¹ = R⁻¹R⁻ᵀ, the unscaled covariance of
 * the coefficients.
 */

export interface LeastSquares {
  readonly coefficients: Float64Array;
  /** (AᵀA)⁻¹, columns × columns, row-major. */
  readonly inverseGram: Float64Array;
}

/**
 * A column whose part outside the span of the columns before it is below this share of its own
 * length makes the design rank-deficient: its coefficient is not determined by the data.
 */
const DEPENDENT_COLUMN = 1e-10;

/**
 * `design` is rows × columns, column-major (column j at [j·rows, (j + 1)·rows)); neither it nor
 * `response` is changed. Undefined when the columns are (numerically) linearly dependent.
 */
export function leastSquares(design: Float64Array, response: Float64Array, rows: number, columns: number): LeastSquares | undefined {
  const a = Float64Array.from(design.subarray(0, rows * columns));
  const b = Float64Array.from(response.subarray(0, rows));
  const diagonal = new Float64Array(columns);
  for (let k = 0; k < columns; k++) {
    let columnNorm2 = 0;
    let tailNorm2 = 0;
    for (let i = 0; i < rows; i++) {
      const value = a[k * rows + i];
      if (i >= k) tailNorm2 += value * value;
      columnNorm2 += design[k * rows + i] * design[k * rows + i];
    }
    const tailNorm = Math.sqrt(tailNorm2);
    if (!(tailNorm > DEPENDENT_COLUMN * Math.sqrt(columnNorm2))) return undefined;
    // Reflect a[k.., k] onto −sign(a_kk)·‖·‖·e₁ (no cancellation): v = a[k.., k] − that, H = I − 2vvᵀ/vᵀv.
    const head = a[k * rows + k];
    const alpha = head >= 0 ? -tailNorm : tailNorm;
    a[k * rows + k] = head - alpha;
    const vNorm2 = tailNorm2 - head * head + (head - alpha) * (head - alpha);
    for (let j = k + 1; j < columns; j++) reflect(a, k * rows, a, j * rows, k, rows, vNorm2);
    reflect(a, k * rows, b, 0, k, rows, vNorm2);
    diagonal[k] = alpha;
  }
  const coefficients = new Float64Array(columns);
  for (let i = columns - 1; i >= 0; i--) {
    let sum = b[i];
    for (let j = i + 1; j < columns; j++) sum -= a[j * rows + i] * coefficients[j];
    coefficients[i] = sum / diagonal[i];
  }
  return { coefficients, inverseGram: inverseGram(a, diagonal, rows, columns) };
}

/** target[offset + k..] ← (I − 2vvᵀ/vᵀv)·target[offset + k..], v = a[vOffset + k..]. */
function reflect(a: Float64Array, vOffset: number, target: Float64Array, offset: number, k: number, rows: number, vNorm2: number): void {
  let dot = 0;
  for (let i = k; i < rows; i++) dot += a[vOffset + i] * target[offset + i];
  const scale = (2 * dot) / vNorm2;
  for (let i = k; i < rows; i++) target[offset + i] -= scale * a[vOffset + i];
}

/** R⁻¹R⁻ᵀ, with R's strict upper part in `a` (column-major) and its diagonal in `diagonal`. */
function inverseGram(a: Float64Array, diagonal: Float64Array, rows: number, columns: number): Float64Array {
  // U = R⁻¹ (upper triangular, row-major), column by column: R·u_j = e_j.
  const u = new Float64Array(columns * columns);
  for (let j = 0; j < columns; j++) {
    for (let i = j; i >= 0; i--) {
      let sum = i === j ? 1 : 0;
      for (let l = i + 1; l <= j; l++) sum -= a[l * rows + i] * u[l * columns + j];
      u[i * columns + j] = sum / diagonal[i];
    }
  }
  const result = new Float64Array(columns * columns);
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < columns; j++) {
      let sum = 0;
      for (let l = Math.max(i, j); l < columns; l++) sum += u[i * columns + l] * u[j * columns + l];
      result[i * columns + j] = sum;
    }
  }
  return result;
}
