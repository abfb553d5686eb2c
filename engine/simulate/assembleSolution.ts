import type { CompiledModel } from '../compile/compiledModel.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import { OUTSIDE } from '../definition/types.js';
import type { IssueLog } from './issueLog.js';
import type { BalanceSeries, Solution, StockSeries } from './solution.js';
import type { Workspace } from './workspace.js';

/**
 * A balance residual counts as zero when it is within BALANCE_ULPS machine epsilons of the sum of
 * the magnitudes of the terms in that balance: rounding scales with the values, so an absolute
 * tolerance would be too strict for megatonnes and too lax for kilograms.
 */
export const BALANCE_ULPS = 100;

/**
 * Turns a run's workspace into a Solution and checks it: mass balance of every process, every
 * year and item; negative and non-finite flows. A run that could not finish (`completed` false)
 * has NaN everywhere, never zeros that could pass for results.
 */
export function assembleSolution(model: CompiledModel, workspace: Workspace, issues: IssueLog, scenario: string | undefined, completed: boolean): Solution {
  const { definition, processes, flows, stocks, horizon, years } = model;
  const names = (dims: readonly number[]) => dims.map((d) => definition.dimensions[d].name);
  const items = definition.dimensions.map((d) => d.items);
  const finished = completed && !issues.has('singular-loop');
  if (!finished) {
    for (const values of workspace.flowValues) values.fill(NaN);
    for (const series of workspace.stockSeries) for (const values of [series.stock, series.inflow, series.outflow]) values.fill(NaN);
  }

  flows.forEach((flow, f) => {
    const values = workspace.flowValues[f];
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (!Number.isFinite(value)) {
        if (finished) issues.add({ status: 'non-finite', message: `flow ${flow.id} is ${value} in ${years[Math.floor(i / flow.size)]}`, flow: flow.id, year: years[Math.floor(i / flow.size)], item: itemLabel(flow.dims, items, i % flow.size) });
        break;
      }
      if (value < 0 && (flow.kind === 'share' || flow.kind === 'rest' || flow.kind === 'value')) {
        issues.add({ status: 'negative-flow', message: `flow ${flow.id} is negative (${value}) in ${years[Math.floor(i / flow.size)]}`, flow: flow.id, year: years[Math.floor(i / flow.size)], item: itemLabel(flow.dims, items, i % flow.size) });
        break;
      }
    }
  });

  const magnitude = workspace.scratch;
  const balance: BalanceSeries[] = processes.map((process, p) => {
    const size = process.size;
    const length = horizon * size;
    const residual = workspace.residuals[p];
    residual.fill(0);
    magnitude.fill(0, 0, length);
    const addFlow = (f: number, sign: number) => {
      const values = workspace.flowValues[f];
      for (let i = 0; i < length; i++) {
        residual[i] += sign * values[i];
        magnitude[i] += Math.abs(values[i]);
      }
    };
    for (const f of process.inflows) addFlow(f, 1);
    for (const f of process.fixedOutflows) addFlow(f, -1);
    for (const f of process.shareOutflows) addFlow(f, -1);
    if (process.stock >= 0) {
      const series = workspace.stockSeries[process.stock];
      for (let i = 0; i < length; i++) {
        const before = i < size ? series.initialTotal[i] : series.stock[i - size];
        residual[i] -= series.stock[i] - before;
        magnitude[i] += Math.abs(series.stock[i]) + Math.abs(before);
      }
    }
    if (finished) {
      for (let i = 0; i < length; i++) {
        if (!(Math.abs(residual[i]) > BALANCE_ULPS * Number.EPSILON * magnitude[i])) continue;
        const t = Math.floor(i / size);
        issues.add({
          status: 'unbalanced',
          message: `process ${process.name} is out of balance by ${residual[i]} ${definition.massUnit} in ${years[t]}`,
          process: process.name,
          year: years[t],
          item: itemLabel(process.dims, items, i % size),
          residual: residual[i],
        });
        break;
      }
    }
    return { process: process.name, dims: names(process.dims), residual };
  });

  const endpoint = (p: number) => (p < 0 ? OUTSIDE : processes[p].name);
  const stockResults: StockSeries[] = stocks.map((stock, s) => {
    const series = workspace.stockSeries[s];
    const byCohort = workspace.cohortStocks?.[s];
    return {
      name: stock.name,
      process: processes[stock.process].name,
      kind: stock.kind,
      dims: names(stock.dims),
      stock: series.stock,
      inflow: series.inflow,
      outflow: series.outflow,
      correctedYears: [...years].filter((_, t) => series.corrected[t] === 1),
      byCohort,
      cohortYears: byCohort ? [...stock.initialCohorts, ...years] : undefined,
    };
  });

  const firstIssue = issues.issues[0];
  return {
    status: firstIssue ? firstIssue.status : 'success',
    issues: issues.issues,
    model: definition.name,
    scenario,
    survival: definition.survival,
    unit: definition.massUnit,
    years: [...years],
    dimensions: definition.dimensions,
    flows: flows.map((flow, f) => ({ id: flow.id, from: endpoint(flow.from), to: endpoint(flow.to), dims: names(flow.dims), waste: definition.flows[f].waste, values: workspace.flowValues[f] })),
    stocks: stockResults,
    balance,
  };
}
