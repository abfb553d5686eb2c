/**
 * The distributions a sweep can give a parameter, and the check that one is possible. A design
 * produces points u in (0, 1)^d and each factor's quantile function (quantileFunction.ts) turns
 * its coordinate into a value. Parameters are those of the variable itself (lognormal: its mean
 * and sd, not μ and σ of its logarithm).
 */
export type Distribution =
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'log-uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | {
      readonly kind: 'truncated-normal';
      readonly mean: number;
      readonly sd: number;
      /** Either bound may be infinite (one-sided truncation). */
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'lognormal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | {
      readonly kind: 'discrete';
      readonly values: readonly number[];
      /** Relative weights, one per value; equal weights when absent. */
      readonly weights?: readonly number[];
    };

export type DistributionKind = Distribution['kind'];

export const DISTRIBUTION_KINDS: readonly DistributionKind[] = [
  'uniform',
  'log-uniform',
  'normal',
  'truncated-normal',
  'lognormal',
  'triangular',
  'discrete',
];

/** What is impossible about `distribution`, as `invalid <kind> distribution: …`; undefined when it is valid. */
export function checkDistribution(distribution: Distribution): string | undefined {
  const problem = distributionProblem(distribution);
  return problem === undefined ? undefined : `invalid ${distribution.kind} distribution: ${problem}`;
}

function distributionProblem(d: Distribution): string | undefined {
  const finite = (name: string, value: number): string | undefined =>
    Number.isFinite(value) ? undefined : `${name} must be a finite number (got ${value})`;
  const ordered = (min: number, max: number): string | undefined =>
    min < max ? undefined : `min (${min}) must be less than max (${max})`;
  const positive = (name: string, value: number): string | undefined =>
    value > 0 ? undefined : `${name} must be positive (got ${value})`;
  switch (d.kind) {
    case 'uniform':
      return finite('min', d.min) ?? finite('max', d.max) ?? ordered(d.min, d.max);
    case 'log-uniform':
      return finite('min', d.min) ?? finite('max', d.max) ?? positive('min', d.min) ?? ordered(d.min, d.max);
    case 'normal':
      return finite('mean', d.mean) ?? finite('sd', d.sd) ?? positive('sd', d.sd);
    case 'truncated-normal':
      if (Number.isNaN(d.min) || Number.isNaN(d.max)) return `min and max must be numbers (got ${d.min}, ${d.max})`;
      return finite('mean', d.mean) ?? finite('sd', d.sd) ?? positive('sd', d.sd) ?? ordered(d.min, d.max);
    case 'lognormal':
      return finite('mean', d.mean) ?? finite('sd', d.sd) ?? positive('mean', d.mean) ?? positive('sd', d.sd);
    case 'triangular':
      return (
        finite('min', d.min) ??
        finite('mode', d.mode) ??
        finite('max', d.max) ??
        ordered(d.min, d.max) ??
        (d.min <= d.mode && d.mode <= d.max ? undefined : `mode (${d.mode}) must lie in [min, max] = [${d.min}, ${d.max}]`)
      );
    case 'discrete':
      return discreteProblem(d.values, d.weights);
    default:
      return `unknown kind (expected one of ${DISTRIBUTION_KINDS.join(', ')})`;
  }
}

function discreteProblem(values: readonly number[], weights: readonly number[] | undefined): string | undefined {
  if (values.length === 0) return 'values must not be empty';
  const badValue = values.find((value) => !Number.isFinite(value));
  if (badValue !== undefined) return `values must be finite numbers (got ${badValue})`;
  if (weights === undefined) return undefined;
  if (weights.length !== values.length) return `weights must have one entry per value (${weights.length} weights, ${values.length} values)`;
  const badWeight = weights.find((weight) => !(Number.isFinite(weight) && weight >= 0));
  if (badWeight !== undefined) return `weights must be finite and non-negative (got ${badWeight})`;
  return weights.some((weight) => weight > 0) ? undefined : 'weights must not all be zero';
}
