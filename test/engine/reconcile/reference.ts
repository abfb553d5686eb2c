import { createMath } from '../../../engine/expr/mathjs.js';

/**
 * Reconciliation by the textbook formulae, with mathjs's dense inverse: independent references for
 * the kernel, which eliminates and projects with a pivoted QR instead.
 */
const math = createMath();

function inverse(matrix: number[][]): number[][] {
  return math.inv(matrix) as number[][];
}

/**
 * No unknowns, A of full row rank: x̃ = x − QAᵀ(AQAᵀ)⁻¹(Ax + c), Q̃ = Q − QAᵀ(AQAᵀ)⁻¹AQ,
 * χ² = rᵀ(AQAᵀ)⁻¹r with r = Ax + c.
 */
export function textbookReconciliation(a: number[][], sd: number[], x: number[], c: number[]) {
  const q = sd.map((s, i) => sd.map((_, j) => (i === j ? s * s : 0)));
  const qat = math.multiply(q, math.transpose(a)) as number[][];
  const inner = inverse(math.multiply(a, qat) as number[][]);
  const r = (math.add(math.multiply(a, x), c) as number[]);
  const gain = math.multiply(qat, inner) as number[][];
  const values = math.subtract(x, math.multiply(gain, r)) as number[];
  const covariance = math.subtract(q, math.multiply(gain, math.transpose(qat))) as number[][];
  const chiSquare = math.dot(r, math.multiply(inner, r) as number[]) as number;
  return { values, covariance, chiSquare };
}

/**
 * Measured values and unknowns under J·v + c = 0 (J of full row rank, every unknown determined),
 * from the optimality (KKT) system [[W, Jᵀ], [J, 0]]·[v; λ] = [W·m; −c] with W = diag(1/σ²) on the
 * measured values and 0 on the unknowns. v is linear in m: ∂v/∂m_i = K⁻¹[.., i]/σ_i², so
 * Cov(v) = Σ_i K⁻¹[.., i]·K⁻¹[.., i]ᵀ/σ_i².
 */
export function kktReconciliation(jacobian: number[][], c: number[], measurement: number[], sd: number[]) {
  const count = measurement.length;
  const constraints = jacobian.length;
  const weight = sd.map((s) => (Number.isFinite(s) ? 1 / (s * s) : 0));
  const kkt = Array.from({ length: count + constraints }, (_, row) =>
    Array.from({ length: count + constraints }, (_, column) => {
      if (row < count && column < count) return row === column ? weight[row] : 0;
      if (row < count) return jacobian[column - count][row];
      if (column < count) return jacobian[row - count][column];
      return 0;
    }),
  );
  const inv = inverse(kkt);
  const rhs = [...measurement.map((m, i) => (weight[i] > 0 ? weight[i] * m : 0)), ...c.map((value) => -value)];
  const values = (math.multiply(inv, rhs) as number[]).slice(0, count);
  const covariance = Array.from({ length: count }, (_, i) =>
    Array.from({ length: count }, (_, j) => weight.reduce((sum, w, k) => sum + inv[i][k] * inv[j][k] * w, 0)),
  );
  return { values, covariance };
}
