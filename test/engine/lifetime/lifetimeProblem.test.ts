import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { LIFETIME_DISTRIBUTIONS, LIFETIME_PARAMETERS, lifetimeFromParameters, type Lifetime } from '../../../engine/lifetime/lifetime.js';
import { lifetimeProblem } from '../../../engine/lifetime/lifetimeProblem.js';
import { accumulateSurvival } from '../../../engine/lifetime/accumulateSurvival.js';
import { arbitraryLifetime } from './arbitraries.js';

describe('lifetimeProblem', () => {
  it('lifetimeProblem(lifetime) accepts every lifetime in the valid ranges', () => {
    fc.assert(
      fc.property(arbitraryLifetime, (lifetime) => {
        expect(lifetimeProblem(lifetime)).toBeUndefined();
      }),
    );
  });

  const invalid: [Lifetime, string][] = [
    [{ distribution: 'normal', mean: 20, sd: 0 }, 'invalid lifetime: normal sd must be greater than 0 (got 0)'],
    [{ distribution: 'normal', mean: -1, sd: 2 }, 'invalid lifetime: normal mean must be greater than 0 (got -1)'],
    [{ distribution: 'lognormal', mean: 10, sd: NaN }, 'invalid lifetime: lognormal sd must be a finite number (got NaN)'],
    [{ distribution: 'folded-normal', mean: -2, sd: 1 }, 'invalid lifetime: folded-normal mean must be at least 0 (got -2)'],
    [{ distribution: 'fixed', mean: -0.5 }, 'invalid lifetime: fixed mean must be at least 0 (got -0.5)'],
    [{ distribution: 'fixed', mean: Infinity }, 'invalid lifetime: fixed mean must be a finite number (got Infinity)'],
    [{ distribution: 'weibull', shape: 0, scale: 10 }, 'invalid lifetime: weibull shape must be greater than 0 (got 0)'],
    [{ distribution: 'gamma', shape: 2, scale: -3 }, 'invalid lifetime: gamma scale must be greater than 0 (got -3)'],
    [{ distribution: 'exponential', mean: 0 }, 'invalid lifetime: exponential mean must be greater than 0 (got 0)'],
    [{ distribution: 'table', table: [] }, 'invalid lifetime: table must list the surviving share at age 0 at least (got an empty table)'],
    [{ distribution: 'table', table: [1, 1.2] }, 'invalid lifetime: table[1] must be a share between 0 and 1 (got 1.2)'],
    [{ distribution: 'table', table: [1, 0.5, 0.7] }, 'invalid lifetime: table must not increase with age (got table[1] = 0.5, table[2] = 0.7)'],
  ];
  for (const [lifetime, message] of invalid) {
    it(`lifetimeProblem(${JSON.stringify(lifetime)}) says what is wrong`, () => {
      expect(lifetimeProblem(lifetime)).toBe(message);
    });
  }

  it('lifetimeProblem accepts a fixed lifetime 0 and a folded normal with mean 0 (the half-normal)', () => {
    expect(lifetimeProblem({ distribution: 'fixed', mean: 0 })).toBeUndefined();
    expect(lifetimeProblem({ distribution: 'folded-normal', mean: 0, sd: 3 })).toBeUndefined();
  });
});

describe('lifetimeFromParameters', () => {
  it('lifetimeFromParameters(distribution, parameters) takes the parameters LIFETIME_PARAMETERS names', () => {
    for (const distribution of LIFETIME_DISTRIBUTIONS) {
      const parameters = Object.fromEntries(LIFETIME_PARAMETERS[distribution].map((name, i) => [name, i + 2]));
      const lifetime = lifetimeFromParameters(distribution, parameters, [1, 0.5]);
      expect(lifetime.distribution).toBe(distribution);
      expect(lifetimeProblem(lifetime)).toBeUndefined();
    }
  });

  it('lifetimeFromParameters leaves a missing parameter NaN, which lifetimeProblem reports', () => {
    expect(lifetimeProblem(lifetimeFromParameters('weibull', { shape: 2 }))).toBe('invalid lifetime: weibull scale must be a finite number (got NaN)');
  });

  it('an unknown distribution throws an OptionsError instead of giving zeros', () => {
    const unknown = { distribution: 'triangular', mean: 3 } as unknown as Lifetime;
    expect(() => lifetimeProblem(unknown)).toThrow(OptionsError);
    expect(() => accumulateSurvival(unknown, 0, 0, 1, new Float64Array(3), 0, 3)).toThrow(/lifetime.distribution must be one of .* \(got "triangular"\)/);
    expect(() => lifetimeFromParameters('triangular' as never, {})).toThrow(OptionsError);
  });
});
