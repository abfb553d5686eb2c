import { describe, expect, it } from 'vitest';
import { logNormalUpperTail, millsRatio, normalCdf, normalUpperTail } from '../../../../engine/sweep/design/normalTail.js';

/** Reference values from mpmath 1.3 at 60 digits (ncdf). */
const CDF_AND_TAIL: [number, number, number][] = [
  [-37, 5.7255712225245768227e-300, 1],
  [-10, 7.619853024160526066e-24, 1],
  [-1, 0.15865525393145705141, 0.84134474606854294859],
  [0.5, 0.69146246127401310364, 0.30853753872598689636],
  [3, 0.99865010196836990547, 0.0013498980316300945267],
  [10, 1, 7.619853024160526066e-24],
  [20, 1, 2.7536241186062336951e-89],
  [37, 1, 5.7255712225245768227e-300],
];

/** ln Q(x) from mpmath at 100 digits, beyond where Q(x) is a double. */
const LOG_TAIL: [number, number][] = [
  [40, -804.60844201375378817],
  [100, -5005.5242086942050886],
  [1000, -500007.82669481218431],
  [1e5, -5000000012.4318639983],
];

function relativeError(value: number, reference: number): number {
  return Math.abs(value - reference) / Math.abs(reference);
}

describe('normal tails', () => {
  it.each(CDF_AND_TAIL)('normalCdf(%d) and normalUpperTail agree with mpmath to (1 + x²)·2e-16 relative', (x, cdf, tail) => {
    const tolerance = (1 + x * x) * 2e-16;
    expect(relativeError(normalCdf(x), cdf)).toBeLessThan(tolerance);
    expect(relativeError(normalUpperTail(x), tail)).toBeLessThan(tolerance);
  });

  it.each(LOG_TAIL)('logNormalUpperTail(%d) agrees with mpmath to 1e-15 relative', (x, logTail) => {
    expect(relativeError(logNormalUpperTail(x), logTail)).toBeLessThan(1e-15);
  });

  it('logNormalUpperTail is continuous where the asymptotic series takes over, at 37', () => {
    const below = logNormalUpperTail(37 - 1e-12);
    const above = logNormalUpperTail(37);
    expect(relativeError(below, above)).toBeLessThan(1e-13);
    expect(logNormalUpperTail(-50)).toBeCloseTo(0, 15);
    expect(logNormalUpperTail(-3)).toBeCloseTo(Math.log(normalCdf(3)), 15);
  });

  it('millsRatio(x) tends to 1/x − 1/x³ in the tail and is √(π/2) at 0', () => {
    expect(millsRatio(0)).toBeCloseTo(Math.sqrt(Math.PI / 2), 14);
    expect(relativeError(millsRatio(200), 1 / 200 - 1 / 200 ** 3 + 3 / 200 ** 5)).toBeLessThan(1e-10);
  });
});
