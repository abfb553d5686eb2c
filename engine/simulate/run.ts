import { checkOption } from '../errors.js';
import type { CompiledModel } from '../compile/compiledModel.js';
import { IssueLog } from './issueLog.js';
import { evaluateShares } from './shares.js';
import type { Solution } from './solution.js';
import { assembleSolution } from './assembleSolution.js';
import { prepareStocks, type StockItemKernel } from './stockSetup.js';
import { evaluateInto, fillSymbolFields, type ParameterValues } from './symbolFields.js';
import { resetTransferState, solveTransfer } from './transferStep.js';
import { workspaceOf, type Workspace } from './workspace.js';

export interface RunOptions {
  /** Name of a scenario of the model; default: the base model without overrides. */
  readonly scenario?: string;
  /** Values for value parameters, in their declared units (applied before the scenario's overrides). */
  readonly parameters?: ParameterValues;
  /** Keep the stock by cohort in the solution (default false: it is T² per item). */
  readonly cohorts?: boolean;
  /**
   * Write the solution's series into the buffers of the previous run that set this, instead of
   * new ones (default false). For loops that read what they need from each solution before the
   * next run, such as a sweep: it spares the allocation and the garbage collection of every series.
   */
  readonly reuseOutputs?: boolean;
}

/**
 * Runs a compiled model: pure and deterministic, no I/O. Expected numerical outcomes (negative
 * inflow, shares that do not sum to 1, a loop with no exit…) are the solution's `status`;
 * misuse (an unknown scenario or parameter) throws OptionsError.
 */
export function run(model: CompiledModel, options: RunOptions = {}): Solution {
  const scenario = options.scenario === undefined ? undefined : model.scenarios.get(checkOption('scenario', options.scenario, [...model.scenarios.keys()]));
  const workspace = workspaceOf(model, options.reuseOutputs === true);
  const issues = new IssueLog();
  const { horizon, years } = model;

  resetTransferState(workspace.transfer);
  fillSymbolFields(model, workspace.fields, scenario, options.parameters);
  model.flows.forEach((flow, f) => {
    const values = workspace.flowValues[f];
    if (flow.kind === 'value') evaluateInto(flow.bound!, workspace.fields, years, values, flow.size, horizon);
    else values.fill(0);
  });
  sumValueFlows(model, workspace);
  evaluateShares(model, workspace.fields, workspace.shares, workspace.scratch, issues);
  model.stocks.forEach((stock, s) => {
    if (stock.target) evaluateInto(stock.target, workspace.fields, years, workspace.targets[s]!, stock.size, horizon);
  });
  const kernels = prepareStocks(model, workspace, issues);
  if (kernels !== undefined) {
    simulateYears(model, workspace, kernels, issues);
    if (options.cohorts === true) workspace.cohortStocks = cohortStocks(model, kernels);
  }
  return assembleSolution(model, workspace, issues, scenario?.name, kernels !== undefined);
}

function simulateYears(model: CompiledModel, workspace: Workspace, kernels: StockItemKernel[][], issues: IssueLog): void {
  const { horizon, processes, flows, stocks } = model;
  const { transfer, flowValues, shares, shareFlows } = workspace;
  const { slot, distributed } = transfer;
  for (let t = 0; t < horizon; t++) {
    // Stock-driven stocks first: their inflow depends only on the target and older cohorts.
    for (let s = 0; s < stocks.length; s++) if (stocks[s].kind === 'stock-driven') stepStockDriven(model, workspace, kernels[s], s, t, issues);

    for (let p = 0; p < processes.length; p++) prepareProcess(model, workspace, kernels, p, t);

    const singular = solveTransfer(model, transfer, shares, t);
    if (singular >= 0) {
      const names = model.components[singular].processes.map((q) => processes[q].name);
      issues.add({ status: 'singular-loop', message: `the loop ${names.join(' -> ')} never lets mass leave in ${model.years[t]}`, process: names[0], year: model.years[t] });
      return;
    }

    for (let i = 0; i < shareFlows.length; i++) {
      const f = shareFlows[i];
      const flow = flows[f];
      const size = flow.size;
      const from = slot[flow.from];
      const share = shares[f]!;
      const values = flowValues[f];
      for (let k = 0; k < size; k++) values[t * size + k] = share[t * size + k] * distributed[from + k];
    }

    for (let s = 0; s < stocks.length; s++) if (stocks[s].kind !== 'stock-driven') stepStock(model, workspace, kernels[s], s, t);
  }
}

/** Year t of a stock-driven stock: the inflow that meets the target becomes its demand flow. */
function stepStockDriven(model: CompiledModel, workspace: Workspace, kernels: StockItemKernel[], s: number, t: number, issues: IssueLog): void {
  const stock = model.stocks[s];
  const year = model.years[t];
  const series = workspace.stockSeries[s];
  const target = workspace.targets[s]!;
  const demand = workspace.flowValues[stock.demandFlow];
  const { alpha, beta, slot } = workspace.transfer;
  const start = slot[stock.process];
  for (let k = 0; k < stock.size; k++) {
    const kernel = kernels[k];
    const index = t * stock.size + k;
    const outcome = kernel.meetTarget(t, target[index], stock.negativeInflowCorrection);
    if (outcome === 'corrected') series.corrected[t] = 1;
    else if (outcome === 'negative-inflow') issues.add({ status: 'negative-inflow', message: `stock ${stock.name} needs a negative inflow in ${year}`, stock: stock.name, year });
    else if (outcome === 'unreachable') issues.add({ status: 'unreachable-target', message: `stock ${stock.name} cannot reach its target in ${year}`, stock: stock.name, year });
    series.stock[index] = kernel.stock(t);
    series.inflow[index] = kernel.inflow(t);
    series.outflow[index] = kernel.outflow(t);
    demand[index] = series.inflow[index];
    alpha[start + k] = 0;
    beta[start + k] = series.outflow[index];
  }
}

/**
 * Year t of process p before the solve: its known inflows B (value and demand flows), as the
 * starting x, and what it passes on, D = αx + β (see transferStep.ts).
 */
function prepareProcess(model: CompiledModel, workspace: Workspace, kernels: StockItemKernel[][], p: number, t: number): void {
  const process = model.processes[p];
  const { flowValues, transfer } = workspace;
  const { alpha, beta, throughput } = transfer;
  const size = process.size;
  const start = transfer.slot[p];
  const offset = t * size;
  const valueIn = workspace.valueIn[p];
  for (let k = 0; k < size; k++) throughput[start + k] = valueIn[offset + k];
  const demandIn = workspace.demandIn[p];
  for (let d = 0; d < demandIn.length; d++) {
    const values = flowValues[demandIn[d]];
    for (let k = 0; k < size; k++) throughput[start + k] += values[offset + k];
  }
  const stock = process.stock >= 0 ? model.stocks[process.stock] : undefined;
  if (stock?.kind === 'stock-driven') return;
  if (stock?.kind === 'accumulate') {
    alpha.fill(0, start, start + size);
    beta.fill(0, start, start + size);
    return;
  }
  // β starts as −V, minus the value and demand outflows; α as 1, a plain process passing on all.
  for (let k = 0; k < size; k++) beta[start + k] = -fixedOutflow(workspace, p, offset + k);
  if (stock === undefined) {
    alpha.fill(1, start, start + size);
    return;
  }
  const stockKernels = kernels[process.stock];
  for (let k = 0; k < size; k++) {
    // This year's cohort loses 1 − sf(t, t) of itself within the year.
    const kernel = stockKernels[k];
    const a = 1 - kernel.ownYearSurvival(t);
    alpha[start + k] = a;
    beta[start + k] = kernel.outflowFromOlderCohorts(t) + a * beta[start + k];
  }
}

/** Year t of an accumulating or inflow-driven stock, once its process's inflow is solved. */
function stepStock(model: CompiledModel, workspace: Workspace, kernels: StockItemKernel[], s: number, t: number): void {
  const stock = model.stocks[s];
  const series = workspace.stockSeries[s];
  const { throughput, distributed, slot } = workspace.transfer;
  const start = slot[stock.process];
  for (let k = 0; k < stock.size; k++) {
    const index = t * stock.size + k;
    const inflow = throughput[start + k] - fixedOutflow(workspace, stock.process, index);
    const before = t === 0 ? series.initialTotal[k] : series.stock[index - stock.size];
    series.inflow[index] = inflow;
    if (stock.kind === 'accumulate') {
      series.stock[index] = before + inflow;
      series.outflow[index] = 0;
    } else {
      kernels[k].addCohort(t, inflow);
      series.stock[index] = kernels[k].stock(t);
      series.outflow[index] = distributed[start + k];
    }
  }
}

/** Σ of process p's value and demand outflows at `index` (year-major, item). */
function fixedOutflow(workspace: Workspace, p: number, index: number): number {
  let sum = workspace.valueOut[p][index];
  const demandOut = workspace.demandOut[p];
  for (let d = 0; d < demandOut.length; d++) sum += workspace.flowValues[demandOut[d]][index];
  return sum;
}

/** Totals of the value flows into and out of every process, every year: they are known before the year loop. */
function sumValueFlows(model: CompiledModel, workspace: Workspace): void {
  for (const totals of workspace.valueIn) totals.fill(0);
  for (const totals of workspace.valueOut) totals.fill(0);
  model.flows.forEach((flow, f) => {
    if (flow.kind !== 'value') return;
    const values = workspace.flowValues[f];
    if (flow.to >= 0) {
      const into = workspace.valueIn[flow.to];
      for (let i = 0; i < values.length; i++) into[i] += values[i];
    }
    if (flow.from >= 0) {
      const out = workspace.valueOut[flow.from];
      for (let i = 0; i < values.length; i++) out[i] += values[i];
    }
  });
}

/** Stock by cohort for every year: `[(t * cohorts + c) * size + item]`, initial cohorts first. */
function cohortStocks(model: CompiledModel, kernels: readonly StockItemKernel[][]): (Float64Array | undefined)[] {
  return model.stocks.map((stock, s) => {
    if (stock.kind === 'accumulate') return undefined;
    const cohorts = stock.initialCohorts.length + model.horizon;
    const out = new Float64Array(model.horizon * cohorts * stock.size);
    for (let t = 0; t < model.horizon; t++) {
      for (let k = 0; k < stock.size; k++) kernels[s][k].stockByCohort(t, out, t * cohorts * stock.size + k, stock.size);
    }
    return out;
  });
}
