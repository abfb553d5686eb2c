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
    const tailNorm = norm(a, k * rows + k, k * rows + rows);
    if (!(tailNorm > DEPENDENT_COLUMN * norm(design, k * rows, k * rows + rows))) return undefined;
    // Reflect x = a[k.., k] onto β·e₁, β = −sign(x₀)·‖x‖ (no cancellation in x₀ − β), with LAPACK's
    // scaling: v = (x − β·e₁)/(x₀ − β), so v₀ = 1, and H = I − τ·v·vᵀ with τ = (β − x₀)/β.
    const head = a[k * rows + k];
    const beta = head >= 0 ? -tailNorm : tailNorm;
    for (let i = k + 1; i < rows; i++) a[k * rows + i] /= head - beta;
    const tau = (beta - head) / beta;
    for (let j = k + 1; j < columns; j++) reflect(a, k, rows, tau, a, j * rows);
    reflect(a, k, rows, tau, b, 0);
    diagonal[k] = beta;
  }
  const coefficients = new Float64Array(columns);
  for (let i = columns - 1; i >= 0; i--) {
    let sum = b[i];
    for (let j = i + 1; j < columns; j++) sum -= a[j * rows + i] * coefficients[j];
    coefficients[i] = sum / diagonal[i];
  }
  return { coefficients, inverseGram: inverseGram(a, diagonal, rows, columns) };
}

/** ‖values[from..to)‖, scaled by the largest entry so that neither tiny nor huge entries under- or overflow when squared. */
function norm(values: Float64Array, from: number, to: number): number {
  let largest = 0;
  for (let i = from; i < to; i++) largest = Math.max(largest, Math.abs(values[i]));
  if (!(largest > 0) || largest === Infinity) return largest;
  let sum = 0;
  for (let i = from; i < to; i++) sum += (values[i] / largest) ** 2;
  return largest * Math.sqrt(sum);
}

/** target[offset + k..] ← (I − τ·v·vᵀ)·target[offset + k..], v = (1, a[k·rows + k + 1..]). */
function reflect(a: Float64Array, k: number, rows: number, tau: number, target: Float64Array, offset: number): void {
  let dot = target[offset + k];
  for (let i = k + 1; i < rows; i++) dot += a[k * rows + i] * target[offset + i];
  dot *= tau;
  target[offset + k] -= dot;
  for (let i = k + 1; i < rows; i++) target[offset + i] -= dot * a[k * rows + i];
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
