import type { CompiledProblem } from './compileProblem.js';

/**
 * The constraints f(v) = Σ_t coefficient_t · Π factors_t + constant at a point v (every variable's
 * current value) and their first-order expansion f(v + d) ≈ f(v) + J·d.
 */
export interface Linearisation {
  /** f_c(v), per constraint. */
  readonly residual: Float64Array;
  /** Σ_t |term_t(v)| + |constant_c|: the size against which a residual of constraint c is judged. */
  readonly magnitude: Float64Array;
  /** J = ∂f/∂v, constraints × variables, column-major (entry (c, v) at v · constraints + c). */
  readonly jacobian: Float64Array;
}

export function createLinearisation(problem: CompiledProblem): Linearisation {
  const constraints = problem.labels.length;
  return {
    residual: new Float64Array(constraints),
    magnitude: new Float64Array(constraints),
    jacobian: new Float64Array(constraints * problem.names.length),
  };
}

export function linearise(problem: CompiledProblem, point: Float64Array, out: Linearisation): void {
  const { termStart, coefficients, factorStart, factors, constants } = problem;
  const { residual, magnitude, jacobian } = out;
  const constraints = residual.length;
  jacobian.fill(0);
  for (let c = 0; c < constraints; c++) {
    let sum = constants[c];
    let size = Math.abs(constants[c]);
    for (let t = termStart[c]; t < termStart[c + 1]; t++) {
      let term = coefficients[t];
      for (let f = factorStart[t]; f < factorStart[t + 1]; f++) term *= point[factors[f]];
      sum += term;
      size += Math.abs(term);
      // Product rule: ∂/∂v of coefficient · Π factors is the sum, over the factors that are v,
      // of the coefficient times the other factors (so x·x gives 2x).
      for (let f = factorStart[t]; f < factorStart[t + 1]; f++) {
        let slope = coefficients[t];
        for (let g = factorStart[t]; g < factorStart[t + 1]; g++) if (g !== f) slope *= point[factors[g]];
        jacobian[factors[f] * constraints + c] += slope;
      }
    }
    residual[c] = sum;
    magnitude[c] = size;
  }
}

/**
 * Each residual as a share of the largest size of any constraint, both in the scaled rows (W, in
 * which residuals are on the scale of the sds). Judging every residual against the largest keeps
 * the rounding that the elimination passes from one row to another from counting as a residual in
 * a row whose own terms are all near 0 (unknown flows that start at 0, say).
 */
export function residualShares(residual: Float64Array, size: Float64Array, rowScale: Float64Array): Float64Array {
  let largest = 0;
  for (let c = 0; c < size.length; c++) largest = Math.max(largest, rowScale[c] * size[c]);
  return residual.map((r, c) => (r === 0 ? 0 : (rowScale[c] * Math.abs(r)) / largest));
}
