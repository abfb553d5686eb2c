import type { CompiledProblem } from './compileProblem.js';
import type { ReconcileFactors } from './linearFactors.js';

/**
 * The covariance of every variable after reconciliation, variables × variables in problem order
 * (symmetric, so row- and column-major alike), by linear error propagation.
 *
 * Measured values: x̃ = x_m + S·z with z = −Q_G1·Q_G1ᵀ·S⁻¹·x_m + const, so
 * Cov(x̃) = S·M·S with M = I − Q_G1·Q_G1ᵀ (the textbook Q − QAᵀ(AQAᵀ)⁻¹AQ in other coordinates).
 * Observable unknowns: y = K·z + const (K = factors.unknownSensitivity), so Cov(y) = K·M·Kᵀ and
 * Cov(x̃, y) = S·M·Kᵀ. Exact values have no variance; unobservable unknowns have none that the
 * data determine: NaN in their rows and columns.
 */
export function reconciledCovariance(problem: CompiledProblem, factors: ReconcileFactors): Float64Array {
  const { measured, unknowns } = problem;
  const count = problem.names.length;
  const covariance = new Float64Array(count * count);
  const { constrained, sd, unknownSensitivity, elimination } = factors;
  const n = measured.length;
  const rank = factors.measurementQr.rank;
  const eliminated = elimination.unknownQr.rank;
  const pivotUnknown = Array.from({ length: eliminated }, (_, a) => unknowns[elimination.unknownQr.permutation[a]]);

  // Q_G1 by rows (n × rank, row-major), so that every inner loop below runs over contiguous memory.
  const rowsOfQ = new Float64Array(n * rank);
  for (let a = 0; a < rank; a++) for (let i = 0; i < n; i++) rowsOfQ[i * rank + a] = constrained[a * n + i];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let projected = 0;
      for (let a = 0; a < rank; a++) projected += rowsOfQ[i * rank + a] * rowsOfQ[j * rank + a];
      const value = sd[i] * sd[j] * ((i === j ? 1 : 0) - projected);
      covariance[measured[i] * count + measured[j]] = value;
      covariance[measured[j] * count + measured[i]] = value;
    }
  }

  // K·M = K − (K·Q_G1)·Q_G1ᵀ; K and K·M are eliminated × n column-major, so column i (one
  // measured value) is contiguous.
  const sensitivityOnConstrained = new Float64Array(rank * eliminated);
  for (let i = 0; i < n; i++) {
    for (let b = 0; b < rank; b++) {
      const q = rowsOfQ[i * rank + b];
      for (let a = 0; a < eliminated; a++) sensitivityOnConstrained[b * eliminated + a] += unknownSensitivity[i * eliminated + a] * q;
    }
  }
  const projectedSensitivity = Float64Array.from(unknownSensitivity);
  const unknownCovariance = new Float64Array(eliminated * eliminated);
  for (let i = 0; i < n; i++) {
    const column = i * eliminated;
    for (let b = 0; b < rank; b++) {
      const q = rowsOfQ[i * rank + b];
      for (let a = 0; a < eliminated; a++) projectedSensitivity[column + a] -= sensitivityOnConstrained[b * eliminated + a] * q;
    }
    for (let a = 0; a < eliminated; a++) {
      const left = projectedSensitivity[column + a];
      for (let b = 0; b <= a; b++) unknownCovariance[a * eliminated + b] += left * unknownSensitivity[column + b];
    }
  }
  for (let a = 0; a < eliminated; a++) {
    const y = pivotUnknown[a];
    for (let i = 0; i < n; i++) {
      const value = sd[i] * projectedSensitivity[i * eliminated + a];
      covariance[y * count + measured[i]] = value;
      covariance[measured[i] * count + y] = value;
    }
    for (let b = 0; b <= a; b++) {
      covariance[y * count + pivotUnknown[b]] = unknownCovariance[a * eliminated + b];
      covariance[pivotUnknown[b] * count + y] = unknownCovariance[a * eliminated + b];
    }
  }
  unknowns.forEach((v, j) => {
    if (elimination.observable[j]) return;
    for (let w = 0; w < count; w++) {
      covariance[v * count + w] = NaN;
      covariance[w * count + v] = NaN;
    }
  });
  return covariance;
}
