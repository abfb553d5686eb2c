import type { ParameterEstimate } from './fitParameters.js';

/** A factor of a sweep file (see the README, The sweep file), as data. */
export interface SweepFactor {
  readonly parameter: string;
  readonly item?: string | Readonly<Record<string, string>>;
  readonly normal?: { readonly mean: number; readonly sd: number };
  readonly 'truncated-normal'?: { readonly mean: number; readonly sd: number; readonly min: number };
  readonly label: string;
}

/**
 * The fitted parameters as sweep factors, so that a sweep can draw them from their fitted
 * distribution: each estimate with its standard error, as a normal, truncated at the bound of a
 * parameter that may not be negative. Each factor is drawn on its own: their correlation
 * (ParameterFit.correlation) is not carried, which a sweep file cannot express; where it is
 * strong, a sweep over these factors is wider or narrower than the fit says. Parameters without
 * a finite standard error are left out. Keys are the labels made into names (`rate[paper]` ->
 * `rate_paper`). Numbers keep six significant digits, far more than a standard error warrants.
 */
export function fittedFactors(estimates: readonly ParameterEstimate[]): Record<string, SweepFactor> {
  const factors: Record<string, SweepFactor> = {};
  for (const estimate of estimates) {
    if (!(estimate.standardError >= 0 && estimate.standardError < Infinity)) continue;
    const key = estimate.label.replace(/\[|,\s*/g, '_').replace(/[^A-Za-z0-9_]/g, '');
    const distribution = { mean: significant(estimate.estimate), sd: significant(estimate.standardError) };
    factors[key] = {
      parameter: estimate.name,
      ...(estimate.item < 0 ? {} : { item: estimate.items.length === 1 ? estimate.items[0] : Object.fromEntries(estimate.dimensions.map((dimension, d) => [dimension, estimate.items[d]])) }),
      ...(estimate.lower === -Infinity ? { normal: distribution } : { 'truncated-normal': { ...distribution, min: estimate.lower } }),
      label: `${estimate.label} (fitted)`,
    };
  }
  return factors;
}

function significant(value: number): number {
  return Number(value.toPrecision(6));
}
