import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, inverseNormalCdfOfLog } from '../../../../engine/sweep/design/inverseNormal.js';
import { logNormalUpperTail, normalCdf } from '../../../../engine/sweep/design/normalTail.js';

/** Φ⁻¹(p) from mpmath 1.3 (findroot on ln ncdf at 700 digits). */
const QUANTILES: [number, number][] = [
  [1e-300, -37.047096299361199237],
  [1e-100, -21.273453560965324294],
  [1e-20, -9.2623400897984075796],
  [1e-10, -6.3613409024040561991],
  [0.001, -3.0902323061678135354],
  [0.025, -1.9599639845400542118],
  [0.3, -0.52440051270804081597],
  [0.7, 0.52440051270804065631],
  [0.975, 1.9599639845400538556],
  [0.999, 3.0902323061678132778],
  [1 - 2 ** -40, 7.0477002566644087254],
];

describe('inverseNormalCdf', () => {
  it.each(QUANTILES)('inverseNormalCdf(%d) agrees with mpmath to 4e-16 relative (AS 241)', (p, x) => {
    expect(Math.abs(inverseNormalCdf(p) - x) / Math.abs(x)).toBeLessThan(4e-16);
  });

  it('inverseNormalCdf is 0 at ½, ∓∞ at 0 and 1, NaN outside [0, 1]', () => {
    expect(inverseNormalCdf(0.5)).toBe(0);
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(inverseNormalCdf(1.5)).toBeNaN();
    expect(inverseNormalCdf(NaN)).toBeNaN();
  });

  it('inverseNormalCdf round-trips with normalCdf and is odd about ½', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }), (p) => {
        const x = inverseNormalCdf(p);
        // Φ(x) is known to (1 + x²)·2e-16 relative (erfc of a rounded argument) and x to 4e-16.
        const tolerance = (1 + x * x) * 4e-16 + (Math.abs(x) * 4e-16 * Math.exp(-0.5 * x * x)) / (2.5 * p);
        expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(tolerance + 1e-15);
        // Odd about ½: with q = 1 − p rounded, 1 − q is exact, so Φ⁻¹(q) = −Φ⁻¹(1 − q).
        const q = 1 - p;
        if (q < 1) expect(Math.abs(inverseNormalCdf(q) + inverseNormalCdf(1 - q))).toBeLessThan(4e-16 * Math.max(1, Math.abs(inverseNormalCdf(q))));
      }),
    );
  });
});

describe('inverseNormalCdfOfLog', () => {
  it('inverseNormalCdfOfLog(ln p) equals inverseNormalCdf(p) wherever p is a double', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }), (p) => {
        const x = inverseNormalCdf(p);
        expect(Math.abs(inverseNormalCdfOfLog(Math.log(p)) - x)).toBeLessThan(1e-14 * Math.max(1, Math.abs(x)));
      }),
    );
  });

  it('inverseNormalCdfOfLog reaches far past the smallest double: ln Q(−x) = ln p to 1e-14 at ln p = −10^3 … −10^9', () => {
    for (const logP of [-1e3, -1e4, -1e6, -1e9]) {
      const x = inverseNormalCdfOfLog(logP);
      expect(x).toBeLessThan(0);
      expect(Math.abs(logNormalUpperTail(-x) - logP) / -logP).toBeLessThan(1e-14);
    }
    expect(inverseNormalCdfOfLog(-Infinity)).toBe(-Infinity);
    expect(inverseNormalCdfOfLog(Math.log(0.99))).toBeCloseTo(inverseNormalCdf(0.99), 14);
  });
});
