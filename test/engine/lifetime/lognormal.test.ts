import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lognormalLogMean, lognormalLogSd } from '../../../engine/lifetime/lognormal.js';

describe('lognormal parameters', () => {
  it('lognormalLogMean and lognormalLogSd give back the mean and sd of the lifetime itself', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 200, noNaN: true }), fc.double({ min: 0.001, max: 3, noNaN: true }), (mean, spread) => {
        const sd = mean * spread;
        const mu = lognormalLogMean(mean, sd);
        const sigma = lognormalLogSd(mean, sd);
        expect(Math.exp(mu + (sigma * sigma) / 2) / mean - 1).toBeCloseTo(0, 12);
        expect(Math.sqrt(Math.expm1(sigma * sigma)) * Math.exp(mu + (sigma * sigma) / 2) / sd - 1).toBeCloseTo(0, 9);
      }),
    );
  });

  it('lognormalLogSd(20, 6) is √ln(1.09), not ODYM\'s √ln(1 + 20²/6²)', () => {
    expect(lognormalLogSd(20, 6)).toBeCloseTo(Math.sqrt(Math.log(1.09)), 15);
    expect(lognormalLogMean(20, 6)).toBeCloseTo(Math.log(20) - Math.log(1.09) / 2, 15);
  });
});
