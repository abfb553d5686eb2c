import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSurvival, setCohortSurvival, setSurvival, type Survival } from '../../../engine/lifetime/survival.js';
import { modelCohortsOutflow } from '../../../engine/stock/olderCohortsOutflow.js';
import { arbitraryConvention, arbitraryLifetime, between, discretises } from '../lifetime/arbitraries.js';

/**
 * The order a run's bits depend on, one product at a time: cohort c (of the model cohorts older
 * than t) goes to running sum c mod 4 while a whole group of four is left, the last t mod 4 to the
 * first sum, and the sums are combined as a + b + (c + d).
 */
function referenceOutflow(survival: Survival, modelWeights: Float64Array, year: number): number {
  const sums = [0, 0, 0, 0];
  const grouped = year - (year % 4);
  for (let c = 0; c < year; c++) {
    const k = survival.initialCohorts + c;
    sums[c < grouped ? c % 4 : 0] += modelWeights[c] * survival.leaving[survival.column[k] + year];
  }
  return sums[0] + sums[1] + (sums[2] + sums[3]);
}

const arbitraryCase = fc
  .record({
    lifetime: arbitraryLifetime,
    convention: arbitraryConvention,
    horizon: fc.integer({ min: 1, max: 70 }),
    initialCohorts: fc.integer({ min: 0, max: 5 }),
    varying: fc.boolean(),
    weights: fc.array(fc.oneof(between(-1e4, 1e4), fc.constantFrom(0, -0)), { minLength: 70, maxLength: 70 }),
  })
  .filter(({ lifetime, convention }) => discretises(lifetime, convention));

describe('modelCohortsOutflow', () => {
  it('modelCohortsOutflow(survival, weights, t) adds its four running sums in cohort order, to the bit, in both survival layouts', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ lifetime, convention, horizon, initialCohorts, varying, weights }) => {
        const offsets = Array.from({ length: initialCohorts }, (_, k) => k - initialCohorts);
        const survival = createSurvival(horizon, offsets, varying);
        if (varying) for (let k = 0; k < survival.births.length; k++) setCohortSurvival(survival, k, lifetime, convention);
        else setSurvival(survival, lifetime, convention);
        const modelWeights = Float64Array.from(weights.slice(0, horizon));
        for (let year = 1; year < horizon; year++) {
          expect(Object.is(modelCohortsOutflow(survival, modelWeights, year), referenceOutflow(survival, modelWeights, year))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
