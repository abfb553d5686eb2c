import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decayRateOfHalfLife, firstOrderDecay } from '../../../engine/carbon/firstOrderDecay.js';

function decay(deposited: number[], rate: number, startMonth = 13) {
  const decomposed = new Float64Array(deposited.length);
  const accumulated = new Float64Array(deposited.length);
  firstOrderDecay(deposited, new Float64Array(deposited.length).fill(rate), startMonth, decomposed, accumulated, 0, 1, deposited.length);
  return { decomposed: [...decomposed], accumulated: [...accumulated] };
}

describe('firstOrderDecay (IPCC 2006 Vol. 5, Eq. 3.4–3.6)', () => {
  it('firstOrderDecay(one deposit, M = 13) decomposes nothing in the deposit year, then a geometric series W(1 − e^−k)e^(−k(t−1))', () => {
    const k = 0.185;
    const { decomposed } = decay([1000, 0, 0, 0, 0, 0], k);
    expect(decomposed[0]).toBe(0);
    for (let t = 1; t < 6; t++) expect(decomposed[t]).toBeCloseTo(1000 * (1 - Math.exp(-k)) * Math.exp(-k * (t - 1)), 10);
    // Geometric after the first year: each year e^−k of the year before.
    for (let t = 2; t < 6; t++) expect(decomposed[t] / decomposed[t - 1]).toBeCloseTo(Math.exp(-k), 12);
  });

  it('firstOrderDecay(one deposit, start month M) decomposes 1 − e^(−k(13 − M)/12) of it in the deposit year (Annex 3A.1)', () => {
    const k = 0.06;
    for (const month of [1, 4, 7, 13]) {
      const share = (13 - month) / 12;
      const { decomposed } = decay([500, 0, 0, 0], k, month);
      expect(decomposed[0]).toBeCloseTo(500 * (1 - Math.exp(-k * share)), 10);
      expect(decomposed[1]).toBeCloseTo(500 * Math.exp(-k * share) * (1 - Math.exp(-k)), 10);
      expect(decomposed[3] / decomposed[2]).toBeCloseTo(Math.exp(-k), 12);
    }
  });

  it('firstOrderDecay(deposits) conserves carbon: what decomposed plus what remains is what was deposited', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0.001, max: 0.7, noNaN: true }),
        fc.integer({ min: 1, max: 13 }),
        (deposited, rate, month) => {
          const { decomposed, accumulated } = decay(deposited, rate, month);
          const total = deposited.reduce((sum, value) => sum + value, 0);
          const gone = decomposed.reduce((sum, value) => sum + value, 0);
          expect(Math.abs(gone + accumulated[accumulated.length - 1] - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
          decomposed.forEach((value) => expect(value).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });

  it('firstOrderDecay(deposits) is linear: the decay of a sum of deposit histories is the sum of their decays', () => {
    const a = [100, 0, 50, 0, 0, 20];
    const b = [0, 80, 0, 0, 30, 0];
    const sum = decay(a.map((value, t) => value + b[t]), 0.1).decomposed;
    const parts = decay(a, 0.1).decomposed.map((value, t) => value + decay(b, 0.1).decomposed[t]);
    sum.forEach((value, t) => expect(value).toBeCloseTo(parts[t], 10));
  });

  it('firstOrderDecay(deposits, rates) decays each year at that year\'s rate', () => {
    const decomposed = new Float64Array(3);
    const accumulated = new Float64Array(3);
    firstOrderDecay([100, 0, 0], [0.1, 0.2, 0.3], 13, decomposed, accumulated, 0, 1, 3);
    expect(decomposed[1]).toBeCloseTo(100 * (1 - Math.exp(-0.2)), 12);
    expect(decomposed[2]).toBeCloseTo(100 * Math.exp(-0.2) * (1 - Math.exp(-0.3)), 12);
  });

  it('decayRateOfHalfLife(half-life) gives k with e^(−k · half-life) = ½', () => {
    expect(Math.exp(-decayRateOfHalfLife(11.55) * 11.55)).toBeCloseTo(0.5, 14);
  });
});
