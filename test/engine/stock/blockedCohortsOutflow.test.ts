import { describe, expect, it } from 'vitest';
import { createSurvival, setCohortSurvival, setSurvival, type Survival } from '../../../engine/lifetime/survival.js';
import { modelCohortsOutflowBlock, OUTFLOW_BLOCK } from '../../../engine/stock/blockedCohortsOutflow.js';
import { BLOCKED_HORIZON, CohortStock } from '../../../engine/stock/cohortStock.js';
import { inflowDrivenStock } from '../../../engine/stock/inflowDrivenStock.js';
import { createSimdOutflowBlock } from '../../../engine/stock/simdOutflowBlock.js';
import { stockDrivenStock } from '../../../engine/stock/stockDrivenStock.js';

const HORIZON = 240;
const OFFSETS = [-9, -4, -2];

function weightsOf(cohorts: number): Float64Array {
  return Float64Array.from({ length: cohorts }, (_, k) => 50 + ((k * 37) % 23) + k / 3);
}

/** Σ over the model cohorts older than `year` of w_k · leaving(year + j, k), one product at a time. */
function naiveBlock(survival: Survival, weights: Float64Array, year: number): number[] {
  const sums: number[] = [];
  for (let j = 0; j < OUTFLOW_BLOCK; j++) {
    let sum = 0;
    for (let k = survival.initialCohorts; k < survival.initialCohorts + year; k++) sum += weights[k] * survival.leaving[survival.column[k] + year + j];
    sums.push(sum);
  }
  return sums;
}

function expectSums(actual: ArrayLike<number>, expected: number[]): void {
  for (let j = 0; j < OUTFLOW_BLOCK; j++) expect(Math.abs(actual[j] - expected[j])).toBeLessThanOrEqual(1e-13 * Math.abs(expected[j]));
}

describe('six-year cohort outflow sums', () => {
  const toeplitz = createSurvival(HORIZON, OFFSETS);
  setSurvival(toeplitz, { distribution: 'normal', mean: 20, sd: 6 }, 'integer-age');
  const varying = createSurvival(HORIZON, OFFSETS, true);
  for (let k = 0; k < varying.births.length; k++) setCohortSurvival(varying, k, { distribution: 'weibull', shape: 2.5, scale: 10 + k / 20 }, 'integer-age');
  const weights = weightsOf(OFFSETS.length + HORIZON);
  const years = [0, 1, 2, 7, 100, HORIZON - OUTFLOW_BLOCK];

  it('modelCohortsOutflowBlock(survival, weights, t) sums six years of the older model cohorts, in both survival layouts', () => {
    const out = new Float64Array(OUTFLOW_BLOCK);
    for (const survival of [toeplitz, varying]) {
      for (const year of years) {
        modelCohortsOutflowBlock(survival, weights, year, out);
        expectSums(out, naiveBlock(survival, weights, year));
      }
    }
  });

  it('createSimdOutflowBlock(T, n0).sum(t) gives the same sums from its own copy of the weights and leaving shares', () => {
    const simd = createSimdOutflowBlock(HORIZON, OFFSETS.length);
    // Node 20 has WebAssembly SIMD; without it the stock would run the JavaScript kernel.
    expect(simd).toBeDefined();
    simd!.weights.set(weights);
    simd!.copyLeaving(toeplitz.leaving);
    const out = new Float64Array(OUTFLOW_BLOCK);
    for (const year of years) {
      simd!.sum(year, out);
      expectSums(out, naiveBlock(toeplitz, weights, year));
    }
  });
});

describe('CohortStock from BLOCKED_HORIZON on', () => {
  it('inflowDrivenStock with a reused workspace follows a survival refilled in place between runs', () => {
    const horizon = BLOCKED_HORIZON + 7;
    const inflow = weightsOf(horizon);
    const survival = createSurvival(horizon);
    const workspace = new CohortStock(horizon);
    setSurvival(survival, { distribution: 'normal', mean: 20, sd: 6 }, 'integer-age');
    inflowDrivenStock(inflow, survival, { workspace });
    setSurvival(survival, { distribution: 'normal', mean: 12, sd: 3 }, 'integer-age');
    const reused = inflowDrivenStock(inflow, survival, { workspace });
    const fresh = inflowDrivenStock(inflow, survival);
    expect(Array.from(reused.stock)).toEqual(Array.from(fresh.stock));
    expect(Array.from(reused.outflow)).toEqual(Array.from(fresh.outflow));
  });

  it('stockDrivenStock over T ≥ BLOCKED_HORIZON gives the years of a shorter run, corrections and initial stock included', () => {
    const long = BLOCKED_HORIZON + 31;
    const short = BLOCKED_HORIZON - 1;
    const target = Float64Array.from({ length: long }, (_, t) => 1000 * (1.5 + Math.sin(t / 3)));
    const run = (horizon: number) => {
      const survival = createSurvival(horizon, OFFSETS);
      setSurvival(survival, { distribution: 'weibull', shape: 3, scale: 12 }, 'integer-age');
      return stockDrivenStock(target.subarray(0, horizon), survival, { negativeInflowCorrection: true, initialStock: [300, 200, 100] });
    };
    const blocked = run(long);
    const stepped = run(short);
    expect(stepped.correctedYears.length).toBeGreaterThan(10);
    expect(blocked.correctedYears.filter((year) => year < short)).toEqual(stepped.correctedYears);
    for (const series of ['inflow', 'outflow', 'stock'] as const) {
      for (let t = 0; t < short; t++) {
        expect(Math.abs(blocked[series][t] - stepped[series][t])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(stepped[series][t])) + 1e-12 * 2500);
      }
    }
  });
});
