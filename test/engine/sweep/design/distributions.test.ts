import { describe, expect, it } from 'vitest';
import { type Distribution, checkDistribution } from '../../../../engine/sweep/design/distributions.js';

const VALID: Distribution[] = [
  { kind: 'uniform', min: -2, max: 5 },
  { kind: 'log-uniform', min: 0.01, max: 300 },
  { kind: 'normal', mean: 35, sd: 10 },
  { kind: 'truncated-normal', mean: 0.3, sd: 0.2, min: 0, max: 1 },
  { kind: 'truncated-normal', mean: 5, sd: 1, min: 0, max: Infinity },
  { kind: 'lognormal', mean: 20, sd: 6 },
  { kind: 'triangular', min: 0, mode: 0, max: 10 },
  { kind: 'discrete', values: [1, 2], weights: [0, 1] },
  { kind: 'discrete', values: [7] },
];

describe('checkDistribution', () => {
  it('checkDistribution accepts every valid distribution', () => {
    for (const distribution of VALID) expect(checkDistribution(distribution)).toBeUndefined();
  });

  it.each<[Distribution, string]>([
    [{ kind: 'uniform', min: 3, max: 1 }, 'invalid uniform distribution: min (3) must be less than max (1)'],
    [{ kind: 'uniform', min: 1, max: 1 }, 'invalid uniform distribution: min (1) must be less than max (1)'],
    [{ kind: 'uniform', min: NaN, max: 1 }, 'invalid uniform distribution: min must be a finite number (got NaN)'],
    [{ kind: 'log-uniform', min: 0, max: 10 }, 'invalid log-uniform distribution: min must be positive (got 0)'],
    [{ kind: 'normal', mean: 1, sd: -2 }, 'invalid normal distribution: sd must be positive (got -2)'],
    [{ kind: 'truncated-normal', mean: 0, sd: 1, min: 2, max: 2 }, 'invalid truncated-normal distribution: min (2) must be less than max (2)'],
    [{ kind: 'lognormal', mean: -1, sd: 1 }, 'invalid lognormal distribution: mean must be positive (got -1)'],
    [{ kind: 'triangular', min: 0, mode: 11, max: 10 }, 'invalid triangular distribution: mode (11) must lie in [min, max] = [0, 10]'],
    [{ kind: 'discrete', values: [] }, 'invalid discrete distribution: values must not be empty'],
    [{ kind: 'discrete', values: [1, 2], weights: [1] }, 'invalid discrete distribution: weights must have one entry per value (1 weights, 2 values)'],
    [{ kind: 'discrete', values: [1, 2], weights: [1, -1] }, 'invalid discrete distribution: weights must be finite and non-negative (got -1)'],
    [{ kind: 'discrete', values: [1, 2], weights: [0, 0] }, 'invalid discrete distribution: weights must not all be zero'],
    [{ kind: 'gamma' } as unknown as Distribution, 'invalid gamma distribution: unknown kind (expected one of uniform, log-uniform, normal, truncated-normal, lognormal, triangular, discrete)'],
  ])('checkDistribution(%j) says what is impossible', (distribution, message) => {
    expect(checkDistribution(distribution)).toBe(message);
  });
});
