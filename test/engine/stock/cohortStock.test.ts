import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import type { Lifetime } from '../../../engine/lifetime/lifetime.js';
import { createSurvival, setCohortSurvival, setSurvival } from '../../../engine/lifetime/survival.js';
import { CohortStock } from '../../../engine/stock/cohortStock.js';
import { inflowDrivenStock } from '../../../engine/stock/inflowDrivenStock.js';
import { stockDrivenStock } from '../../../engine/stock/stockDrivenStock.js';

function survivalOf(horizon: number, lifetime: Lifetime, offsets: number[] = []) {
  const survival = createSurvival(horizon, offsets);
  setSurvival(survival, lifetime, 'integer-age');
  return survival;
}

describe('inflowDrivenStock closed forms', () => {
  it('inflowDrivenStock(fixed L) lets each cohort leave whole L years later: outflow(t) = inflow(t − L)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 40 }), (life, inflow) => {
        const { outflow, stock } = inflowDrivenStock(inflow, survivalOf(inflow.length, { distribution: 'fixed', mean: life }));
        for (let t = 0; t < inflow.length; t++) {
          expect(outflow[t]).toBeCloseTo(t >= life ? inflow[t - life] : 0, 9);
          const window = inflow.slice(Math.max(0, t - life + 1), t + 1).reduce((sum, value) => sum + value, 0);
          expect(stock[t]).toBeCloseTo(window, 9);
        }
      }),
    );
  });

  it('inflowDrivenStock(exponential m) decays a single inflow geometrically by e^(−1/m) a year', () => {
    const horizon = 30;
    const mean = 6;
    const inflow = new Float64Array(horizon);
    inflow[0] = 100;
    const { stock, outflow } = inflowDrivenStock(inflow, survivalOf(horizon, { distribution: 'exponential', mean }));
    for (let t = 0; t < horizon; t++) {
      expect(stock[t] / (100 * Math.exp(-t / mean)) - 1).toBeCloseTo(0, 13);
      if (t > 0) expect(outflow[t] / (stock[t - 1] * -Math.expm1(-1 / mean)) - 1).toBeCloseTo(0, 12);
    }
    expect(outflow[0]).toBe(0);
  });

  it('inflowDrivenStock(fixed 0) passes every inflow straight through: no stock, outflow = inflow', () => {
    const inflow = [3, 1, 4, 1, 5];
    const { stock, outflow } = inflowDrivenStock(inflow, survivalOf(5, { distribution: 'fixed', mean: 0 }));
    expect(Array.from(stock)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(outflow)).toEqual(inflow);
  });

  it('inflowDrivenStock with an initial stock and no inflow retires each initial cohort by its conditional survival', () => {
    const lifetime: Lifetime = { distribution: 'weibull', shape: 2.5, scale: 12 };
    const survival = survivalOf(20, lifetime, [-9, -4, -1]);
    const initialStock = [5, 20, 40];
    const { stock } = inflowDrivenStock(new Float64Array(20), survival, { initialStock });
    const S = (age: number) => Math.exp(-Math.pow(age / 12, 2.5));
    for (let t = 0; t < 20; t++) {
      const expected = [-9, -4, -1].reduce((sum, birth, k) => sum + (initialStock[k] * S(t - birth)) / S(-1 - birth), 0);
      expect(stock[t] / expected - 1).toBeCloseTo(0, 12);
    }
  });

  it('an initial cohort older than its lifetime allows leaves whole in the first year, so no mass is lost', () => {
    const survival = survivalOf(5, { distribution: 'fixed', mean: 5 }, [-10, -2]);
    const { stock, outflow } = inflowDrivenStock([0, 0, 0, 0, 0], survival, { initialStock: [7, 3] });
    expect(Array.from(outflow)).toEqual([7, 0, 0, 3, 0]);
    expect(Array.from(stock)).toEqual([3, 3, 3, 0, 0]);
  });

  it('inflowDrivenStock with fixed lifetimes differing by cohort retires cohort c in year c + L(c)', () => {
    const horizon = 12;
    const lives = Array.from({ length: horizon }, (_, c) => 1 + (c % 4));
    const survival = createSurvival(horizon, [], true);
    lives.forEach((life, c) => setCohortSurvival(survival, c, { distribution: 'fixed', mean: life }, 'integer-age'));
    const inflow = Array.from({ length: horizon }, (_, c) => 10 + c);
    const { outflow } = inflowDrivenStock(inflow, survival);
    for (let t = 0; t < horizon; t++) {
      const expected = inflow.reduce((sum, value, c) => sum + (c + lives[c] === t ? value : 0), 0);
      expect(outflow[t]).toBeCloseTo(expected, 12);
    }
  });
});

describe('stockDrivenStock cases', () => {
  it('stockDrivenStock keeps a negative inflow and reports its years when correction is off', () => {
    const target = [100, 100, 20, 20];
    const result = stockDrivenStock(target, survivalOf(4, { distribution: 'fixed', mean: 10 }));
    expect(Array.from(result.inflow)).toEqual([100, 0, -80, 0]);
    expect(result.negativeInflowYears).toEqual([2]);
    expect(Array.from(result.stock)).toEqual(target);
  });

  it('stockDrivenStock with correction retires every older cohort by the same share and reports the year', () => {
    const survival = survivalOf(4, { distribution: 'fixed', mean: 10 });
    const workspace = new CohortStock(4);
    const result = stockDrivenStock([100, 150, 75, 75], survival, { negativeInflowCorrection: true, workspace });
    expect(Array.from(result.inflow)).toEqual([100, 50, 0, 0]);
    expect(Array.from(result.outflow)).toEqual([0, 0, 75, 0]);
    expect(Array.from(result.stock)).toEqual([100, 150, 75, 75]);
    expect(result.correctedYears).toEqual([2]);
    const byCohort = new Float64Array(4);
    workspace.stockByCohort(3, byCohort);
    expect(Array.from(byCohort)).toEqual([50, 25, 0, 0]);
  });

  it('stockDrivenStock(fixed 0) reports every year with a positive target as unreachable, with no NaN', () => {
    const result = stockDrivenStock([10, 0, 5], survivalOf(3, { distribution: 'fixed', mean: 0 }));
    expect(result.unreachableYears).toEqual([0, 2]);
    expect(Array.from(result.inflow)).toEqual([0, 0, 0]);
    expect(Array.from(result.stock)).toEqual([0, 0, 0]);
  });

  it('stockDrivenStock with correction reports a negative target as unreachable and empties the stock', () => {
    const result = stockDrivenStock([10, -5], survivalOf(2, { distribution: 'fixed', mean: 5 }), { negativeInflowCorrection: true });
    expect(result.unreachableYears).toEqual([1]);
    expect(result.stock[1]).toBe(0);
    expect(result.outflow[1]).toBe(10);
  });
});

describe('CohortStock misuse', () => {
  it('CohortStock rejects a survival of another shape, years out of order and reads of years not yet done', () => {
    const stock = new CohortStock(5, 1);
    expect(() => stock.reset(createSurvival(5))).toThrow(OptionsError);
    expect(() => stock.reset(createSurvival(5, [-1]), [1, 2])).toThrow(OptionsError);
    expect(() => stock.addCohort(0, 1)).toThrow('options.survival must be given to reset() before the first year');
    stock.reset(survivalOf(5, { distribution: 'fixed', mean: 2 }, [-1]), [4]);
    expect(() => stock.addCohort(1, 1)).toThrow('options.year must be stepped in order: expected 0 (got 1)');
    expect(() => stock.stock(0)).toThrow(OptionsError);
    stock.addCohort(0, 1);
    expect(stock.stock(0)).toBe(5);
    expect(stock.completedYears).toBe(1);
    expect(() => inflowDrivenStock([1, 2], createSurvival(3))).toThrow('options.inflow must have one value per year, 3 (got 2)');
  });
});
