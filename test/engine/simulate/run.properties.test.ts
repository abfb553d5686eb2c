import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile/compileModel.js';
import { run } from '../../../engine/simulate/run.js';
import type { Solution } from '../../../engine/simulate/solution.js';
import { randomModel } from '../../support/randomModel.js';

/** Σ over items and a year of a year-major series. */
function yearTotal(values: Float64Array, size: number, t: number): number {
  let sum = 0;
  for (let k = 0; k < size; k++) sum += values[t * size + k];
  return sum;
}

function systemBalance(solution: Solution, t: number): { residual: number; scale: number } {
  let residual = 0;
  let scale = 0;
  for (const flow of solution.flows) {
    const size = flow.values.length / solution.years.length;
    const value = yearTotal(flow.values, size, t);
    if (flow.from === 'outside') residual += value;
    if (flow.to === 'outside') residual -= value;
    scale += Math.abs(value);
  }
  for (const stock of solution.stocks) {
    const size = stock.stock.length / solution.years.length;
    const now = yearTotal(stock.stock, size, t);
    const before = t === 0 ? 0 : yearTotal(stock.stock, size, t - 1);
    residual -= now - before;
    scale += Math.abs(now) + Math.abs(before);
  }
  return { residual, scale };
}

describe('run on generated models', () => {
  it('run(model) conserves mass in every process and for the whole system, every year', () => {
    fc.assert(
      fc.property(randomModel, (definition) => {
        const solution = run(compile(definition));
        expect(solution.issues.filter((issue) => issue.status === 'unbalanced' || issue.status === 'non-finite' || issue.status === 'singular-loop')).toEqual([]);
        solution.years.forEach((_, t) => {
          const { residual, scale } = systemBalance(solution, t);
          expect(Math.abs(residual)).toBeLessThanOrEqual(1e-10 * (1 + scale));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('run(model) keeps stocks and flows non-negative when negative-inflow correction is on', () => {
    fc.assert(
      fc.property(randomModel, (definition) => {
        const corrected = { ...definition, stocks: definition.stocks.map((stock) => (stock.kind === 'stock-driven' ? { ...stock, negativeInflowCorrection: true } : stock)) };
        const solution = run(compile(corrected));
        const tolerance = (values: Float64Array) => -1e-9 * Math.max(1, ...values.map(Math.abs));
        for (const stock of solution.stocks) {
          for (const series of [stock.stock, stock.inflow, stock.outflow]) expect(Math.min(...series)).toBeGreaterThanOrEqual(tolerance(series));
        }
        for (const flow of solution.flows) expect(Math.min(...flow.values)).toBeGreaterThanOrEqual(tolerance(flow.values));
        const dwellings = solution.stocks.find((stock) => stock.name === 'dwellings')!;
        const target = corrected.drivers.find((driver) => driver.name === 'target')!.values;
        dwellings.stock.forEach((value, i) => expect(value).toBeCloseTo(target[i], 6));
      }),
      { numRuns: 100 },
    );
  });

  it('run(model) gives bit-identical results for the same input, also after other runs and with reused outputs', () => {
    fc.assert(
      fc.property(randomModel, randomModel, (definition, other) => {
        const model = compile(definition);
        const first = run(model);
        run(compile(other));
        run(model, { cohorts: true });
        const second = run(model);
        expect(second.flows.map((flow) => [...flow.values])).toEqual(first.flows.map((flow) => [...flow.values]));
        expect(second.stocks.map((stock) => [...stock.stock])).toEqual(first.stocks.map((stock) => [...stock.stock]));
        run(model, { reuseOutputs: true });
        const reused = run(model, { reuseOutputs: true });
        expect(reused.flows.map((flow) => [...flow.values])).toEqual(first.flows.map((flow) => [...flow.values]));
        expect(reused.balance.map((b) => [...b.residual])).toEqual(first.balance.map((b) => [...b.residual]));
      }),
      { numRuns: 40 },
    );
  });
});
