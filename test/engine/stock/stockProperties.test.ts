import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurvivalConvention } from '../../../engine/definition/types.js';
import type { Lifetime } from '../../../engine/lifetime/lifetime.js';
import { createSurvival, setCohortSurvival, setSurvival, survivalShare, type Survival } from '../../../engine/lifetime/survival.js';
import { CohortStock } from '../../../engine/stock/cohortStock.js';
import { inflowDrivenStock } from '../../../engine/stock/inflowDrivenStock.js';
import { stockDrivenStock } from '../../../engine/stock/stockDrivenStock.js';
import { arbitraryConvention, arbitraryLifetime, between, discretises } from '../lifetime/arbitraries.js';
import { expectStockContract } from './stockContract.js';

interface Scenario {
  readonly lifetime: Lifetime;
  readonly convention: SurvivalConvention;
  readonly horizon: number;
  readonly offsets: number[];
  readonly initialStock: number[];
  /** Inflows (inflow-driven) or targets (stock-driven), one a year, ≥ 0. */
  readonly series: number[];
}

/** A stock over 1–50 years, with or without an initial stock of up to 6 cohorts, values up to 1e4. */
const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .record({
    lifetime: arbitraryLifetime,
    convention: arbitraryConvention,
    offsets: fc.uniqueArray(fc.integer({ min: -40, max: -1 }), { maxLength: 6 }).map((offsets) => offsets.sort((a, b) => a - b)),
    series: fc.array(between(0, 1e4), { minLength: 1, maxLength: 50 }),
    initialValues: fc.array(between(0, 1e4), { minLength: 6, maxLength: 6 }),
  })
  .filter(({ lifetime, convention }) => discretises(lifetime, convention))
  .map(({ lifetime, convention, offsets, series, initialValues }) => ({
    lifetime,
    convention,
    horizon: series.length,
    offsets,
    initialStock: initialValues.slice(0, offsets.length),
    series,
  }));

function survivalOf({ lifetime, convention, horizon, offsets }: Scenario, cohortVarying = false): Survival {
  const survival = createSurvival(horizon, offsets, cohortVarying);
  setSurvival(survival, lifetime, convention);
  return survival;
}

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, value) => total + value, 0);

/** Σ_k s_k(t) from stockByCohort equals stock(t), to rounding. */
function expectCohortsAddUp(stock: CohortStock): void {
  const byCohort = new Float64Array(stock.initialCohorts + stock.horizon);
  for (let t = 0; t < stock.horizon; t++) {
    stock.stockByCohort(t, byCohort);
    expect(Math.abs(sum(byCohort) - stock.stock(t))).toBeLessThanOrEqual(1e-10 * (Math.abs(stock.stock(t)) + 1));
  }
}

describe('dynamic stock contract, for every lifetime and convention', () => {
  it('inflowDrivenStock balances every year, stays non-negative and its cohorts add up to the stock', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const workspace = new CohortStock(scenario.horizon, scenario.offsets.length);
        const result = inflowDrivenStock(scenario.series, survivalOf(scenario), { initialStock: scenario.initialStock, workspace });
        expectStockContract({ ...result, inflow: scenario.series }, sum(scenario.initialStock));
        expectCohortsAddUp(workspace);
      }),
    );
  });

  it('stockDrivenStock with correction balances every year, stays non-negative and meets every reachable target', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const workspace = new CohortStock(scenario.horizon, scenario.offsets.length);
        const result = stockDrivenStock(scenario.series, survivalOf(scenario), {
          negativeInflowCorrection: true,
          initialStock: scenario.initialStock,
          workspace,
        });
        expectStockContract(result, sum(scenario.initialStock));
        expect(result.negativeInflowYears).toEqual([]);
        for (let t = 0; t < scenario.horizon; t++) {
          expect(result.inflow[t]).toBeGreaterThanOrEqual(0);
          if (!result.unreachableYears.includes(t)) expect(Math.abs(result.stock[t] - scenario.series[t])).toBeLessThanOrEqual(1e-9 * 1e4);
        }
        expectCohortsAddUp(workspace);
      }),
    );
  });

  it('stockDrivenStock without correction balances every year and reports exactly the years of negative inflow', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const result = stockDrivenStock(scenario.series, survivalOf(scenario), { initialStock: scenario.initialStock });
        const negative = Array.from(result.inflow).flatMap((inflow, t) => (inflow < 0 ? [t] : []));
        expect(result.negativeInflowYears).toEqual(negative);
        expect(result.correctedYears).toEqual([]);
        const { inflow, outflow, stock } = result;
        let previous = sum(scenario.initialStock);
        for (let t = 0; t < scenario.horizon; t++) {
          const largest = Math.max(Math.abs(inflow[t]), Math.abs(outflow[t]), Math.abs(stock[t]), Math.abs(previous));
          expect(Math.abs(inflow[t] - outflow[t] - (stock[t] - previous))).toBeLessThanOrEqual(100 * Number.EPSILON * largest);
          previous = stock[t];
        }
      }),
    );
  });

  it('stockDrivenStock(stock of an inflow-driven run) gives the inflow back', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const survival = survivalOf(scenario);
        fc.pre(survivalShare(survival, 0, scenario.offsets.length) > 0.05);
        const { stock } = inflowDrivenStock(scenario.series, survival, { initialStock: scenario.initialStock });
        const result = stockDrivenStock(stock, survival, { initialStock: scenario.initialStock });
        const scale = Math.max(...scenario.series, ...scenario.initialStock, 1);
        scenario.series.forEach((inflow, t) => expect(Math.abs(result.inflow[t] - inflow)).toBeLessThanOrEqual(1e-8 * scale));
      }),
    );
  });

  it('the negative-inflow correction takes the same share from every older cohort', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const survival = survivalOf(scenario);
        const workspace = new CohortStock(scenario.horizon, scenario.offsets.length);
        const result = stockDrivenStock(scenario.series, survival, { negativeInflowCorrection: true, initialStock: scenario.initialStock, workspace });
        const cohorts = workspace.initialCohorts + workspace.horizon;
        const before = new Float64Array(cohorts);
        const after = new Float64Array(cohorts);
        for (const t of result.correctedYears.filter((year) => year > 0)) {
          workspace.stockByCohort(t - 1, before);
          workspace.stockByCohort(t, after);
          const kept = Array.from({ length: workspace.initialCohorts + t }, (_, k) => k)
            .filter((k) => before[k] > 1e-6 && survivalShare(survival, t, k) > 1e-6)
            .map((k) => after[k] / ((before[k] * survivalShare(survival, t, k)) / survivalShare(survival, t - 1, k)));
          for (const share of kept) expect(share).toBeCloseTo(kept[0], 9);
        }
      }),
    );
  });

  it('a cohort-varying survival with one lifetime gives the same run as the Toeplitz one', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.boolean(), (scenario, correct) => {
        const options = { negativeInflowCorrection: correct, initialStock: scenario.initialStock };
        const toeplitz = stockDrivenStock(scenario.series, survivalOf(scenario), options);
        const varying = stockDrivenStock(scenario.series, survivalOf(scenario, true), options);
        expect(varying).toEqual(toeplitz);
      }),
    );
  });

  it('the same input gives the same output, whatever the workspace ran before', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.array(between(0, 1e4), { minLength: 50, maxLength: 50 }), (scenario, other) => {
        const survival = survivalOf(scenario);
        const options = { negativeInflowCorrection: true, initialStock: scenario.initialStock };
        const fresh = stockDrivenStock(scenario.series, survival, options);
        const workspace = new CohortStock(scenario.horizon, scenario.offsets.length);
        stockDrivenStock(other.slice(0, scenario.horizon), survival, { ...options, workspace });
        inflowDrivenStock(other.slice(0, scenario.horizon), survival, { workspace });
        expect(stockDrivenStock(scenario.series, survival, { ...options, workspace })).toEqual(fresh);
      }),
    );
  });

  it('CohortStock.reset after its survival was refilled in place or with another initial stock gives a fresh stock\'s results', () => {
    fc.assert(
      fc.property(arbitraryScenario, arbitraryLifetime, fc.integer({ min: 0, max: 10 }), between(0, 1e4), (scenario, before, zeros, scale) => {
        fc.pre(discretises(before, scenario.convention));
        // Leading years without inflow leave the model cohorts' weights zero for a while.
        const series = [...new Array(Math.min(zeros, scenario.horizon)).fill(0), ...scenario.series].slice(0, scenario.horizon);
        const { initialStock } = scenario;
        const fresh = inflowDrivenStock(series, survivalOf(scenario), { initialStock });
        const freshBefore = inflowDrivenStock(series, survivalOf({ ...scenario, lifetime: before }), { initialStock });
        const survival = survivalOf({ ...scenario, lifetime: before });
        const workspace = new CohortStock(scenario.horizon, scenario.offsets.length);
        inflowDrivenStock(series, survival, { workspace, initialStock: initialStock.map((value) => value * scale) });
        expect(inflowDrivenStock(series, survival, { workspace, initialStock })).toEqual(freshBefore);
        setSurvival(survival, scenario.lifetime, scenario.convention);
        expect(inflowDrivenStock(series, survival, { workspace, initialStock })).toEqual(fresh);
      }),
    );
  });

  it('CohortStock.restart(survival) runs from the initial stock of the last reset, after corrections and refills, as reset with that stock does', () => {
    /** Stock-driven years with correction (they scale the initial cohorts), then stock, inflow and outflow of every year and the last year's stock by cohort. */
    const stepped = (stock: CohortStock, targets: number[]) => {
      const years = targets.flatMap((target, t) => {
        stock.meetTarget(t, target, true);
        return [stock.stock(t), stock.inflow(t), stock.outflow(t)];
      });
      const byCohort = new Float64Array(stock.initialCohorts + stock.horizon);
      stock.stockByCohort(stock.horizon - 1, byCohort);
      return [...years, ...byCohort];
    };
    fc.assert(
      fc.property(arbitraryScenario, arbitraryLifetime, between(0, 1e4), (scenario, before, scale) => {
        fc.pre(discretises(before, scenario.convention));
        const { horizon, offsets, initialStock, series } = scenario;
        const survival = survivalOf({ ...scenario, lifetime: before });
        const expected = (stockGiven: number[] | undefined) => {
          const fresh = new CohortStock(horizon, offsets.length);
          fresh.reset(survival, stockGiven);
          return stepped(fresh, series);
        };
        const workspace = new CohortStock(horizon, offsets.length);
        // Before any reset, the initial stock is zero.
        workspace.restart(survival);
        expect(stepped(workspace, series)).toEqual(expected(undefined));
        workspace.reset(survival, initialStock.map((value) => value * scale));
        stepped(workspace, series);
        workspace.reset(survival, initialStock);
        stepped(workspace, series.map((value) => value * scale));
        workspace.restart(survival);
        expect(stepped(workspace, series)).toEqual(expected(initialStock));
        setSurvival(survival, scenario.lifetime, scenario.convention);
        workspace.restart(survival);
        expect(stepped(workspace, series)).toEqual(expected(initialStock));
      }),
    );
  });

  it('stockDrivenStock with lifetimes varying by cohort meets its targets and balances', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.array(arbitraryLifetime, { minLength: 1, maxLength: 5 }), (scenario, lifetimes) => {
        fc.pre(lifetimes.every((lifetime) => discretises(lifetime, scenario.convention)));
        const survival = createSurvival(scenario.horizon, scenario.offsets, true);
        for (let k = 0; k < survival.births.length; k++) setCohortSurvival(survival, k, lifetimes[k % lifetimes.length], scenario.convention);
        const result = stockDrivenStock(scenario.series, survival, { negativeInflowCorrection: true, initialStock: scenario.initialStock });
        expectStockContract(result, sum(scenario.initialStock));
        for (let t = 0; t < scenario.horizon; t++) {
          if (!result.unreachableYears.includes(t)) expect(Math.abs(result.stock[t] - scenario.series[t])).toBeLessThanOrEqual(1e-9 * 1e4);
        }
      }),
    );
  });
});
