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
 * Year t ≥ 1: Σ over the model cohorts older than t of w_c · leaving(t, n0 + c), where
 * `modelWeights[c]` is the weight of the cohort born in year c. Four running sums, so that each
 * addition need not wait for the one before: this dot product is the whole O(T²) of a dynamic
 * stock model. Cohort c goes to sum c mod 4 while a whole group of four is left (the loop takes
 * two groups a turn, which changes no sum's order), and the last t mod 4 cohorts to the first
 * sum, in order. Both layouts add in the same order, so a cohort-varying survival that holds one
 * lifetime gives the Toeplitz result to the bit, and runs are reproducible.
 * (Cohort k = n0 + c was born in year c; see Survival for the two layouts.)
 */
export function modelCohortsOutflow(survival: Survival, modelWeights: Float64Array, year: number): number {
  const { leaving, column } = survival;
  const w = modelWeights;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let k = 0;
  if (survival.cohortVarying) {
    // column[n0 + c] + t: where cohort c's leaving share of year t is.
    const n0 = survival.initialCohorts;
    for (; k + 7 < year; k += 8) {
      a += w[k] * leaving[column[n0 + k] + year];
      b += w[k + 1] * leaving[column[n0 + k + 1] + year];
      c += w[k + 2] * leaving[column[n0 + k + 2] + year];
      d += w[k + 3] * leaving[column[n0 + k + 3] + year];
      a += w[k + 4] * leaving[column[n0 + k + 4] + year];
      b += w[k + 5] * leaving[column[n0 + k + 5] + year];
      c += w[k + 6] * leaving[column[n0 + k + 6] + year];
      d += w[k + 7] * leaving[column[n0 + k + 7] + year];
    }
    if (k + 3 < year) {
      a += w[k] * leaving[column[n0 + k] + year];
      b += w[k + 1] * leaving[column[n0 + k + 1] + year];
      c += w[k + 2] * leaving[column[n0 + k + 2] + year];
      d += w[k + 3] * leaving[column[n0 + k + 3] + year];
      k += 4;
    }
    for (; k < year; k++) a += w[k] * leaving[column[n0 + k] + year];
  } else {
    // Toeplitz: leaving(t, n0 + c) = leaving[t − c], the age's.
    for (; k + 7 < year; k += 8) {
      const age = year - k;
      a += w[k] * leaving[age];
      b += w[k + 1] * leaving[age - 1];
      c += w[k + 2] * leaving[age - 2];
      d += w[k + 3] * leaving[age - 3];
      a += w[k + 4] * leaving[age - 4];
      b += w[k + 5] * leaving[age - 5];
      c += w[k + 6] * leaving[age - 6];
      d += w[k + 7] * leaving[age - 7];
    }
    if (k + 3 < year) {
      const age = year - k;
      a += w[k] * leaving[age];
      b += w[k + 1] * leaving[age - 1];
      c += w[k + 2] * leaving[age - 2];
      d += w[k + 3] * leaving[age - 3];
      k += 4;
    }
    for (; k < year; k++) a += w[k] * leaving[year - k];
  }
  return a + b + (c + d);
}
