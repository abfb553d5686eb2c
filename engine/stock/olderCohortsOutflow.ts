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
 * Year t ≥ 1: Σ_{k < n0 + t} w_k · leaving(t, k), with leaving(t, k) = sf(t − 1, k) − sf(t, k)
 * precomputed in the survival. For a cohort-invariant lifetime leaving depends on the age only, so
 * the model cohorts' part is a convolution of the inflows with one curve, without the column lookup.
 */
export function olderCohortsOutflow(survival: Survival, weights: Float64Array, year: number): number {
  const { leaving, column, births, initialCohorts } = survival;
  let outflow = 0;
  if (survival.cohortVarying) {
    const older = initialCohorts + year;
    for (let k = 0; k < older; k++) outflow += weights[k] * leaving[column[k] + year];
    return outflow;
  }
  for (let k = 0; k < initialCohorts; k++) outflow += weights[k] * leaving[year - births[k]];
  for (let cohort = 0; cohort < year; cohort++) outflow += weights[initialCohorts + cohort] * leaving[year - cohort];
  return outflow;
}
