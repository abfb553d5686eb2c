import type { Survival } from '../lifetime/survival.js';

/**
 * The kernels of CohortStock: what the cohorts older than year t lose during it, given their
 * weights w_k (s_k(t) = w_k · sf(t, k), see CohortStock). These sums are the whole cost of a
 * dynamic stock model: O(n0 + t) a year, O(T²) a run. From BLOCKED_HORIZON on, CohortStock sums
 * the model cohorts six years at a time instead (blockedCohortsOutflow.ts, simdOutflowBlock.ts).
 */

/** Year 0: each initial cohort goes from its given stock s0_k to w_k · sf(0, k). */
export function initialCohortsOutflow(survival: Survival, weights: Float64Array, initialStock: Float64Array): number {
  const { values, column } = survival;
  let outflow = 0;
  for (let k = 0; k < initialStock.length; k++) outflow += initialStock[k] - weights[k] * values[column[k]];
  return outflow;
}

/**
 * out[t] = Σ_{k < n0} w_k · leaving(t, k) for t = 1 … T − 1: what the initial cohorts, at their
 * starting weights, lose each year. It depends on the initial stock and the survival only, so a
 * stock computes it once and reuses it while neither changes (a sweep that varies other things).
 */
export function initialCohortsOutflowSeries(survival: Survival, initialWeights: Float64Array, out: Float64Array): void {
  const { leaving, column, horizon, initialCohorts } = survival;
  out[0] = 0;
  for (let year = 1; year < horizon; year++) {
    let outflow = 0;
    for (let k = 0; k < initialCohorts; k++) outflow += initialWeights[k] * leaving[column[k] + year];
    out[year] = outflow;
  }
}

/**
 * Year t ≥ 1: Σ over the model cohorts older than t of w_k · leaving(t, k). Four running sums, so
 * that each addition need not wait for the one before: this dot product is the whole O(T²) of a
 * dynamic stock model. Both layouts add in the same order, so a cohort-varying survival that
 * holds one lifetime gives the Toeplitz result to the bit, and runs are reproducible.
 * (Cohort k = n0 + c was born in year c; see Survival for the two layouts.)
 */
export function modelCohortsOutflow(survival: Survival, weights: Float64Array, year: number): number {
  const { leaving, column, initialCohorts } = survival;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let k = initialCohorts;
  const end = initialCohorts + year;
  if (survival.cohortVarying) {
    for (; k + 3 < end; k += 4) {
      a += weights[k] * leaving[column[k] + year];
      b += weights[k + 1] * leaving[column[k + 1] + year];
      c += weights[k + 2] * leaving[column[k + 2] + year];
      d += weights[k + 3] * leaving[column[k + 3] + year];
    }
    for (; k < end; k++) a += weights[k] * leaving[column[k] + year];
  } else {
    // Toeplitz: leaving(t, k) = leaving[t − (k − n0)], the age's.
    const shift = year + initialCohorts;
    for (; k + 3 < end; k += 4) {
      a += weights[k] * leaving[shift - k];
      b += weights[k + 1] * leaving[shift - k - 1];
      c += weights[k + 2] * leaving[shift - k - 2];
      d += weights[k + 3] * leaving[shift - k - 3];
    }
    for (; k < end; k++) a += weights[k] * leaving[shift - k];
  }
  return a + b + (c + d);
}
