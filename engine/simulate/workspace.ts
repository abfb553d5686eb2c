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
  /** Per process, T × size: the sum of its value outflows, every year. */
  readonly valueOut: Float64Array[];
  /** Per process, T × size: Σ of the magnitudes of the terms of each balance (its tolerance). */
  readonly magnitudes: Float64Array[];
  /** The demand flows, and per process those out of it: known only inside the year loop. */
  readonly demandFlows: Int32Array;
  readonly demandOut: Int32Array[];
  /** The share and rest flows, whose values follow from each year's solve. */
  readonly shareFlows: Int32Array;
  flowValues: Float64Array[];
  stockSeries: StockRunSeries[];
  /** Per process: the balance residual series. */
  residuals: Float64Array[];
  /** Outputs kept for runs with `reuseOutputs` (a sweep extracts what it needs before the next run). */
  reusableOutputs: RunOutputs | undefined;
  /** Opt-in stock by cohort per stock, `[(t * cohorts + c) * size + item]`. */
  cohortStocks: (Float64Array | undefined)[] | undefined;
}

interface RunOutputs {
  readonly flowValues: Float64Array[];
  readonly stockSeries: StockRunSeries[];
  readonly residuals: Float64Array[];
}

const workspaces = new WeakMap<CompiledModel, Workspace>();

export function workspaceOf(model: CompiledModel, reuseOutputs = false): Workspace {
  let workspace = workspaces.get(model);
  if (!workspace) {
    const { horizon } = model;
    workspace = {
      fields: model.symbols.map((symbol) => new Float64Array(horizon * symbol.size)),
      shares: model.flows.map((flow) => (flow.kind === 'share' || flow.kind === 'rest' ? new Float64Array(horizon * flow.size) : undefined)),
      targets: model.stocks.map((stock) => (stock.target ? new Float64Array(horizon * stock.size) : undefined)),
      transfer: createTransferState(model),
      scratch: new Float64Array(horizon * Math.max(1, ...model.processes.map((process) => process.size))),
      valueOut: model.processes.map((process) => new Float64Array(horizon * process.size)),
      magnitudes: model.processes.map((process) => new Float64Array(horizon * process.size)),
      demandFlows: flowsWhere(model, (flow) => flow.kind === 'demand'),
      demandOut: model.processes.map((_, p) => flowsWhere(model, (flow) => flow.kind === 'demand' && flow.from === p)),
      shareFlows: flowsWhere(model, (flow) => flow.kind === 'share' || flow.kind === 'rest'),
      flowValues: [],
      stockSeries: [],
      residuals: [],
      reusableOutputs: undefined,
      cohortStocks: undefined,
    };
    workspaces.set(model, workspace);
  }
  if (!reuseOutputs || !workspace.reusableOutputs) {
    const outputs = allocateOutputs(model);
    if (reuseOutputs) workspace.reusableOutputs = outputs;
    Object.assign(workspace, outputs);
  } else {
    Object.assign(workspace, workspace.reusableOutputs);
    for (const series of workspace.stockSeries) series.corrected.fill(0);
  }
  workspace.cohortStocks = undefined;
  return workspace;
}

function flowsWhere(model: CompiledModel, test: (flow: CompiledModel['flows'][number]) => boolean): Int32Array {
  return Int32Array.from(model.flows.flatMap((flow, f) => (test(flow) ? [f] : [])));
}

/**
 * The series a Solution hands out, as views into one buffer: one allocation per run instead of
 * a hundred, which is most of what the garbage collector sees in a sweep.
 */
function allocateOutputs(model: CompiledModel): RunOutputs {
  const { horizon } = model;
  const lengths = [
    ...model.flows.map((flow) => horizon * flow.size),
    ...model.stocks.flatMap((stock) => [horizon * stock.size, horizon * stock.size, horizon * stock.size]),
    ...model.processes.map((process) => horizon * process.size),
  ];
  const buffer = new Float64Array(lengths.reduce((a, b) => a + b, 0));
  let offset = 0;
  const take = (length: number) => buffer.subarray(offset, (offset += length));
  return {
    flowValues: model.flows.map((flow) => take(horizon * flow.size)),
    stockSeries: model.stocks.map((stock) => ({
      stock: take(horizon * stock.size),
      inflow: take(horizon * stock.size),
      outflow: take(horizon * stock.size),
      initialTotal: initialTotals(stock.initialValues, stock.size),
      corrected: new Uint8Array(horizon),
    })),
    residuals: model.processes.map((process) => take(horizon * process.size)),
  };
}

function initialTotals(values: Float64Array | undefined, size: number): Float64Array {
  const totals = new Float64Array(size);
  if (values) for (let i = 0; i < values.length; i++) totals[i % size] += values[i];
  return totals;
}
