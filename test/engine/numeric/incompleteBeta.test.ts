import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularizedBeta } from '../../../engine/numeric/incompleteBeta.js';

/** scipy.special.betainc(a, b, x) (scipy 1.17.1), on both sides of the switch at x = (a + 1)/(a + b + 2). */
const REFERENCE: [number, number, number, number][] = [
  [0.3, 0.5, 0.5, 0.36901011956554536],
  [0.4, 2, 3, 0.5247999999999999],
  [0.9, 5, 0.5, 0.3166429150200122],
  [0.95, 50, 0.5, 0.02387270549699076],
  [0.01, 0.1, 10, 0.8244896709066988],
  [0.45, 30, 40, 0.6447480085585666],
  [0.999, 200, 0.5, 0.5272441070252349],
  [0.999, 1.5, 2.5, 0.9999999356016206],
];

const unit = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });
const shape = fc.double({ min: 0.05, max: 80, noNaN: true });

describe('regularizedBeta', () => {
  it('regularizedBeta(x, a, b) matches scipy to 1e-13 relative', () => {
    for (const [x, a, b, expected] of REFERENCE) {
      expect(Math.abs(regularizedBeta(x, a, b) / expected - 1), `I(${x}; ${a}, ${b})`).toBeLessThan(1e-13);
    }
  });

  it('regularizedBeta(x, a, 1) is x^a and regularizedBeta(x, 1, b) is 1 − (1 − x)^b', () => {
    // To 1e-12: ln B(a, b) from three ln Γ values loses about ln Γ(a + b)·ε, some 1e-13 at a = 80.
    fc.assert(
      fc.property(unit, shape, (x, a) => {
        expect(regularizedBeta(x, a, 1)).toBeCloseTo(x ** a, 12);
        expect(regularizedBeta(x, 1, a)).toBeCloseTo(1 - (1 - x) ** a, 12);
      }),
    );
  });

  it('regularizedBeta(x, ½, ½) is (2/π) arcsin √x, the arcsine distribution', () => {
    fc.assert(
      fc.property(unit, (x) => {
        expect(regularizedBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 13);
      }),
    );
  });

  it('regularizedBeta(x, a, b) + regularizedBeta(1 − x, b, a) = 1', () => {
    // x away from 0 and 1, where rounding 1 − x (not the function) would dominate the difference.
    const central = fc.double({ min: 0.01, max: 0.99, noNaN: true });
    fc.assert(
      fc.property(central, shape, shape, (x, a, b) => {
        expect(regularizedBeta(x, a, b) + regularizedBeta(1 - x, b, a)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('regularizedBeta(x, a, b) is 0 at x ≤ 0, 1 at x ≥ 1 and NaN for NaN', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(-1, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBeta(NaN, 2, 3)).toBeNaN();
  });
});
