import { erfc } from './erfc.js';
import { accumulateSurvival } from './accumulateSurvival.js';
import type { Lifetime } from './lifetime.js';
import { logGamma } from './logGamma.js';
import { lognormalLogMean, lognormalLogSd } from './lognormal.js';

/**
 * The 'density-mid-year' convention of the UNU e-waste tools (Forti et al. 2018; the UNITAR/UNU
 * WEEE calculation tool): the share of a cohort discarded in the year in which it is a years old
 * (a = 0 in its own year) is the lifetime DENSITY at mid-year, f(a + ½) · 1 year, a midpoint rule
 * for ∫_a^{a+1} f. These weights w_a add up to 1 only approximately (1.0054 for the mobile-phone
 * Weibull, shape 1.56, scale 6.26): metabolis divides them by their sum W so that every cohort
 * leaves whole and mass balances:
 *   sf(a) = 1 − (P(X < 0) + Σ_{j=0}^{a} f(j + ½)) / W,   W = P(X < 0) + Σ_{j≥0} f(j + ½),
 * where P(X < 0), the part of an untruncated normal below age 0, leaves in the first year (it is
 * 0 for the other distributions; the UNU tools use Weibull lifetimes only). When W is far from 1
 * the midpoint rule does not describe the lifetime: `densityDiscretisationProblem` says so.
 *
 * Fixed lifetimes and tables have no density: the loader rejects them under this convention.
 */
export function fillDensityMidYearSurvival(lifetime: Lifetime, firstAge: number, count: number, out: Float64Array, offset: number): void {
  const { total, lastAge } = densityWeights(lifetime);
  // Past the age where the survival is below 1e-12 every weight is counted in W: nothing is left.
  let discarded = belowZero(lifetime);
  if (firstAge > lastAge) discarded = total;
  else for (let j = 0; j < firstAge; j++) discarded += density(lifetime, j + 0.5);
  for (let i = 0; i < count; i++) {
    const age = firstAge + i;
    discarded = age > lastAge ? total : discarded + density(lifetime, age + 0.5);
    out[offset + i] = Math.max(0, 1 - discarded / total);
  }
}

/** Beyond this many years a lifetime is not plausible; the sum stops there. */
const MAX_AGE = 100_000;
/** The midpoint weights may miss or exceed the distribution's mass by this much. */
const MASS_TOLERANCE = 0.01;

/** W: P(X < 0) plus the midpoint weights f(j + ½) over every age up to `lastAge`, where the survival falls below 1e-12. */
export function densityWeights(lifetime: Lifetime): { total: number; lastAge: number } {
  const survival = new Float64Array(1);
  let total = belowZero(lifetime);
  let age = 0;
  for (; age < MAX_AGE; age++) {
    total += density(lifetime, age + 0.5);
    survival[0] = 0;
    accumulateSurvival(lifetime, age + 1, 0, 1, survival, 0, 1);
    if (survival[0] < 1e-12) break;
  }
  return { total, lastAge: age };
}

/**
 * Why the mid-year density does not describe `lifetime`, or undefined: its weights must add up to
 * 1 within 1 %. A lifetime narrow against a year (a normal with sd 0.1 y) puts its mass between
 * the midpoints, and dividing by a sum far from 1 would move discards by years without a word.
 */
export function densityDiscretisationProblem(lifetime: Lifetime): string | undefined {
  if (lifetime.distribution === 'fixed' || lifetime.distribution === 'table') {
    return `invalid lifetime: the density-mid-year survival convention needs a lifetime with a density (got ${lifetime.distribution})`;
  }
  const { total } = densityWeights(lifetime);
  if (Math.abs(total - 1) <= MASS_TOLERANCE) return undefined;
  return `invalid lifetime: under density-mid-year the yearly discard shares of this ${lifetime.distribution} lifetime add up to ${total.toPrecision(3)}, not 1 (it is too narrow for yearly steps); use survival-year-average or integer-age`;
}

/** P(X < 0): an untruncated normal's mass below age 0; the others have none. */
function belowZero(lifetime: Lifetime): number {
  return lifetime.distribution === 'normal' ? 0.5 * erfc(lifetime.mean / (lifetime.sd * Math.SQRT2)) : 0;
}

const INVERSE_SQRT_TWO_PI = 0.3989422804014327;

/** The lifetime's probability density at age x > 0, per year. */
export function density(lifetime: Lifetime, x: number): number {
  switch (lifetime.distribution) {
    case 'normal': {
      const z = (x - lifetime.mean) / lifetime.sd;
      return (INVERSE_SQRT_TWO_PI / lifetime.sd) * Math.exp(-0.5 * z * z);
    }
    case 'folded-normal': {
      const below = (x - lifetime.mean) / lifetime.sd;
      const above = (x + lifetime.mean) / lifetime.sd;
      return (INVERSE_SQRT_TWO_PI / lifetime.sd) * (Math.exp(-0.5 * below * below) + Math.exp(-0.5 * above * above));
    }
    case 'lognormal': {
      const s = lognormalLogSd(lifetime.mean, lifetime.sd);
      const z = (Math.log(x) - lognormalLogMean(lifetime.mean, lifetime.sd)) / s;
      return (INVERSE_SQRT_TWO_PI / (x * s)) * Math.exp(-0.5 * z * z);
    }
    case 'weibull': {
      const { shape, scale } = lifetime;
      const ratio = x / scale;
      return (shape / scale) * Math.pow(ratio, shape - 1) * Math.exp(-Math.pow(ratio, shape));
    }
    case 'gamma': {
      const { shape, scale } = lifetime;
      return Math.exp((shape - 1) * Math.log(x) - x / scale - logGamma(shape) - shape * Math.log(scale));
    }
    case 'exponential':
      return Math.exp(-x / lifetime.mean) / lifetime.mean;
    case 'fixed':
    case 'table':
      return NaN;
  }
}
