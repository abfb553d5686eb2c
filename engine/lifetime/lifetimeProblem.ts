import { unknownDistribution, type Lifetime } from './lifetime.js';

/**
 * What is wrong with a lifetime's parameters, or undefined when they describe a distribution.
 * The caller turns the message into a ModelError at load, or into an 'invalid-lifetime' status when
 * a sweep sample lands outside the valid range. Messages read `invalid lifetime: <what> (got <value>)`.
 */
export function lifetimeProblem(lifetime: Lifetime): string | undefined {
  switch (lifetime.distribution) {
    case 'fixed':
      // A fixed lifetime 0 is meaningful: everything leaves in the year it arrives.
      return atLeast(lifetime.distribution, 'mean', lifetime.mean, 0);
    case 'folded-normal':
      // mean 0 is the half-normal distribution; a negative mean folds to the same curve as its absolute value.
      return atLeast(lifetime.distribution, 'mean', lifetime.mean, 0) ?? positive(lifetime.distribution, 'sd', lifetime.sd);
    case 'normal':
    case 'lognormal':
      return positive(lifetime.distribution, 'mean', lifetime.mean) ?? positive(lifetime.distribution, 'sd', lifetime.sd);
    case 'weibull':
    case 'gamma':
      return positive(lifetime.distribution, 'shape', lifetime.shape) ?? positive(lifetime.distribution, 'scale', lifetime.scale);
    case 'exponential':
      return positive(lifetime.distribution, 'mean', lifetime.mean);
    case 'table':
      return tableProblem(lifetime.table);
    default:
      return unknownDistribution(lifetime);
  }
}

function atLeast(distribution: string, name: string, value: number, minimum: number): string | undefined {
  if (!Number.isFinite(value)) return `invalid lifetime: ${distribution} ${name} must be a finite number (got ${value})`;
  if (value < minimum) return `invalid lifetime: ${distribution} ${name} must be at least ${minimum} (got ${value})`;
  return undefined;
}

function positive(distribution: string, name: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return `invalid lifetime: ${distribution} ${name} must be a finite number (got ${value})`;
  if (value <= 0) return `invalid lifetime: ${distribution} ${name} must be greater than 0 (got ${value})`;
  return undefined;
}

function tableProblem(table: ArrayLike<number>): string | undefined {
  if (table.length === 0) return 'invalid lifetime: table must list the surviving share at age 0 at least (got an empty table)';
  for (let age = 0; age < table.length; age++) {
    const share = table[age];
    if (!(share >= 0 && share <= 1)) return `invalid lifetime: table[${age}] must be a share between 0 and 1 (got ${share})`;
    if (age > 0 && share > table[age - 1]) {
      return `invalid lifetime: table must not increase with age (got table[${age - 1}] = ${table[age - 1]}, table[${age}] = ${share})`;
    }
  }
  return undefined;
}
