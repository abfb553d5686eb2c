import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../../engine/errors.js';
import type { Distribution } from '../../../../engine/sweep/design/distributions.js';
import { quantileFunction } from '../../../../engine/sweep/design/quantileFunction.js';
import { normalCdf } from '../../../../engine/sweep/design/normalTail.js';

const Z_975 = 1.959963984540054;

/** CDFs written out here, independently of the quantile functions, for the round trips. */
function cdf(d: Distribution, x: number): number {
  switch (d.kind) {
    case 'uniform':
      return (x - d.min) / (d.max - d.min);
    case 'log-uniform':
      return Math.log(x / d.min) / Math.log(d.max / d.min);
    case 'normal':
      return normalCdf((x - d.mean) / d.sd);
    case 'truncated-normal': {
      const low = normalCdf((d.min - d.mean) / d.sd);
      return (normalCdf((x - d.mean) / d.sd) - low) / (normalCdf((d.max - d.mean) / d.sd) - low);
    }
    case 'lognormal': {
      const sigma2 = Math.log(1 + (d.sd / d.mean) ** 2);
      return normalCdf((Math.log(x) - Math.log(d.mean) + sigma2 / 2) / Math.sqrt(sigma2));
    }
    case 'triangular':
      return x <= d.mode
        ? (x - d.min) ** 2 / ((d.max - d.min) * (d.mode - d.min))
        : 1 - (d.max - x) ** 2 / ((d.max - d.min) * (d.max - d.mode));
    case 'discrete':
      throw new Error('no continuous CDF');
  }
}

const CONTINUOUS: Distribution[] = [
  { kind: 'uniform', min: -2, max: 5 },
  { kind: 'log-uniform', min: 0.01, max: 300 },
  { kind: 'normal', mean: 35, sd: 10 },
  { kind: 'truncated-normal', mean: 0.3, sd: 0.2, min: 0, max: 1 },
  { kind: 'lognormal', mean: 20, sd: 6 },
  { kind: 'triangular', min: 0, mode: 2, max: 10 },
];

describe('quantileFunction', () => {
  it('quantileFunction gives the textbook quantiles', () => {
    expect(quantileFunction({ kind: 'uniform', min: 2, max: 5 })(0.25)).toBe(2.75);
    expect(quantileFunction({ kind: 'log-uniform', min: 1, max: 100 })(0.5)).toBeCloseTo(10, 13);
    expect(quantileFunction({ kind: 'normal', mean: 10, sd: 2 })(0.975)).toBeCloseTo(10 + 2 * Z_975, 14);
    expect(quantileFunction({ kind: 'lognormal', mean: 20, sd: 6 })(0.5)).toBeCloseTo(20 / Math.sqrt(1.09), 13);
    const triangular = quantileFunction({ kind: 'triangular', min: 0, mode: 2, max: 10 });
    expect(triangular(0.2)).toBeCloseTo(2, 14);
    expect(triangular(0.1)).toBeCloseTo(Math.SQRT2, 14);
    expect(triangular(0.6)).toBeCloseTo(10 - Math.sqrt(32), 14);
    expect(quantileFunction({ kind: 'truncated-normal', mean: 0, sd: 1, min: -Infinity, max: Infinity })(0.975)).toBeCloseTo(Z_975, 14);
  });

  it.each(CONTINUOUS)('quantileFunction($kind) round-trips with the CDF and rises with u', (distribution) => {
    const quantile = quantileFunction(distribution);
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (u, v) => {
        expect(Math.abs(cdf(distribution, quantile(u)) - u)).toBeLessThan(1e-12);
        if (u < v) expect(quantile(u)).toBeLessThanOrEqual(quantile(v));
      }),
    );
  });

  it('quantileFunction(lognormal) keeps the mean and sd of the variable itself, not of its logarithm', () => {
    const quantile = quantileFunction({ kind: 'lognormal', mean: 20, sd: 6 });
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let k = 0; k < n; k++) {
      const x = quantile((k + 0.5) / n);
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(20, 3);
    expect(Math.sqrt(squares / n - mean * mean)).toBeCloseTo(6, 2);
  });

  it('quantileFunction(discrete) picks values in proportion to their weights, never a zero-weight one', () => {
    const weighted = quantileFunction({ kind: 'discrete', values: [1, 2, 3], weights: [1, 0, 3] });
    expect([0.1, 0.2499, 0.2501, 0.9, 1 - 2 ** -53].map(weighted)).toEqual([1, 1, 3, 3, 3]);
    const equal = quantileFunction({ kind: 'discrete', values: [5, 6, 7] });
    expect([0.3, 0.34, 0.66, 0.67].map(equal)).toEqual([5, 6, 6, 7]);
    const lastZero = quantileFunction({ kind: 'discrete', values: [1, 2], weights: [3, 0] });
    expect(lastZero(1 - 2 ** -53)).toBe(1);
  });

  it('quantileFunction throws an OptionsError for an impossible distribution', () => {
    expect(() => quantileFunction({ kind: 'normal', mean: 1, sd: 0 })).toThrow(OptionsError);
  });
});
