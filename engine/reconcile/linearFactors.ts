import { applyQTranspose, leadingQ, pivotedQr, solveR, type PivotedQr } from '../numeric/pivotedQr.js';
import type { CompiledProblem } from './compileProblem.js';
import type { ConstraintScaling } from './constraintScaling.js';

/**
 * The factorisation of one linearised constraint system  Jx·(x − x̂) + Jy·(y − ŷ) + f = 0  in the
 * measured values x (covariance Q = S², S = diag(sd)) and the unknowns y. Notation of the README:
 *
 * 1. Scaling. The measured values are standardised, x = x_measured + S·z, so that the objective
 *    (x − x_m)ᵀQ⁻¹(x − x_m) is ‖z‖². Rows and unknowns are scaled (W, D: constraintScaling) so
 *    that every row's residual is on the scale of the sds it involves, whatever the units: rows
 *    mixed by the elimination below lose no digits to one another, and rank decisions compare
 *    like with like.
 * 2. Unknowns eliminated: W·Jy·D·P_B = Q_B·[R_B; 0] (QR with column pivoting). The last
 *    p = m − rank(Jy) rows of Q_Bᵀ span the null space of Jyᵀ: G = (Q_Bᵀ·W·Jx)[rank..] are the
 *    constraints on x alone. An unknown is observable when its column of Jy is independent of
 *    the others, i.e. its row of R_B11⁻¹·R_B12 is zero.
 *    An entry of G below RANK_TOLERANCE times its measurement's column norm in W·Jx is what
 *    rounding leaves of a cancellation, and set to 0; a measurement whose column of G is then zero
 *    appears in no reduced constraint (non-redundant).
 * 3. Measurements reconciled: each reduced constraint (row of G·S) is scaled to unit norm (N),
 *    then (N·G·S)ᵀ·P_G = Q_G·[R_G; 0]. rank(G·S) is the degrees of freedom; a reduced constraint
 *    within an angle of RANK_TOLERANCE of the others' span is dependent. The leading rank columns
 *    Q_G1 of Q_G span the directions the constraints fix.
 *
 * The first stage depends on the slopes and the scaling, the second also on the sds: a series of
 * years with the same linear structure reuses the first, and the second too where the sds are the
 * same (FactorCache).
 */

/** Relative size below which a column, or what is left of it, counts as zero (rounding). */
export const RANK_TOLERANCE = 1e-10;
/** An unknown is observable when its row of R_B11⁻¹·R_B12 is below this. */
const OBSERVABILITY_TOLERANCE = 1e-8;

export interface EliminationFactors {
  readonly rowScale: Float64Array;
  /** D, per unknown (in the order of problem.unknowns). */
  readonly unknownScale: Float64Array;
  readonly unknownQr: PivotedQr;
  /** Q_Bᵀ·W·Jx: constraints × measured, column-major. Rows rank.. are G. */
  readonly rotatedSlopes: Float64Array;
  /** R_B11⁻¹ · (the first rank rows of rotatedSlopes): rank × measured, column-major. */
  readonly unknownSlopes: Float64Array;
  /** Per unknown (order of problem.unknowns): 1 if the constraints determine it. */
  readonly observable: Uint8Array;
  /** Per measured value: 1 if some reduced constraint involves it. */
  readonly redundant: Uint8Array;
}

export interface ReconcileFactors {
  readonly elimination: EliminationFactors;
  readonly sd: Float64Array;
  readonly measurementQr: PivotedQr;
  /** Q_G1: measured × rank, column-major. */
  readonly constrained: Float64Array;
  /** N: per reduced constraint, 1/‖its row of G·S‖ (0 for a row that is zero). */
  readonly reducedRowScale: Float64Array;
  /** Per measured value: diag(Q_G1·Q_G1ᵀ), the share of its variance the constraints remove. */
  readonly leverage: Float64Array;
  /** ∂y/∂z for the unknowns at the pivots of unknownQr: rank_B × measured, column-major. */
  readonly unknownSensitivity: Float64Array;
}

export function eliminateUnknowns(problem: CompiledProblem, jacobian: Float64Array, { rowScale, unknownScale }: ConstraintScaling): EliminationFactors {
  const constraints = problem.labels.length;
  const { measured, unknowns } = problem;
  const scaledUnknowns = new Float64Array(constraints * unknowns.length);
  unknowns.forEach((v, j) => {
    for (let c = 0; c < constraints; c++) scaledUnknowns[j * constraints + c] = rowScale[c] * jacobian[v * constraints + c] * unknownScale[j];
  });
  const unknownQr = pivotedQr(scaledUnknowns, constraints, unknowns.length, RANK_TOLERANCE);
  const rank = unknownQr.rank;

  const rotatedSlopes = new Float64Array(constraints * measured.length);
  const unknownSlopes = new Float64Array(rank * measured.length);
  const redundant = new Uint8Array(measured.length);
  measured.forEach((v, i) => {
    let norm2 = 0;
    for (let c = 0; c < constraints; c++) {
      const slope = rowScale[c] * jacobian[v * constraints + c];
      rotatedSlopes[i * constraints + c] = slope;
      norm2 += slope * slope;
    }
    applyQTranspose(unknownQr, rotatedSlopes, i * constraints);
    for (let a = 0; a < rank; a++) unknownSlopes[i * rank + a] = rotatedSlopes[i * constraints + a];
    solveR(unknownQr, unknownSlopes, i * rank);
    const negligible = RANK_TOLERANCE * Math.sqrt(norm2);
    for (let c = rank; c < constraints; c++) {
      if (Math.abs(rotatedSlopes[i * constraints + c]) <= negligible) rotatedSlopes[i * constraints + c] = 0;
      else redundant[i] = 1;
    }
  });
  return { rowScale, unknownScale, unknownQr, rotatedSlopes, unknownSlopes, observable: observability(unknownQr), redundant };
}

/** Pivot unknowns whose column no free (dependent) column needs are observable; the free ones are not. */
function observability(qr: PivotedQr): Uint8Array {
  const { rank, columns, rows, factors, permutation } = qr;
  const observable = new Uint8Array(columns);
  for (let a = 0; a < rank; a++) observable[permutation[a]] = 1;
  const combination = new Float64Array(rank);
  for (let j = rank; j < columns; j++) {
    for (let a = 0; a < rank; a++) combination[a] = factors[j * rows + a];
    solveR(qr, combination);
    for (let a = 0; a < rank; a++) if (Math.abs(combination[a]) > OBSERVABILITY_TOLERANCE) observable[permutation[a]] = 0;
  }
  return observable;
}

export function reconcileMeasurements(problem: CompiledProblem, elimination: EliminationFactors): ReconcileFactors {
  const { measured } = problem;
  const { unknownQr, rotatedSlopes, unknownSlopes, unknownScale } = elimination;
  const constraints = problem.labels.length;
  const count = measured.length;
  const eliminated = unknownQr.rank;
  const reduced = constraints - eliminated;
  const sd = Float64Array.from(measured, (v) => problem.sd[v]);
  const reducedTransposed = new Float64Array(count * reduced);
  const reducedRowScale = new Float64Array(reduced);
  for (let a = 0; a < reduced; a++) {
    let norm2 = 0;
    for (let i = 0; i < count; i++) {
      const entry = rotatedSlopes[i * constraints + eliminated + a] * sd[i];
      reducedTransposed[a * count + i] = entry;
      norm2 += entry * entry;
    }
    if (norm2 === 0) continue;
    reducedRowScale[a] = 1 / Math.sqrt(norm2);
    for (let i = 0; i < count; i++) reducedTransposed[a * count + i] *= reducedRowScale[a];
  }
  const measurementQr = pivotedQr(reducedTransposed, count, reduced, RANK_TOLERANCE);
  const constrained = leadingQ(measurementQr);
  const leverage = new Float64Array(count);
  for (let a = 0; a < measurementQr.rank; a++) for (let i = 0; i < count; i++) leverage[i] += constrained[a * count + i] ** 2;
  const unknownSensitivity = new Float64Array(eliminated * count);
  for (let i = 0; i < count; i++) {
    for (let a = 0; a < eliminated; a++) {
      unknownSensitivity[i * eliminated + a] = -unknownScale[unknownQr.permutation[a]] * unknownSlopes[i * eliminated + a] * sd[i];
    }
  }
  return { elimination, sd, measurementQr, constrained, reducedRowScale, leverage, unknownSensitivity };
}
