import type { CompiledProblem } from './compileProblem.js';

/**
 * Row and column scales that make the linearised constraints free of units: W per constraint,
 * D per unknown, so that W·Jx·S and W·Jy·D have entries of comparable size whatever the units of
 * the constraints, the measurements and the unknowns.
 *
 * A constraint with measured values is divided by its largest standardised slope |J_cv·sd_v|,
 * rounded to a power of two (so that scaling rounds nothing): its residual is then on the scale
 * of the sds it involves. A slope that is the value of an unknown (a measured flow times an
 * unknown concentration or transfer coefficient) does not count: an unknown the data leave free
 * may sit at any value, near zero too, and a row scaled by the inverse of such a slope (1e16 once
 * an unknown was driven to 1e-18) swamps the others, so that the rank tests took unobservable
 * unknowns for observable ones. A constraint among unknowns and exact
 * values only, or whose measured values all meet unknowns in products, has no such scale; it and the unknowns' columns are equilibrated in turn (each
 * divided by its largest entry, a few passes: Sinkhorn-style balancing of max-norms). At the end
 * each unknown's column of W·Jy is scaled to unit norm, as the pivoted QR's rank test assumes.
 */
const EQUILIBRATION_PASSES = 3;
/**
 * A scaling made for other sds still serves while each row's is within this factor of the ideal
 * one: it costs at most log10(64) ≈ 1.8 digits where the elimination mixes rows.
 */
const SCALING_SLACK = 64;

export interface ConstraintScaling {
  readonly rowScale: Float64Array;
  readonly unknownScale: Float64Array;
}

export function constraintScaling(problem: CompiledProblem, jacobian: Float64Array): ConstraintScaling {
  const constraints = problem.labels.length;
  const { measured, unknowns, sd } = problem;
  const slope = (v: number, c: number) => Math.abs(jacobian[v * constraints + c]);
  const rowScale = new Float64Array(constraints).fill(1);
  const free = new Uint8Array(constraints);
  for (let c = 0; c < constraints; c++) {
    let largest = 0;
    for (const v of measured) if (problem.scalingSlope[v * constraints + c]) largest = Math.max(largest, slope(v, c) * sd[v]);
    if (largest > 0) rowScale[c] = 2 ** Math.round(-Math.log2(largest));
    else free[c] = 1;
  }
  const unknownScale = new Float64Array(unknowns.length).fill(1);
  for (let pass = 0; pass < EQUILIBRATION_PASSES; pass++) {
    unknowns.forEach((v, j) => {
      let largest = 0;
      for (let c = 0; c < constraints; c++) largest = Math.max(largest, rowScale[c] * slope(v, c));
      unknownScale[j] = largest > 0 ? 1 / largest : 1;
    });
    for (let c = 0; c < constraints; c++) {
      if (!free[c]) continue;
      let largest = 0;
      unknowns.forEach((v, j) => (largest = Math.max(largest, slope(v, c) * unknownScale[j])));
      rowScale[c] = largest > 0 ? 1 / largest : 1;
    }
  }
  unknowns.forEach((v, j) => {
    let norm2 = 0;
    for (let c = 0; c < constraints; c++) norm2 += (rowScale[c] * slope(v, c)) ** 2;
    unknownScale[j] = norm2 > 0 ? 1 / Math.sqrt(norm2) : 1;
  });
  return { rowScale, unknownScale };
}

/** Whether `previous` (made for the same slopes) may stand in for `ideal`: every row within SCALING_SLACK. */
export function scalingStillServes(previous: ConstraintScaling, ideal: ConstraintScaling): boolean {
  return previous.rowScale.every((scale, c) => scale <= ideal.rowScale[c] * SCALING_SLACK && ideal.rowScale[c] <= scale * SCALING_SLACK);
}
