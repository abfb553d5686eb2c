import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurvivalConvention } from '../../../engine/definition/types.js';
import { erfc } from '../../../engine/lifetime/erfc.js';
import type { Lifetime } from '../../../engine/lifetime/lifetime.js';
import { logGamma } from '../../../engine/lifetime/logGamma.js';
import { SURVIVAL_CONVENTIONS, fillSurvivalCurve } from '../../../engine/lifetime/survivalCurve.js';
import { lifetimeArbitraries } from './arbitraries.js';
import { expectSurvivalContract } from './survivalContract.js';

function curveOf(lifetime: Lifetime, convention: SurvivalConvention, ages: number, firstAge = 0): Float64Array {
  const curve = new Float64Array(ages);
  fillSurvivalCurve(lifetime, convention, firstAge, ages, curve, 0);
  return curve;
}

const upperNormalTail = (z: number) => 0.5 * erfc(z / Math.SQRT2);
const normalDensity = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** ∫_0^∞ S(x) dx: the mean of the lifetime, counting the normal's negative ages as 0. */
function integralOfSurvival(lifetime: Lifetime): number {
  switch (lifetime.distribution) {
    case 'fixed':
    case 'exponential':
    case 'lognormal':
      return lifetime.mean;
    case 'normal': {
      const z = lifetime.mean / lifetime.sd;
      return lifetime.mean * (1 - upperNormalTail(z)) + lifetime.sd * normalDensity(z);
    }
    case 'folded-normal': {
      const z = lifetime.mean / lifetime.sd;
      return lifetime.sd * Math.sqrt(2 / Math.PI) * Math.exp(-0.5 * z * z) + lifetime.mean * (1 - 2 * upperNormalTail(z));
    }
    case 'weibull':
      return lifetime.scale * Math.exp(logGamma(1 + 1 / lifetime.shape));
    case 'gamma':
      return lifetime.shape * lifetime.scale;
    case 'table': {
      let sum = 0;
      for (let age = 0; age < lifetime.table.length; age++) sum += lifetime.table[age];
      return sum - lifetime.table[0] / 2;
    }
  }
}

describe('fillSurvivalCurve contract, for every distribution and convention', () => {
  for (const [distribution, arbitrary] of Object.entries(lifetimeArbitraries())) {
    // The UNU convention discards a density: fixed lifetimes and tables have none (the loader refuses them).
    const conventions = SURVIVAL_CONVENTIONS.filter((convention) => convention !== 'density-mid-year' || (distribution !== 'fixed' && distribution !== 'table'));
    for (const convention of conventions) {
      it(`fillSurvivalCurve(${distribution}, ${convention}) stays within [0, 1] and never increases with age`, () => {
        fc.assert(fc.property(arbitrary, (lifetime) => expectSurvivalContract(curveOf(lifetime, convention, 200))));
      });

      it(`fillSurvivalCurve(${distribution}, ${convention}) tends to 0 at great ages`, () => {
        fc.assert(
          fc.property(arbitrary, (lifetime) => {
            expect(curveOf(lifetime, convention, 1, 1e6)[0]).toBeLessThan(1e-12);
          }),
        );
      });
    }
  }

  for (const [distribution, arbitrary] of Object.entries(lifetimeArbitraries(true))) {
    it(`fillSurvivalCurve(${distribution}, quadrature) sums over ages to the integral of S, the mean lifetime`, () => {
      fc.assert(
        fc.property(arbitrary, (lifetime) => {
          const expected = integralOfSurvival(lifetime);
          const curve = curveOf(lifetime, 'survival-year-average', Math.ceil(60 * expected) + 100);
          expect(curve.reduce((sum, share) => sum + share, 0)).toBeCloseTo(expected, 6);
        }),
        { numRuns: 50 },
      );
    });
  }
});

describe('fillSurvivalCurve closed forms', () => {
  it('fillSurvivalCurve(fixed 3) keeps everything for ages 0 to 2 and nothing from age 3 (integer-age)', () => {
    expect(Array.from(curveOf({ distribution: 'fixed', mean: 3 }, 'integer-age', 6))).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('fillSurvivalCurve(fixed 2.5) evaluates the step at age + ½ (mid-year) and integrates it exactly (quadrature)', () => {
    expect(Array.from(curveOf({ distribution: 'fixed', mean: 2.5 }, 'survival-mid-year', 4))).toEqual([1, 1, 0, 0]);
    expect(Array.from(curveOf({ distribution: 'fixed', mean: 2.5 }, 'survival-year-average', 4))).toEqual([1, 1, 0.5, 0]);
  });

  it('fillSurvivalCurve(exponential) decays geometrically: e^(−a/m), e^(−(a+½)/m) and m(1 − e^(−1/m))e^(−a/m)', () => {
    const mean = 7;
    const integer = curveOf({ distribution: 'exponential', mean }, 'integer-age', 30);
    const midYear = curveOf({ distribution: 'exponential', mean }, 'survival-mid-year', 30);
    const quadrature = curveOf({ distribution: 'exponential', mean }, 'survival-year-average', 30);
    for (let age = 0; age < 30; age++) {
      expect(integer[age]).toBeCloseTo(Math.exp(-age / mean), 15);
      expect(midYear[age]).toBeCloseTo(Math.exp(-(age + 0.5) / mean), 15);
      expect(quadrature[age] / (mean * -Math.expm1(-1 / mean) * Math.exp(-age / mean)) - 1).toBeCloseTo(0, 13);
    }
  });

  it('fillSurvivalCurve(table) reads the table at integer ages, interpolates between them and is 0 after it', () => {
    const table: Lifetime = { distribution: 'table', table: [1, 0.8, 0.4] };
    expect(Array.from(curveOf(table, 'integer-age', 5))).toEqual([1, 0.8, 0.4, 0, 0]);
    expect(Array.from(curveOf(table, 'survival-mid-year', 4)).map((share) => +share.toFixed(12))).toEqual([0.9, 0.6, 0.2, 0]);
    expect(Array.from(curveOf(table, 'survival-year-average', 4)).map((share) => +share.toFixed(12))).toEqual([0.9, 0.6, 0.2, 0]);
  });

  it('fillSurvivalCurve(normal) is not truncated: a share leaves at age 0', () => {
    expect(curveOf({ distribution: 'normal', mean: 2, sd: 2 }, 'integer-age', 1)[0]).toBeCloseTo(1 - upperNormalTail(1), 15);
  });

  it('fillSurvivalCurve writes only its stretch of the output, from the given first age', () => {
    const out = new Float64Array(6).fill(-1);
    fillSurvivalCurve({ distribution: 'fixed', mean: 3 }, 'integer-age', 2, 3, out, 2);
    expect(Array.from(out)).toEqual([-1, -1, 1, 0, 0, -1]);
  });
});

describe('fillSurvivalCurve against scipy.stats (integer-age, scipy 1.17.1)', () => {
  const ages = [0, 1, 5, 10, 20, 40, 60];
  const reference: [Lifetime, number[]][] = [
    [{ distribution: 'normal', mean: 20, sd: 6 }, [0.9995709396668032, 0.99922901521553, 0.9937903346742238, 0.9522096477271853, 0.5, 0.0004290603331968372, 1.3083924686052994e-11]],
    [{ distribution: 'folded-normal', mean: 10, sd: 8 }, [1.0, 0.9542712052145268, 0.7644108327165609, 0.5062096653257762, 0.10573819095205615, 8.84174904271463e-5, 2.052263435886577e-10]],
    // scipy.stats.lognorm(s = σ, scale = e^μ) with σ² = ln(1 + 6²/20²), μ = ln 20 − σ²/2.
    [{ distribution: 'lognormal', mean: 20, sd: 6 }, [1.0, 1.0, 0.9999976253530414, 0.9865991551947906, 0.441652760857106, 0.006071617778443793, 5.0297409195155404e-5]],
    [{ distribution: 'weibull', shape: 2.2, scale: 15.2 }, [1.0, 0.9974915881621682, 0.9170145359748764, 0.6716244575103916, 0.160576501815054, 0.0002240128058502991, 1.2429147431805769e-9]],
    [{ distribution: 'gamma', shape: 3, scale: 5 }, [1.0, 0.9988515187551379, 0.9196986029286058, 0.6766764161830634, 0.23810330555354436, 0.013753967744002971, 0.0005222580500328981]],
    [{ distribution: 'exponential', mean: 8 }, [1.0, 0.8824969025845953, 0.5352614285189903, 0.2865047968601901, 0.0820849986238988, 0.006737946999085467, 0.0005530843701478336]],
  ];
  for (const [lifetime, expected] of reference) {
    it(`fillSurvivalCurve(${lifetime.distribution}) matches scipy's sf to 1e-12 relative`, () => {
      const curve = curveOf(lifetime, 'integer-age', 61);
      ages.forEach((age, i) => expect(Math.abs(curve[age] / expected[i] - 1)).toBeLessThan(1e-12));
    });
  }
});

describe('fillSurvivalCurve(quadrature) against adaptive quadrature (scipy.integrate.quad, scipy 1.17.1)', () => {
  const reference: [Lifetime, number[]][] = [
    // Shapes below 2: the first year is done in closed form.
    [{ distribution: 'weibull', shape: 0.5, scale: 10 }, [0.8122049976315276, 0.6806156953029072, 0.6072950142816096, 0.5538816584040648]],
    [{ distribution: 'weibull', shape: 1.2, scale: 1 }, [0.6624253115373642, 0.20908259474695928, 0.05377558940766097, 0.012235175713340736]],
    [{ distribution: 'gamma', shape: 0.5, scale: 10 }, [0.7667743572103299, 0.5861916823239424, 0.48060617199917, 0.4034660995982203]],
    // Narrow lifetimes: the year is split into panels.
    [{ distribution: 'normal', mean: 1.3, sd: 0.05 }, [0.9999999999921821, 0.3000000000078178]],
    [{ distribution: 'lognormal', mean: 1, sd: 0.2 }, [0.921121516885459, 0.07886217533747107, 1.630693492314318e-5, 8.420773830204779e-10]],
  ];
  for (const [lifetime, expected] of reference) {
    it(`fillSurvivalCurve(${JSON.stringify(lifetime)}, quadrature) matches to 1e-12 relative`, () => {
      const curve = curveOf(lifetime, 'survival-year-average', expected.length);
      expected.forEach((share, age) => expect(Math.abs(curve[age] / share - 1), `age ${age}`).toBeLessThan(1e-12));
    });
  }
});
