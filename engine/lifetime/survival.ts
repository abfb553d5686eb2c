import { OptionsError } from '../errors.js';
import type { SurvivalConvention } from '../definition/types.js';
import type { Lifetime } from './lifetime.js';
import { fillSurvivalCurve } from './survivalCurve.js';

/**
 * sf(t, k) for every cohort k a stock can hold and every model year t, as the stock kernels read it.
 *
 * Years t count from the first model year (t = 0 … T − 1); t = −1 is the year before the start,
 * when the initial stock is given. Cohorts are numbered initial cohorts first (k = 0 … n0 − 1,
 * ascending years), then one per model year (k = n0 + c for the inflow of year c). births[k] is
 * the year of cohort k's inflow on the same axis (negative for initial cohorts).
 *
 * One layout serves both cases: sf(t, k) = values[column[k] + t].
 * - Cohort-invariant lifetime (Toeplitz): sf depends on the age t − births[k] only, so `values` is
 *   one curve over ages 0 … T − 1 − births[0] (the oldest initial cohort reaches that age in the
 *   last year) and column[k] = −births[k].
 * - Cohort-varying lifetime: each cohort has its own stretch of `values`, from year
 *   max(births[k], −1) to T − 1 (initial cohorts from −1, where their given stock is divided by sf).
 * `leaving` has the same layout and holds what the stock kernels sum: the share of cohort k's
 * inflow that leaves during year t, sf(t − 1, k) − sf(t, k), and 1 − sf(t, k) in the first year
 * stored. The arrays are allocated once by createSurvival and refilled in place by setSurvival and
 * setCohortSurvival, so a sweep that varies lifetimes allocates nothing per run.
 */
export interface Survival {
  readonly horizon: number;
  readonly initialCohorts: number;
  readonly cohortVarying: boolean;
  readonly births: Int32Array;
  readonly column: Int32Array;
  readonly values: Float64Array;
  readonly leaving: Float64Array;
  /** Counts the refills of `values`, so a stock can tell that a curve it summed over has not changed. */
  revision: number;
  /** Counts the refills of the initial cohorts' part: what a stock sums once for its initial stock. */
  initialRevision: number;
}

/**
 * Allocates the survival of a stock over `horizon` years whose initial stock has cohorts
 * `initialCohortOffsets` years from the start (cohort year − start year: negative, ascending).
 */
export function createSurvival(horizon: number, initialCohortOffsets: ArrayLike<number> = [], cohortVarying = false): Survival {
  if (!Number.isInteger(horizon) || horizon < 1) throw new OptionsError('horizon', `must be a positive integer (got ${horizon})`);
  const initialCohorts = initialCohortOffsets.length;
  const births = new Int32Array(initialCohorts + horizon);
  for (let k = 0; k < initialCohorts; k++) {
    const offset = initialCohortOffsets[k];
    if (!Number.isInteger(offset) || offset >= 0 || (k > 0 && offset <= initialCohortOffsets[k - 1])) {
      throw new OptionsError('initialCohortOffsets', `must be negative integers in ascending order (got ${Array.from(initialCohortOffsets).join(', ')})`);
    }
    births[k] = offset;
  }
  for (let c = 0; c < horizon; c++) births[initialCohorts + c] = c;
  const column = new Int32Array(births.length);
  if (!cohortVarying) {
    for (let k = 0; k < births.length; k++) column[k] = -births[k];
    const ages = horizon - births[0];
    return { horizon, initialCohorts, cohortVarying, births, column, values: new Float64Array(ages), leaving: new Float64Array(ages), revision: 0, initialRevision: 0 };
  }
  let length = 0;
  for (let k = 0; k < births.length; k++) {
    const firstYear = Math.max(births[k], -1);
    column[k] = length - firstYear;
    length += horizon - firstYear;
  }
  return { horizon, initialCohorts, cohortVarying, births, column, values: new Float64Array(length), leaving: new Float64Array(length), revision: 0, initialRevision: 0 };
}

/** Every cohort leaves by the same lifetime. */
export function setSurvival(survival: Survival, lifetime: Lifetime, convention: SurvivalConvention): void {
  if (!survival.cohortVarying) {
    survival.initialRevision++;
    fillStretch(survival, lifetime, convention, 0, survival.values.length, 0);
    return;
  }
  for (let k = 0; k < survival.births.length; k++) setCohortSurvival(survival, k, lifetime, convention);
}

/** Cohort k (initial cohorts first, see Survival) leaves by `lifetime`; needs a cohort-varying survival. */
export function setCohortSurvival(survival: Survival, cohort: number, lifetime: Lifetime, convention: SurvivalConvention): void {
  if (!survival.cohortVarying) throw new OptionsError('survival', 'must be created cohort-varying to take a lifetime per cohort');
  if (!(cohort >= 0 && cohort < survival.births.length)) {
    throw new OptionsError('cohort', `must be an index from 0 to ${survival.births.length - 1} (got ${cohort})`);
  }
  const birth = survival.births[cohort];
  const firstYear = Math.max(birth, -1);
  if (cohort < survival.initialCohorts) survival.initialRevision++;
  fillStretch(survival, lifetime, convention, firstYear - birth, survival.horizon - firstYear, survival.column[cohort] + firstYear);
}

/** values and leaving over `count` consecutive ages from `firstAge`, at `offset`. */
function fillStretch(survival: Survival, lifetime: Lifetime, convention: SurvivalConvention, firstAge: number, count: number, offset: number): void {
  const { values, leaving } = survival;
  survival.revision++;
  fillSurvivalCurve(lifetime, convention, firstAge, count, values, offset);
  leaving[offset] = 1 - values[offset];
  for (let i = offset + 1; i < offset + count; i++) leaving[i] = values[i - 1] - values[i];
}

/** sf(t, k): the share of cohort k's inflow still in stock at the end of year t (births[k] ≤ t, −1 ≤ t < T). */
export function survivalShare(survival: Survival, year: number, cohort: number): number {
  return survival.values[survival.column[cohort] + year];
}

/**
 * Gives cohort `cohort` the lifetime of the cohort born the year before it, without evaluating the
 * distribution again: both are model cohorts (born in the horizon), so sf(t, k) = S(t − b_k) and
 * the younger cohort's stretch is the older one's shifted by a year. A ramp in a scenario changes
 * lifetimes only over a few cohorts; the others are copies.
 */
export function copyPreviousCohortSurvival(survival: Survival, cohort: number): void {
  const previous = cohort - 1;
  if (!survival.cohortVarying || previous < survival.initialCohorts || cohort >= survival.births.length) {
    throw new OptionsError('cohort', `must be a model cohort after the first, with a cohort-varying survival (got ${cohort})`);
  }
  const birth = survival.births[cohort];
  const count = survival.horizon - birth;
  const from = survival.column[previous] + birth - 1;
  const to = survival.column[cohort] + birth;
  survival.revision++;
  survival.values.copyWithin(to, from, from + count);
  survival.leaving.copyWithin(to, from, from + count);
}

/**
 * Gives cohort `cohort` of a cohort-varying survival the curve of a cohort-invariant one (made
 * for the same horizon and initial cohorts, filled with the lifetime this cohort has), without
 * evaluating the distribution again. Initial cohorts all leave by the first year's lifetime, so a
 * sweep or scenario that makes lifetimes vary by cohort evaluates their curve once, not once each.
 */
export function copyCohortFromCurve(survival: Survival, cohort: number, curve: Survival): void {
  if (!survival.cohortVarying || curve.cohortVarying || curve.horizon !== survival.horizon || curve.initialCohorts !== survival.initialCohorts) {
    throw new OptionsError('curve', 'must be a cohort-invariant survival of the same horizon and initial cohorts, copied into a cohort-varying one');
  }
  const birth = survival.births[cohort];
  const firstYear = Math.max(birth, -1);
  const from = curve.column[cohort] + firstYear;
  const to = survival.column[cohort] + firstYear;
  const count = survival.horizon - firstYear;
  survival.values.set(curve.values.subarray(from, from + count), to);
  survival.leaving.set(curve.leaving.subarray(from, from + count), to);
  // The first year stored holds 1 − sf there (see Survival); for an initial cohort that is year −1.
  survival.leaving[to] = 1 - survival.values[to];
  survival.revision++;
  if (cohort < survival.initialCohorts) survival.initialRevision++;
}
