import type { CompiledModel } from '../compile/compiledModel.js';
import { createTransferState, type TransferState } from './transferStep.js';

/** A stock's output series for one run (T × size each), plus its starting level per item. */
export interface StockRunSeries {
  readonly stock: Float64Array;
  readonly inflow: Float64Array;
  readonly outflow: Float64Array;
  readonly initialTotal: Float64Array;
  /** 1 in years where negative-inflow correction acted. */
  readonly corrected: Uint8Array;
}

/**
 * Buffers for runs of one compiled model. Intermediate buffers are allocated once and reused by
 * every run (a sweep runs a model 10^5+ times); the series handed out in a Solution are fresh
 * for every run, so a caller's solution is never overwritten by the next run.
 */
export interface Workspace {
  readonly fields: Float64Array[];
  readonly shares: (Float64Array | undefined)[];
  readonly targets: (Float64Array | undefined)[];
  readonly transfer: TransferState;
  /** Scratch: T × (largest process size). */
  readonly scratch: Float64Array;
  flowValues: Float64Array[];
  stockSeries: StockRunSeries[];
  /** Opt-in stock by cohort per stock, `[(t * cohorts + c) * size + item]`. */
  cohortStocks: (Float64Array | undefined)[] | undefined;
}

const workspaces = new WeakMap<CompiledModel, Workspace>();

export function workspaceOf(model: CompiledModel): Workspace {
  let workspace = workspaces.get(model);
  if (!workspace) {
    const { horizon } = model;
    workspace = {
      fields: model.symbols.map((symbol) => new Float64Array(horizon * symbol.size)),
      shares: model.flows.map((flow) => (flow.kind === 'share' || flow.kind === 'rest' ? new Float64Array(horizon * flow.size) : undefined)),
      targets: model.stocks.map((stock) => (stock.target ? new Float64Array(horizon * stock.size) : undefined)),
      transfer: createTransferState(model),
      scratch: new Float64Array(horizon * Math.max(1, ...model.processes.map((process) => process.size))),
      flowValues: [],
      stockSeries: [],
      cohortStocks: undefined,
    };
    workspaces.set(model, workspace);
  }
  const { horizon } = model;
  workspace.flowValues = model.flows.map((flow) => new Float64Array(horizon * flow.size));
  workspace.stockSeries = model.stocks.map((stock) => ({
    stock: new Float64Array(horizon * stock.size),
    inflow: new Float64Array(horizon * stock.size),
    outflow: new Float64Array(horizon * stock.size),
    initialTotal: initialTotals(stock.initialValues, stock.size),
    corrected: new Uint8Array(horizon),
  }));
  workspace.cohortStocks = undefined;
  return workspace;
}

function initialTotals(values: Float64Array | undefined, size: number): Float64Array {
  const totals = new Float64Array(size);
  if (values) for (let i = 0; i < values.length; i++) totals[i % size] += values[i];
  return totals;
}
