import type { Survival } from '../lifetime/survival.js';

/** Years summed together by modelCohortsOutflowBlock. */
export const OUTFLOW_BLOCK = 6;

/**
 * out[j] = Σ over the model cohorts older than year t of w_k · leaving(t + j, k), for the six years
 * j = 0 … 5 at once (t + 5 < T): the cohorts older than t are the same for the six years, so each
 * weight is loaded once for six products, and in the Toeplitz layout each leaving share too (year
 * t + j of cohort k reads age t + j − c, which year t + j + 1 reads for cohort k + 1, so the shares
 * move down one register per cohort). Six independent sums keep the adder busy; six, not four or
 * eight, was fastest on V8 (eight spills registers). This is the O(T²) part of a long dynamic stock
 * model; the caller adds the cohorts born in years t … t + j − 1 once their inflows are known.
 * A Toeplitz survival runs simdOutflowBlock.ts instead where the runtime has WebAssembly SIMD.
 */
export function modelCohortsOutflowBlock(survival: Survival, weights: Float64Array, year: number, out: Float64Array): void {
  const { leaving, column, initialCohorts } = survival;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  const end = initialCohorts + year;
  if (survival.cohortVarying) {
    for (let k = initialCohorts; k < end; k++) {
      const weight = weights[k];
      const at = column[k] + year;
      s0 += weight * leaving[at];
      s1 += weight * leaving[at + 1];
      s2 += weight * leaving[at + 2];
      s3 += weight * leaving[at + 3];
      s4 += weight * leaving[at + 4];
      s5 += weight * leaving[at + 5];
    }
  } else {
    // Toeplitz: leaving(t + j, k) = leaving[t + j − (k − n0)], held in l_j for the current k.
    let l1 = leaving[year + 1];
    let l2 = leaving[year + 2];
    let l3 = leaving[year + 3];
    let l4 = leaving[year + 4];
    let l5 = leaving[year + 5];
    for (let k = initialCohorts, age = year; k < end; k++, age--) {
      const weight = weights[k];
      const l0 = leaving[age];
      s0 += weight * l0;
      s1 += weight * l1;
      s2 += weight * l2;
      s3 += weight * l3;
      s4 += weight * l4;
      s5 += weight * l5;
      l5 = l4;
      l4 = l3;
      l3 = l2;
      l2 = l1;
      l1 = l0;
    }
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
  out[4] = s4;
  out[5] = s5;
}
