import { OptionsError } from '../errors.js';

export interface ReconcileOptions {
  /** Most linearisations for a problem with products of variables (default 100). */
  readonly maxIterations?: number;
  /**
   * Convergence of the iterated linearisation (default 1e-9): the last step moved no measured
   * value by more than this many standard deviations and no unknown by more than this share of
   * itself, and no constraint is off by more than this share of the sum of its terms' sizes.
   */
  readonly tolerance?: number;
  /**
   * Level of the global chi-square test, and the family-wise level of the measurement tests
   * (each at the Šidák-corrected level 1 − (1 − significance)^(1/tests)); default 0.05.
   */
  readonly significance?: number;
}

export const RECONCILE_DEFAULTS: Required<ReconcileOptions> = {
  maxIterations: 100,
  tolerance: 1e-9,
  significance: 0.05,
};

export function reconcileOptions(options: ReconcileOptions): Required<ReconcileOptions> {
  const merged = { ...RECONCILE_DEFAULTS, ...options };
  if (!Number.isInteger(merged.maxIterations) || merged.maxIterations < 1) {
    throw new OptionsError('maxIterations', `must be a positive integer (got ${merged.maxIterations})`);
  }
  if (!(merged.tolerance > 0 && merged.tolerance < 1)) {
    throw new OptionsError('tolerance', `must be a number in (0, 1) (got ${merged.tolerance})`);
  }
  if (!(merged.significance > 0 && merged.significance < 1)) {
    throw new OptionsError('significance', `must be a number in (0, 1) (got ${merged.significance})`);
  }
  return merged;
}
