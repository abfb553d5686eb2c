import { checkOption } from '../errors.js';
import type { SurvivalConvention } from '../definition/types.js';
import { accumulateSurvival } from './accumulateSurvival.js';
import type { Lifetime } from './lifetime.js';
import { fillDensityMidYearSurvival } from './discardDensity.js';
import { fillQuadratureSurvival } from './quadratureSurvival.js';

export const SURVIVAL_CONVENTIONS: readonly SurvivalConvention[] = ['integer-age', 'survival-mid-year', 'survival-year-average', 'density-mid-year'];

/**
 * How a continuous lifetime (survival function S(x), density f(x)) becomes sf(t, c), the share of
 * the inflow of year c still in stock at the end of year t. Stocks are measured at the end of a
 * year; let a = t − c ≥ 0.
 *
 * - 'integer-age' (ODYM): the whole inflow arrives at the end of its year, so its age at the end of
 *   year t is exactly a: sf = S(a). A distribution with S(0) < 1 (the untruncated normal) already
 *   loses 1 − S(0) in its own year.
 * - 'survival-mid-year': the inflow arrives in the middle of its year: sf = S(a + ½).
 * - 'survival-year-average': the inflow arrives evenly over its year. An item arriving a fraction u
 *   into year c is t − c + 1 − u old at the end of year t, so with v = 1 − u
 *       sf = ∫_0^1 S(a + v) dv.
 *   Evaluated by composite Gauss–Legendre, with closed forms where that would be inaccurate
 *   (see quadratureSurvival.ts).
 * - 'density-mid-year' (the UNU e-waste tools): the share discarded in year a is the density at
 *   mid-year, f(a + ½); sf = 1 − Σ_{j ≤ a} f(j + ½) (see discardDensity.ts). Unlike
 *   'survival-mid-year' it discards f(½) in the first year rather than 1 − S(½).
 *
 * Since S is non-increasing and f non-negative, each rule gives a non-increasing sf in a, within [0, 1].
 *
 * fillSurvivalCurve writes out[offset + i] = sf at age firstAge + i, for i = 0 … count − 1.
 */
export function fillSurvivalCurve(
  lifetime: Lifetime,
  convention: SurvivalConvention,
  firstAge: number,
  count: number,
  out: Float64Array,
  offset: number,
): void {
  switch (convention) {
    case 'integer-age':
      out.fill(0, offset, offset + count);
      accumulateSurvival(lifetime, firstAge, 0, 1, out, offset, count);
      return;
    case 'survival-mid-year':
      out.fill(0, offset, offset + count);
      accumulateSurvival(lifetime, firstAge, 0.5, 1, out, offset, count);
      return;
    case 'survival-year-average':
      fillQuadratureSurvival(lifetime, firstAge, count, out, offset);
      return;
    case 'density-mid-year':
      fillDensityMidYearSurvival(lifetime, firstAge, count, out, offset);
      return;
    default:
      checkOption('survival', String(convention), SURVIVAL_CONVENTIONS);
  }
}
