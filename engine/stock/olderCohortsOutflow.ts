import type { Survival } from '../lifetime/survival.js';

/**
 * The kernels of CohortStock: what the cohorts older than year t lose during it, given their
 * weights w_k (s_k(t) = w_k · sf(t, k), see CohortStock). These sums are the whole cost of a
 * dynamic stock model: O(n0 + t) a year, O(T²) a run.
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

/** Year t ≥ 1: Σ over the model cohorts older than t of w_k · leaving(t, k). */
export function modelCohortsOutflow(survival: Survival, weights: Float64Array, year: number): number {
  const { leaving, column, initialCohorts } = survival;
  let outflow = 0;
  if (survival.cohortVarying) {
    for (let k = initialCohorts; k < initialCohorts + year; k++) outflow += weights[k] * leaving[column[k] + year];
    return outflow;
  }
  // Four running sums, so that each addition need not wait for the one before: this dot product is
  // the whole O(T²) of a dynamic stock model. The order is fixed, so results stay reproducible.
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let cohort = 0;
  for (; cohort + 3 < year; cohort += 4) {
    const w = initialCohorts + cohort;
    const l = year - cohort;
    a += weights[w] * leaving[l];
    b += weights[w + 1] * leaving[l - 1];
    c += weights[w + 2] * leaving[l - 2];
    d += weights[w + 3] * leaving[l - 3];
  }
  for (; cohort < year; cohort++) a += weights[initialCohorts + cohort] * leaving[year - cohort];
  return outflow + (a + b) + (c + d);
}
