/**
 * Dynamic stock model kernels: µs per run of an inflow-driven and a stock-driven stock with a
 * normal lifetime (mean 20, sd 6), integer-age convention, over a ladder of horizons T.
 * "curve built" rebuilds the survival curve inside every run, as a sweep does when lifetime
 * parameters vary; "precomputed" reuses one curve. Buffers are allocated once, as in a sweep.
 * Python baseline (ODYM, same cases): test/fixtures/odym/benchmark.py.
 */
import { pathToFileURL } from 'node:url';
import type { Lifetime } from '../engine/lifetime/lifetime.js';
import { createSurvival, setSurvival, type Survival } from '../engine/lifetime/survival.js';
import { CohortStock } from '../engine/stock/cohortStock.js';
import { inflowDrivenStock } from '../engine/stock/inflowDrivenStock.js';
import { stockDrivenStock } from '../engine/stock/stockDrivenStock.js';
import { formatTable, measure } from './measure.js';

const HORIZONS = [50, 100, 200, 400, 1000];
const LIFETIME: Lifetime = { distribution: 'normal', mean: 20, sd: 6 };

interface Case {
  readonly survival: Survival;
  readonly workspace: CohortStock;
  readonly inflow: Float64Array;
  readonly target: Float64Array;
  readonly output: { inflow: Float64Array; outflow: Float64Array; stock: Float64Array };
}

function caseOf(horizon: number): Case {
  const survival = createSurvival(horizon);
  setSurvival(survival, LIFETIME, 'integer-age');
  const inflow = new Float64Array(horizon);
  const target = new Float64Array(horizon);
  for (let t = 0; t < horizon; t++) {
    inflow[t] = 100 + t / 2;
    target[t] = 1000 + (2000 * t) / horizon;
  }
  const output = { inflow: new Float64Array(horizon), outflow: new Float64Array(horizon), stock: new Float64Array(horizon) };
  return { survival, workspace: new CohortStock(horizon), inflow, target, output };
}

function runInflowDriven(run: Case, buildCurve: boolean): number {
  if (buildCurve) setSurvival(run.survival, LIFETIME, 'integer-age');
  const { stock, outflow } = inflowDrivenStock(run.inflow, run.survival, { workspace: run.workspace, output: run.output });
  return stock[stock.length - 1] + outflow[outflow.length - 1];
}

function runStockDriven(run: Case, buildCurve: boolean): number {
  if (buildCurve) setSurvival(run.survival, LIFETIME, 'integer-age');
  const { inflow, outflow } = stockDrivenStock(run.target, run.survival, { workspace: run.workspace, output: run.output });
  return inflow[inflow.length - 1] + outflow[outflow.length - 1];
}

export function benchDynamicStockModel(): { header: string[]; rows: string[][] } {
  const header = [
    'T',
    'inflow-driven µs (curve built)',
    'inflow-driven µs (precomputed)',
    'stock-driven µs (curve built)',
    'stock-driven µs (precomputed)',
  ];
  const rows = HORIZONS.map((horizon) => {
    const run = caseOf(horizon);
    const timings = [
      measure(() => runInflowDriven(run, true)),
      measure(() => runInflowDriven(run, false)),
      measure(() => runStockDriven(run, true)),
      measure(() => runStockDriven(run, false)),
    ];
    return [String(horizon), ...timings.map((timing) => timing.microsecondsPerCall.toFixed(1))];
  });
  return { header, rows };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { header, rows } = benchDynamicStockModel();
  console.log(formatTable(header, rows));
}
