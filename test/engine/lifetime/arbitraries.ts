import fc from 'fast-check';
import type { SurvivalConvention } from '../../../engine/definition/types.js';
import type { Lifetime } from '../../../engine/lifetime/lifetime.js';
import { densityDiscretisationProblem } from '../../../engine/lifetime/discardDensity.js';
import { SURVIVAL_CONVENTIONS } from '../../../engine/lifetime/survivalCurve.js';

/** A double in [min, max], never NaN. */
export const between = (min: number, max: number) => fc.double({ min, max, noNaN: true });

/** Survival shares at ages 0, 1, …: non-increasing, within [0, 1]. */
export const arbitraryTable = fc
  .array(between(0, 1), { minLength: 1, maxLength: 30 })
  .map((shares) => shares.sort((a, b) => b - a));

/**
 * One arbitrary per distribution, over the parameter ranges products and buildings have
 * (lifetimes of months to decades). `lightTails` keeps to shapes ≥ 1 and moderate spreads, for
 * tests that integrate the curve over a finite range of ages.
 */
export function lifetimeArbitraries(lightTails = false): Record<Lifetime['distribution'], fc.Arbitrary<Lifetime>> {
  const minimumShape = lightTails ? 1 : 0.5;
  return {
    fixed: fc.oneof(fc.integer({ min: 0, max: 40 }), between(0, 40)).map((mean) => ({ distribution: 'fixed', mean })),
    normal: fc
      .tuple(between(1, 40), between(0.05, 0.6))
      .map(([mean, spread]) => ({ distribution: 'normal', mean, sd: mean * spread })),
    'folded-normal': fc.tuple(between(0, 40), between(0.5, 20)).map(([mean, sd]) => ({ distribution: 'folded-normal', mean, sd })),
    lognormal: fc
      .tuple(between(1, 40), between(0.05, lightTails ? 0.6 : 1))
      .map(([mean, spread]) => ({ distribution: 'lognormal', mean, sd: mean * spread })),
    weibull: fc.tuple(between(minimumShape, 6), between(1, 40)).map(([shape, scale]) => ({ distribution: 'weibull', shape, scale })),
    gamma: fc.tuple(between(minimumShape, 10), between(0.5, 10)).map(([shape, scale]) => ({ distribution: 'gamma', shape, scale })),
    exponential: between(0.5, 40).map((mean) => ({ distribution: 'exponential', mean })),
    table: arbitraryTable.map((table) => ({ distribution: 'table', table })),
  };
}

export const arbitraryLifetime = fc.oneof(...Object.values(lifetimeArbitraries()));

export const arbitraryConvention: fc.Arbitrary<SurvivalConvention> = fc.constantFrom(...SURVIVAL_CONVENTIONS);

/**
 * Whether a run would use this lifetime under this convention: the UNU convention refuses
 * lifetimes without a density and those too narrow for its midpoint weights (an
 * 'invalid-lifetime' status), so the kernels never see them.
 */
export function discretises(lifetime: Lifetime, convention: SurvivalConvention): boolean {
  return convention !== 'density-mid-year' || densityDiscretisationProblem(lifetime) === undefined;
}
