import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTQuantile, studentTUpperTail } from '../../../engine/numeric/studentT.js';
import { inverseNormalCdf } from '../../../engine/sweep/design/inverseNormal.js';

/** scipy.stats.t.ppf(p, ν) (scipy 1.17.1): both tails, the centre and the closed-form cases ν = 1, 2. */
const REFERENCE: [number, number, number][] = [
  [1e-10, 1, -3183098861.8379064],
  [0.001, 1, -318.30883898555044],
  [0.025, 1, -12.706204736174705],
  [0.3, 1, -0.7265425280053609],
  [0.975, 1, 12.706204736174694],
  [0.999999, 1, 318309.88617359026],
  [1e-10, 2, -70710.67810804816],
  [0.001, 2, -22.327124770119873],
  [0.025, 2, -4.302652729749464],
  [0.3, 2, -0.6172133998483678],
  [0.975, 2, 4.302652729749462],
  [0.999999, 2, 707.1057205157672],
  [1e-10, 3, -2225.769284683093],
  [0.001, 3, -10.214531852407385],
  [0.025, 3, -3.1824463052837086],
  [0.3, 3, -0.5843897274398188],
  [0.975, 3, 3.1824463052837078],
  [0.999999, 3, 103.29946777942898],
  [1e-10, 5, -156.82559270889433],
  [0.001, 5, -5.893429531356009],
  [0.025, 5, -2.5705818356363155],
  [0.3, 5, -0.5594296444693604],
  [0.975, 5, 2.5705818356363146],
  [0.999999, 5, 24.771029720372493],
  [1e-10, 10, -25.466008021697725],
  [0.001, 10, -4.143700494046589],
  [0.025, 10, -2.2281388519862753],
  [0.3, 10, -0.5415280387550154],
  [0.975, 10, 2.228138851986274],
  [0.999999, 10, 9.751995490909856],
  [1e-10, 30, -9.377489780407144],
  [0.001, 30, -3.385184866829305],
  [0.025, 30, -2.042272456301238],
  [0.3, 30, -0.5300190039065046],
  [0.975, 30, 2.0422724563012378],
  [0.999999, 30, 5.871117120408624],
  [1e-10, 200, -6.706200879452119],
  [0.001, 200, -3.131479814221121],
  [0.025, 200, -1.9718962236339093],
  [0.3, 200, -0.5252373340155534],
  [0.975, 200, 1.9718962236339088],
  [0.999999, 200, 4.897302102820449],
];

describe('studentTQuantile', () => {
  it('studentTQuantile(p, ν) matches scipy to 1e-12 relative', () => {
    for (const [p, degrees, expected] of REFERENCE) {
      expect(Math.abs(studentTQuantile(p, degrees) / expected - 1), `t(${p}, ${degrees})`).toBeLessThan(1e-12);
    }
  });

  it('studentTQuantile(p, ∞) is the normal quantile and studentTQuantile(½, ν) is 0', () => {
    expect(studentTQuantile(0.975, Infinity)).toBe(inverseNormalCdf(0.975));
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('studentTQuantile(p, ν) inverts studentTUpperTail', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), (p, degrees) => {
        const t = studentTQuantile(p, degrees);
        expect(1 - studentTUpperTail(t, degrees)).toBeCloseTo(p, 12);
      }),
    );
  });

  it('studentTQuantile(p, ν) is odd in p − ½ and increasing in p', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.499, noNaN: true }), fc.double({ min: 1e-6, max: 0.001, noNaN: true }), fc.integer({ min: 1, max: 60 }), (p, step, degrees) => {
        // 1 − p is rounded (p is not a dyadic fraction): equal to that rounding, not to the last bit.
        expect(studentTQuantile(p, degrees) / -studentTQuantile(1 - p, degrees)).toBeCloseTo(1, 9);
        expect(studentTQuantile(p + step, degrees)).toBeGreaterThan(studentTQuantile(p, degrees));
      }),
    );
  });

  it('studentTQuantile(p, ν) is ±∞ at 0 and 1 and NaN outside [0, 1] or for ν ≤ 0', () => {
    expect(studentTQuantile(0, 4)).toBe(-Infinity);
    expect(studentTQuantile(1, 4)).toBe(Infinity);
    expect(studentTQuantile(1.5, 4)).toBeNaN();
    expect(studentTQuantile(0.5, 0)).toBeNaN();
    expect(studentTQuantile(NaN, 4)).toBeNaN();
  });
});
