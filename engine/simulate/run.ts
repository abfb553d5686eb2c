import { checkOption } from '../errors.js';
import type { CompiledModel } from '../compile/compiledModel.js';
import { IssueLog } from './issueLog.js';
import { evaluateShares } from './shares.js';
import type { Solution } from './solution.js';
import { assembleSolution } from './assembleSolution.js';
import { prepareStocks, type StockItemKernel } from './stockSetup.js';
import { evaluateInto, fillSymbolFields, refreshInto, type ParameterValues } from './symbolFields.js';
import { resetTransferState } from './transferStep.js';
import { workspaceOf } from './workspace.js';
import { simulateYears } from './yearLoop.js';

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
    // A balance flow holds its target's total inflow until the year loop knows the other inflows.
    if (flow.kind === 'value' || flow.kind === 'balance') evaluateInto(flow.bound!, workspace.fields, years, values, flow.size, horizon);
    else values.fill(0);
  });
  evaluateShares(model, workspace.fields, workspace.shares, workspace.transfer.shareRevisions, workspace.scratch, issues);
  model.stocks.forEach((stock, s) => {
    if (stock.target) refreshInto(stock.target, workspace.fields, years, workspace.targets[s]!, stock.size, horizon);
  });
  const kernels = prepareStocks(model, workspace, issues);
  if (kernels !== undefined) {
    simulateYears(model, workspace, kernels, issues);
    if (options.cohorts === true) workspace.cohortStocks = cohortStocks(model, kernels);
  }
  return assembleSolution(model, workspace, issues, scenario?.name, kernels !== undefined);
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
