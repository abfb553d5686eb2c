import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularizedGammaP, regularizedGammaQ } from '../../../engine/lifetime/incompleteGamma.js';

/** scipy.special.gammaincc(a, x) (scipy 1.17.1), on both sides of the switch at x = a + 1. */
const REFERENCE: [number, number, number][] = [
  [0.1, 1, 0.024127343726327757],
  [0.5, 0.01, 0.887537083981715],
  [0.5, 3, 0.014305878435429641],
  [1, 2, 0.1353352832366127],
  [2.2, 1, 0.7869356508184489],
  [2.2, 3.5, 0.16752229175833377],
  [5, 5, 0.44049328506521257],
  [10, 3, 0.9988975118698845],
  [10, 30, 7.121750862815593e-6],
  [55.5, 50, 0.7639388611275001],
  [100, 120, 0.027863739890520652],
  [3, 0.001, 0.9999999998334583],
];

describe('regularizedGammaQ', () => {
  it('regularizedGammaQ(a, x) matches scipy to 1e-13 relative', () => {
    for (const [a, x, expected] of REFERENCE) {
      expect(Math.abs(regularizedGammaQ(a, x) / expected - 1), `Q(${a}, ${x})`).toBeLessThan(1e-13);
    }
  });

  it('regularizedGammaQ(1, x) is e^−x, the exponential survival function', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), (x) => {
        expect(regularizedGammaQ(1, x) / Math.exp(-x) - 1).toBeCloseTo(0, 13);
      }),
    );
  });

  it('regularizedGammaP(a, x) + regularizedGammaQ(a, x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), (a, x) => {
        expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
      }),
    );
  });

  it('regularizedGammaQ(a, x) is 1 at x ≤ 0, 0 at x = ∞, NaN for NaN', () => {
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaQ(2, -1)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
    expect(regularizedGammaQ(NaN, 1)).toBeNaN();
    expect(regularizedGammaP(2, 0)).toBe(0);
  });
});
