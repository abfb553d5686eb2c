import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../engine/lifetime/logGamma.js';

/** scipy.special.gammaln (scipy 1.17.1). */
const REFERENCE: [number, number][] = [
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247],
  [1.5, -0.12078223763524526],
  [3.7, 1.428072326665388],
  [10, 12.801827480081469],
  [55.5, 166.32150615984037],
  [171, 706.5730622457875],
  [1000, 5905.220423209181],
];

describe('logGamma', () => {
  it('logGamma(x) matches scipy to 1e-14 relative', () => {
    for (const [x, expected] of REFERENCE) expect(Math.abs(logGamma(x) / expected - 1), `lnΓ(${x})`).toBeLessThan(1e-14);
  });

  it('logGamma(1) and logGamma(2) are 0 to 1e-15', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
  });

  it('logGamma(x + 1) = logGamma(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), (x) => {
        expect(logGamma(x + 1) - logGamma(x) - Math.log(x)).toBeCloseTo(0, 11);
      }),
    );
  });
});
