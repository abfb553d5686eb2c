import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { createSurvival, setCohortSurvival, setSurvival, survivalShare, type Survival } from '../../../engine/lifetime/survival.js';
import { fillSurvivalCurve } from '../../../engine/lifetime/survivalCurve.js';
import { arbitraryConvention, arbitraryLifetime, discretises } from './arbitraries.js';

/** Every (t, k) a stock reads: years from the cohort's inflow (or −1) to the last. */
function forEachShare(survival: Survival, visit: (year: number, cohort: number) => void): void {
  for (let k = 0; k < survival.births.length; k++) {
    for (let t = Math.max(survival.births[k], -1); t < survival.horizon; t++) visit(t, k);
  }
}

const arbitraryShape = fc.record({
  horizon: fc.integer({ min: 1, max: 40 }),
  offsets: fc.uniqueArray(fc.integer({ min: -60, max: -1 }), { maxLength: 8 }).map((offsets) => offsets.sort((a, b) => a - b)),
});

describe('Survival', () => {
  it('setSurvival gives sf(t, k) = S(t − birth(k)) for every cohort, initial ones at ages beyond the horizon included', () => {
    fc.assert(
      fc.property(arbitraryShape, arbitraryLifetime, arbitraryConvention, ({ horizon, offsets }, lifetime, convention) => {
        fc.pre(discretises(lifetime, convention));
        const survival = createSurvival(horizon, offsets);
        setSurvival(survival, lifetime, convention);
        const oldestAge = horizon - 1 - (offsets[0] ?? 0);
        const curve = new Float64Array(oldestAge + 1);
        fillSurvivalCurve(lifetime, convention, 0, curve.length, curve, 0);
        forEachShare(survival, (t, k) => expect(survivalShare(survival, t, k)).toBe(curve[t - survival.births[k]]));
      }),
    );
  });

  it('a cohort-varying survival with the same lifetime everywhere equals the Toeplitz one, leaving shares included', () => {
    fc.assert(
      fc.property(arbitraryShape, arbitraryLifetime, arbitraryConvention, ({ horizon, offsets }, lifetime, convention) => {
        fc.pre(discretises(lifetime, convention));
        const toeplitz = createSurvival(horizon, offsets);
        const varying = createSurvival(horizon, offsets, true);
        setSurvival(toeplitz, lifetime, convention);
        setSurvival(varying, lifetime, convention);
        forEachShare(toeplitz, (t, k) => {
          expect(survivalShare(varying, t, k)).toBe(survivalShare(toeplitz, t, k));
          if (t > Math.max(toeplitz.births[k], -1)) {
            expect(varying.leaving[varying.column[k] + t]).toBe(toeplitz.leaving[toeplitz.column[k] + t]);
          }
        });
      }),
    );
  });

  it('leaving holds sf(t − 1, k) − sf(t, k), and 1 − sf(t, t) in the inflow year', () => {
    const survival = createSurvival(5, [-2]);
    setSurvival(survival, { distribution: 'table', table: [0.9, 0.6, 0.5, 0.1] }, 'integer-age');
    const leaving = (t: number, k: number) => survival.leaving[survival.column[k] + t];
    expect(leaving(0, 1)).toBeCloseTo(0.1, 15);
    expect(leaving(1, 1)).toBeCloseTo(0.3, 15);
    expect(leaving(4, 1)).toBeCloseTo(0.1, 15);
    expect(leaving(1, 0)).toBeCloseTo(0.4, 15);
  });

  it('setCohortSurvival gives each cohort its own lifetime', () => {
    const survival = createSurvival(4, [-1], true);
    for (let k = 0; k < 5; k++) setCohortSurvival(survival, k, { distribution: 'fixed', mean: k + 1 }, 'integer-age');
    expect([-1, 0, 1, 2, 3].map((t) => survivalShare(survival, t, 0))).toEqual([1, 0, 0, 0, 0]);
    expect([0, 1, 2, 3].map((t) => survivalShare(survival, t, 1))).toEqual([1, 1, 0, 0]);
    expect(survivalShare(survival, 3, 4)).toBe(1);
  });

  it('createSurvival and setCohortSurvival reject misuse with OptionsError', () => {
    expect(() => createSurvival(0)).toThrow(OptionsError);
    expect(() => createSurvival(10, [-1, -3])).toThrow('options.initialCohortOffsets must be negative integers in ascending order (got -1, -3)');
    expect(() => createSurvival(10, [0])).toThrow(OptionsError);
    expect(() => setCohortSurvival(createSurvival(3), 0, { distribution: 'fixed', mean: 1 }, 'integer-age')).toThrow(OptionsError);
    expect(() => setCohortSurvival(createSurvival(3, [], true), 3, { distribution: 'fixed', mean: 1 }, 'integer-age')).toThrow(OptionsError);
    expect(() => setSurvival(createSurvival(3), { distribution: 'fixed', mean: 1 }, 'annual' as never)).toThrow(
      'options.survival must be one of integer-age, survival-mid-year, survival-year-average, density-mid-year (got "annual")',
    );
  });
});
