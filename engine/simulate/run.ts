import { checkOption } from '../errors.js';
import type { CompiledModel } from '../compile/compiledModel.js';
import { IssueLog } from './issueLog.js';
import { evaluateShares } from './shares.js';
import type { Solution } from './solution.js';
import { assembleSolution } from './assembleSolution.js';
import { prepareStocks, type StockItemKernel } from './stockSetup.js';
import { evaluateInto, fillSymbolFields, type ParameterValues } from './symbolFields.js';
import { solveTransfer } from './transferStep.js';
import { workspaceOf, type Workspace } from './workspace.js';

export interface RunOptions {
  /** Name of a scenario of the model; default: the base model without overrides. */
  readonly scenario?: string;
  /** Values for value parameters, in their declared units (applied before the scenario's overrides). */
  readonly parameters?: ParameterValues;
  /** Keep the stock by cohort in the solution (default false: it is T² per item). */
  readonly cohorts?: boolean;
}

/**
 * Runs a compiled model: pure and deterministic, no I/O. Expected numerical outcomes (negative
 * inflow, shares that do not sum to 1, a loop with no exit…) are the solution's `status`;
 * misuse (an unknown scenario or parameter) throws OptionsError.
 */
export function run(model: CompiledModel, options: RunOptions = {}): Solution {
  const scenario = options.scenario === undefined ? undefined : model.scenarios.get(checkOption('scenario', options.scenario, [...model.scenarios.keys()]));
  const workspace = workspaceOf(model);
  const issues = new IssueLog();
  const { horizon, years } = model;

  fillSymbolFields(model, workspace.fields, scenario, options.parameters);
  model.flows.forEach((flow, f) => {
    const values = workspace.flowValues[f];
    if (flow.kind === 'value') evaluateInto(flow.bound!, workspace.fields, years, values, flow.size, horizon);
    else values.fill(0);
  });
  evaluateShares(model, workspace.fields, workspace.shares, issues);
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
  const { horizon, years, processes, flows, stocks } = model;
  const { transfer, flowValues, shares, stockSeries } = workspace;
  for (let t = 0; t < horizon; t++) {
    // Stock-driven stocks first: their inflow depends only on the target and older cohorts.
    stocks.forEach((stock, s) => {
      if (stock.kind !== 'stock-driven') return;
      const series = stockSeries[s];
      const target = workspace.targets[s]!;
      const demand = flowValues[stock.demandFlow];
      const beta = transfer.beta[stock.process];
      for (let k = 0; k < stock.size; k++) {
        const kernel = kernels[s][k];
        const index = t * stock.size + k;
        const outcome = kernel.meetTarget(t, target[index], stock.negativeInflowCorrection);
        if (outcome === 'corrected') series.corrected[t] = 1;
        else if (outcome === 'negative-inflow') issues.add({ status: 'negative-inflow', message: `stock ${stock.name} needs a negative inflow in ${years[t]}`, stock: stock.name, year: years[t] });
        else if (outcome === 'unreachable') {
          issues.add({ status: 'unreachable-target', message: `stock ${stock.name} cannot reach its target in ${years[t]}`, stock: stock.name, year: years[t] });
        }
        const inflow = kernel.inflow(t);
        series.stock[index] = kernel.stock(t);
        series.inflow[index] = inflow;
        series.outflow[index] = kernel.outflow(t);
        demand[index] = inflow;
        beta[k] = series.outflow[index];
        transfer.alpha[stock.process][k] = 0;
      }
    });

    processes.forEach((process, p) => {
      const size = process.size;
      const known = transfer.known[p];
      known.fill(0);
      for (const f of process.inflows) {
        const kind = flows[f].kind;
        if (kind !== 'value' && kind !== 'demand') continue;
        for (let k = 0; k < size; k++) known[k] += flowValues[f][t * size + k];
      }
      const stock = process.stock >= 0 ? stocks[process.stock] : undefined;
      if (stock?.kind === 'stock-driven') return;
      const alpha = transfer.alpha[p];
      const beta = transfer.beta[p];
      for (let k = 0; k < size; k++) {
        let fixedOut = 0;
        for (const f of process.fixedOutflows) fixedOut += flowValues[f][t * size + k];
        if (stock === undefined) {
          alpha[k] = 1;
          beta[k] = -fixedOut;
        } else if (stock.kind === 'accumulate') {
          alpha[k] = 0;
          beta[k] = 0;
        } else {
          const kernel = kernels[process.stock][k];
          alpha[k] = 1 - kernel.ownYearSurvival(t);
          beta[k] = kernel.outflowFromOlderCohorts(t) - alpha[k] * fixedOut;
        }
      }
    });

    const singular = solveTransfer(model, transfer, shares, t);
    if (singular >= 0) {
      const names = model.components[singular].processes.map((p) => processes[p].name);
      issues.add({ status: 'singular-loop', message: `the loop ${names.join(' -> ')} never lets mass leave in ${years[t]}`, process: names[0], year: years[t] });
      return;
    }

    flows.forEach((flow, f) => {
      if (flow.kind !== 'share' && flow.kind !== 'rest') return;
      const size = flow.size;
      const source = transfer.distributed[flow.from];
      for (let k = 0; k < size; k++) flowValues[f][t * size + k] = shares[f]![t * size + k] * source[k];
    });

    stocks.forEach((stock, s) => {
      if (stock.kind === 'stock-driven') return;
      const series = stockSeries[s];
      const process = processes[stock.process];
      for (let k = 0; k < stock.size; k++) {
        const index = t * stock.size + k;
        let fixedOut = 0;
        for (const f of process.fixedOutflows) fixedOut += flowValues[f][index];
        const inflow = transfer.throughput[stock.process][k] - fixedOut;
        const before = t === 0 ? series.initialTotal[k] : series.stock[index - stock.size];
        series.inflow[index] = inflow;
        if (stock.kind === 'accumulate') {
          series.stock[index] = before + inflow;
          series.outflow[index] = 0;
        } else {
          const kernel = kernels[s][k];
          kernel.addCohort(t, inflow);
          series.stock[index] = kernel.stock(t);
          series.outflow[index] = transfer.distributed[stock.process][k];
        }
      }
    });
  }
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
