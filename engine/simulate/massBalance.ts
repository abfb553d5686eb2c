import type { CompiledModel } from '../compile/compiledModel.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import type { IssueLog } from './issueLog.js';
import { sumProcessBalances } from './processBalances.js';
import type { StockRunSeries, Workspace } from './workspace.js';

/**
 * A balance residual counts as zero when it is within BALANCE_ULPS machine epsilons of the sum of
 * the magnitudes of the terms in that balance: rounding scales with the values, so an absolute
 * tolerance would be too strict for megatonnes and too lax for kilograms.
 */
export const BALANCE_ULPS = 100;

/**
 * Checks a finished run: each flow is finite (and, unless it is a demand flow, whose sign the
 * stock reports, non-negative), and it is added to the balance of the process it leaves and of the
 * one it enters. Then each process's stock change is taken off (the stock checked to be finite) and
 * every residual, year and item, is compared with its tolerance. Residuals land in
 * `workspace.residuals`; the first failure of each kind and process becomes an issue. A run whose
 * flows and stocks are all non-negative and finite, the usual case, is summed process by process
 * (sumProcessBalances); any other is checked flow by flow, which also finds the culprits.
 */
export function checkMassBalance(model: CompiledModel, workspace: Workspace, issues: IssueLog): void {
  const unbalanced = new Int32Array(model.processes.length);
  if (sumProcessBalances(model, workspace, BALANCE_ULPS * Number.EPSILON, unbalanced)) {
    for (let p = 0; p < unbalanced.length; p++) if (unbalanced[p] >= 0) reportUnbalanced(model, workspace, p, unbalanced[p], issues);
    return;
  }
  checkFlowByFlow(model, workspace, issues);
}

/** checkMassBalance for a run with a negative or non-finite flow or stock: flow by flow, as it finds them. */
function checkFlowByFlow(model: CompiledModel, workspace: Workspace, issues: IssueLog): void {
  const { flows, processes, years, definition } = model;
  const items = definition.dimensions.map((d) => d.items);
  const { residuals, magnitudes, flowValues } = workspace;
  for (let p = 0; p < processes.length; p++) {
    residuals[p].fill(0);
    magnitudes[p].fill(0);
  }
  const negatives: number[] = [];
  for (let f = 0; f < flows.length; f++) {
    const flow = flows[f];
    const values = flowValues[f];
    if (!addToBalances(values, flow.to >= 0 ? residuals[flow.to] : undefined, flow.to >= 0 ? magnitudes[flow.to] : undefined, flow.from >= 0 ? residuals[flow.from] : undefined, flow.from >= 0 ? magnitudes[flow.from] : undefined)) {
      negatives.push(f);
    }
  }
  // A negative flow is an issue unless it is rounding: within the balance tolerance of the process
  // it leaves (a rest share of 1 − 0.3 − 0.7 = −5.6e-17, value outflows that take all of a
  // process's input). Such a flow becomes exactly 0; its balance moves by no more than the tolerance.
  for (const f of negatives) {
    const flow = flows[f];
    const values = flowValues[f];
    const outOf = flow.from >= 0 ? residuals[flow.from] : undefined;
    const outOfMagnitude = flow.from >= 0 ? magnitudes[flow.from] : undefined;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value >= 0 && value < Infinity) continue;
      // A negative demand flow is a negative inflow, which the stock reports.
      if (flow.kind === 'demand' && Number.isFinite(value)) continue;
      if (value < 0 && outOf && -value <= BALANCE_ULPS * Number.EPSILON * outOfMagnitude![i]) {
        values[i] = 0;
        outOf[i] += value;
        if (flow.to >= 0) residuals[flow.to][i] -= value;
        continue;
      }
      const where = { flow: flow.id, year: years[Math.floor(i / flow.size)], item: itemLabel(flow.dims, items, i % flow.size), value };
      if (!Number.isFinite(value)) issues.add({ status: 'non-finite', message: `flow ${flow.id} is ${value} in ${where.year}`, ...where });
      else issues.add({ status: 'negative-flow', message: `flow ${flow.id} is negative (${value}) in ${where.year}`, ...where });
      break;
    }
  }
  for (let p = 0; p < processes.length; p++) {
    const process = processes[p];
    const { size } = process;
    const residual = residuals[p];
    const magnitude = magnitudes[p];
    if (process.stock >= 0) {
      const series = workspace.stockSeries[process.stock];
      const { stock } = series;
      let overflow = -1;
      takeStockChange(series, size, residual, magnitude);
      // Finite flows can still add up to an infinite stock, whose balance residual (∞ − ∞) is NaN and fails no comparison.
      for (let i = 0; i < residual.length; i++) {
        if (Number.isFinite(stock[i])) continue;
        overflow = i;
        break;
      }
      if (overflow >= 0) {
        const year = years[Math.floor(overflow / size)];
        const name = model.stocks[process.stock].name;
        issues.add({ status: 'non-finite', message: `stock ${name} is ${stock[overflow]} in ${year}`, stock: name, year, item: itemLabel(process.dims, items, overflow % size) });
      }
    }
    for (let i = 0; i < residual.length; i++) {
      if (!(Math.abs(residual[i]) > BALANCE_ULPS * Number.EPSILON * magnitude[i])) continue;
      reportUnbalanced(model, workspace, p, i, issues);
      break;
    }
  }
}

/** Takes a stock's change, each year and item, off its process's balance, and adds both levels to the magnitude. */
function takeStockChange(series: StockRunSeries, size: number, residual: Float64Array, magnitude: Float64Array): void {
  const { stock, initialTotal } = series;
  for (let i = 0; i < size; i++) {
    const before = initialTotal[i];
    residual[i] -= stock[i] - before;
    magnitude[i] += Math.abs(stock[i]) + Math.abs(before);
  }
  for (let i = size; i < residual.length; i++) {
    const before = stock[i - size];
    residual[i] -= stock[i] - before;
    magnitude[i] += Math.abs(stock[i]) + Math.abs(before);
  }
}

function reportUnbalanced(model: CompiledModel, workspace: Workspace, p: number, i: number, issues: IssueLog): void {
  const process = model.processes[p];
  const residual = workspace.residuals[p][i];
  const year = model.years[Math.floor(i / process.size)];
  issues.add({
    status: 'unbalanced',
    message: `process ${process.name} is out of balance by ${residual} ${model.definition.massUnit} in ${year}`,
    process: process.name,
    year,
    item: itemLabel(process.dims, model.definition.dimensions.map((d) => d.items), i % process.size),
    residual,
  });
}

/**
 * Adds a flow's values to the balance of the process it enters and takes them off the one it
 * leaves, with their magnitudes (one loop per case, so that none tests its case per value).
 * Returns false when some value is negative, NaN or infinite (NaN fails both comparisons).
 */
function addToBalances(values: Float64Array, into: Float64Array | undefined, intoMagnitude: Float64Array | undefined, outOf: Float64Array | undefined, outOfMagnitude: Float64Array | undefined): boolean {
  let valid = true;
  const length = values.length;
  if (into && outOf) {
    for (let i = 0; i < length; i++) {
      const value = values[i];
      const size = Math.abs(value);
      if (!(value >= 0 && value < Infinity)) valid = false;
      into[i] += value;
      intoMagnitude![i] += size;
      outOf[i] -= value;
      outOfMagnitude![i] += size;
    }
  } else if (into) {
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (!(value >= 0 && value < Infinity)) valid = false;
      into[i] += value;
      intoMagnitude![i] += Math.abs(value);
    }
  } else if (outOf) {
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (!(value >= 0 && value < Infinity)) valid = false;
      outOf[i] -= value;
      outOfMagnitude![i] += Math.abs(value);
    }
  } else {
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (!(value >= 0 && value < Infinity)) valid = false;
    }
  }
  return valid;
}
