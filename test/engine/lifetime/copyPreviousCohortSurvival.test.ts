import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyCohortFromCurve, copyPreviousCohortSurvival, createSurvival, setCohortSurvival, setSurvival } from '../../../engine/lifetime/survival.js';
import type { SurvivalConvention } from '../../../engine/definition/types.js';

describe('copyCohortFromCurve', () => {
  it('copyCohortFromCurve(survival, k, curve) gives initial and first cohorts what setCohortSurvival gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.constantFrom<SurvivalConvention>('integer-age', 'survival-mid-year', 'survival-year-average'),
        (horizon, initialCount, mean, sd, convention) => {
          const offsets = Array.from({ length: initialCount }, (_, i) => 2 * i - 2 * initialCount);
          const lifetime = { distribution: 'weibull' as const, shape: sd / 3 + 0.5, scale: mean };
          const computed = createSurvival(horizon, offsets, true);
          const copied = createSurvival(horizon, offsets, true);
          const curve = createSurvival(horizon, offsets);
          setSurvival(curve, lifetime, convention);
          for (let k = 0; k <= initialCount; k++) {
            setCohortSurvival(computed, k, lifetime, convention);
            copyCohortFromCurve(copied, k, curve);
          }
          const stored = (survival: typeof computed, values: Float64Array) =>
            Array.from({ length: initialCount + 1 }, (_, k) => {
              const first = Math.max(survival.births[k], -1);
              return [...values.subarray(survival.column[k] + first, survival.column[k] + horizon)];
            });
          expect(stored(copied, copied.values)).toEqual(stored(computed, computed.values));
          expect(stored(copied, copied.leaving)).toEqual(stored(computed, computed.leaving));
        },
      ),
    );
  });
});

describe('copyPreviousCohortSurvival', () => {
  it('copyPreviousCohortSurvival(survival, k) gives cohort k what setCohortSurvival with the same lifetime gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.constantFrom<SurvivalConvention>('integer-age', 'survival-mid-year', 'survival-year-average'),
        (horizon, initialCount, mean, sd, convention) => {
          const offsets = Array.from({ length: initialCount }, (_, i) => i - initialCount - 2);
          const lifetime = { distribution: 'normal' as const, mean, sd };
          const computed = createSurvival(horizon, offsets, true);
          const copied = createSurvival(horizon, offsets, true);
          for (let k = 0; k < computed.births.length; k++) {
            setCohortSurvival(computed, k, lifetime, convention);
            if (k > initialCount) copyPreviousCohortSurvival(copied, k);
            else setCohortSurvival(copied, k, lifetime, convention);
          }
          expect([...copied.values]).toEqual([...computed.values]);
          expect([...copied.leaving]).toEqual([...computed.leaving]);
        },
      ),
    );
  });

  it('copyPreviousCohortSurvival(survival, k) refuses the first model cohort, which has no model cohort before it', () => {
    expect(() => copyPreviousCohortSurvival(createSurvival(5, [-2], true), 1)).toThrow(/cohort/);
  });
});
