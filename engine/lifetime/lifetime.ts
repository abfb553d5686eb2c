import { OptionsError } from '../errors.js';
import type { LifetimeDistribution } from '../definition/types.js';

/**
 * One lifetime distribution with numeric parameters, all in years. The fields are mutable so that
 * a caller evaluating cohort-varying parameters can reuse one object for every cohort.
 */
export type Lifetime =
  /** Everything leaves at exactly age `mean`. */
  | { distribution: 'fixed'; mean: number }
  /** Not truncated at 0 (as in ODYM): a share S(0) < 1 already leaves in its own year. */
  | { distribution: 'normal'; mean: number; sd: number }
  /** |Y| with Y ~ normal(mean, sd): `mean` and `sd` are those of Y, before folding (scipy foldnorm). */
  | { distribution: 'folded-normal'; mean: number; sd: number }
  /** `mean` and `sd` of the lifetime itself, not of its logarithm. */
  | { distribution: 'lognormal'; mean: number; sd: number }
  | { distribution: 'weibull'; shape: number; scale: number }
  | { distribution: 'gamma'; shape: number; scale: number }
  | { distribution: 'exponential'; mean: number }
  /** Share surviving at integer ages 0, 1, 2, …; linear in between; 0 from age `table.length` on. */
  | { distribution: 'table'; table: ArrayLike<number> };

export const LIFETIME_DISTRIBUTIONS: readonly LifetimeDistribution[] = [
  'fixed',
  'normal',
  'folded-normal',
  'lognormal',
  'weibull',
  'gamma',
  'exponential',
  'table',
];

/** The named parameters each distribution takes (a table takes a list instead). */
export const LIFETIME_PARAMETERS: Readonly<Record<LifetimeDistribution, readonly string[]>> = {
  fixed: ['mean'],
  normal: ['mean', 'sd'],
  'folded-normal': ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  weibull: ['shape', 'scale'],
  gamma: ['shape', 'scale'],
  exponential: ['mean'],
  table: [],
};

/**
 * The lifetime a model names: `parameters` by name as in the model file (a missing one becomes NaN,
 * which `lifetimeProblem` reports), `table` for the 'table' distribution.
 */
export function lifetimeFromParameters(
  distribution: LifetimeDistribution,
  parameters: Readonly<Record<string, number>>,
  table: ArrayLike<number> = [],
): Lifetime {
  const value = (name: string) => parameters[name] ?? NaN;
  switch (distribution) {
    case 'fixed':
    case 'exponential':
      return { distribution, mean: value('mean') };
    case 'normal':
    case 'folded-normal':
    case 'lognormal':
      return { distribution, mean: value('mean'), sd: value('sd') };
    case 'weibull':
    case 'gamma':
      return { distribution, shape: value('shape'), scale: value('scale') };
    case 'table':
      return { distribution, table };
    default:
      return unknownDistribution(distribution);
  }
}

/**
 * The `default` of every switch over distributions (given the distribution or the whole lifetime):
 * a compile error in typed code when a case is missing, a clear error from untyped callers.
 */
export function unknownDistribution(value: never): never {
  const given: unknown = value;
  const name = typeof given === 'object' && given !== null ? (given as { distribution?: unknown }).distribution : given;
  throw new OptionsError('lifetime.distribution', `must be one of ${LIFETIME_DISTRIBUTIONS.join(', ')} (got ${JSON.stringify(name)})`);
}
