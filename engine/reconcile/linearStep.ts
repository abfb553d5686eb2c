import { applyQ, applyQTranspose, solveR, solveRTranspose } from '../numeric/pivotedQr.js';
import type { CompiledProblem } from './compileProblem.js';
import type { ReconcileFactors } from './linearFactors.js';
import { residualShares, type Linearisation } from './linearise.js';

/** A constraint that the linearised system cannot satisfy, with what is left of it. */
export interface Conflict {
  readonly constraint: number;
  readonly residual: number;
}

/**
 * The solution of one linearised problem: minimise ‖z‖² subject to
 * Jx·S·z + Jy·Δy + r = 0,  r = f(x̂, ŷ) + Jx·(x_m − x̂),
 * where x = x_m + S·z are the measured values and y = ŷ + Δy the unknowns. With the factors:
 * g = N·(Q_Bᵀ·W·r)[rank_B..] (the constraints on z alone), the minimum-norm z is
 * z = −Q_G1·R_G11⁻ᵀ·(P_Gᵀ g)[..rank_G], and Δu = −R_B11⁻¹·(Q_Bᵀ·W·(r + Jx·S·z))[..rank_B],
 * Δy = D·P_B·Δu, the unknowns the constraints leave free staying where they are.
 * Dependent constraints are skipped by the solve and checked afterwards: a residual left in
 * any constraint means the system has no solution (conflicts).
 */
export interface LinearStep {
  /** z, per measured value. */
  readonly standardised: Float64Array;
  /** Δy, per unknown (order of problem.unknowns). */
  readonly unknownStep: Float64Array;
  readonly conflicts: readonly Conflict[];
}

/** A constraint is met when what is left of it is below this share of the largest (residualShares). */
export const CONSISTENCY_TOLERANCE = 1e-8;

export function linearStep(problem: CompiledProblem, factors: ReconcileFactors, linearisation: Linearisation, point: Float64Array): LinearStep {
  const { measured, unknowns, measurement } = problem;
  const { residual, jacobian, magnitude } = linearisation;
  const { elimination, measurementQr, sd } = factors;
  const { rowScale, unknownQr, rotatedSlopes, unknownScale } = elimination;
  const constraints = residual.length;
  const eliminated = unknownQr.rank;

  const reduced = Float64Array.from(residual);
  for (const v of measured) {
    const shift = measurement[v] - point[v];
    for (let c = 0; c < constraints; c++) reduced[c] += jacobian[v * constraints + c] * shift;
  }
  const linearResidual = Float64Array.from(reduced);
  for (let c = 0; c < constraints; c++) reduced[c] *= rowScale[c];
  applyQTranspose(unknownQr, reduced);

  const standardised = new Float64Array(measured.length);
  for (let a = 0; a < measurementQr.rank; a++) {
    const row = measurementQr.permutation[a];
    standardised[a] = -reduced[eliminated + row] * factors.reducedRowScale[row];
  }
  solveRTranspose(measurementQr, standardised);
  applyQ(measurementQr, standardised);

  const unknownPart = reduced.subarray(0, eliminated);
  for (let i = 0; i < measured.length; i++) {
    const shift = sd[i] * standardised[i];
    for (let a = 0; a < eliminated; a++) unknownPart[a] += rotatedSlopes[i * constraints + a] * shift;
  }
  solveR(unknownQr, unknownPart);
  const unknownStep = new Float64Array(unknowns.length);
  for (let a = 0; a < eliminated; a++) {
    const j = unknownQr.permutation[a];
    unknownStep[j] = -unknownScale[j] * unknownPart[a];
  }

  // What is left of each constraint, judged (residualShares) against the sizes of what was summed.
  const size = Float64Array.from(magnitude);
  const add = (v: number, change: number) => {
    for (let c = 0; c < constraints; c++) {
      const contribution = jacobian[v * constraints + c] * change;
      linearResidual[c] += contribution;
      size[c] += Math.abs(contribution);
    }
  };
  measured.forEach((v, i) => add(v, sd[i] * standardised[i]));
  unknowns.forEach((v, j) => add(v, unknownStep[j]));
  const shares = residualShares(linearResidual, size, rowScale);
  const conflicts: Conflict[] = [];
  for (let c = 0; c < constraints; c++) {
    if (shares[c] > CONSISTENCY_TOLERANCE) conflicts.push({ constraint: c, residual: linearResidual[c] });
  }
  return { standardised, unknownStep, conflicts };
}
