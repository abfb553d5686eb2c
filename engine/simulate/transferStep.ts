import type { CompiledModel } from '../compile/compiledModel.js';
import { createLoopSystem, passesOnItsInflow, solveLoop, type LoopSystem } from './loopSolve.js';

/**
 * One year's transfer system, per item k. With x_p the total inflow of process p and D_p the part
 * of it that its share flows distribute,
 *
 *   x_p = B_p + Σ_q s_{q→p} D_q,        D_q = α_q x_q + β_q,
 *
 * where B_p are the value and demand flows into p (known before the solve) and (α, β) describe
 * what a process passes on: a plain process α = 1, β = −V (its value outflows); an accumulate
 * stock α = β = 0; an inflow-driven stock α = 1 − sf(t,t), β = (outflow of older cohorts) − αV,
 * since this year's cohort loses 1 − sf(t,t) of itself in its own year; a stock-driven stock
 * α = 0, β = its outflow. For a recycling loop this is (I − S·diag(α)) x = B + S·β, solved per
 * strongly connected component in topological order (a process outside a loop by substitution).
 *
 * Every per-process quantity lives in one array over all years and all processes' items: year t
 * of process p at `t · stride + slot[p] …` + size_p. The loop then indexes flat typed arrays, not
 * arrays of small arrays, and whatever does not depend on the solve (B and V of the value flows,
 * α of plain processes) is filled for every year before the loop, the share flows after it.
 */
export interface TransferState {
  /** Where each process's items start within a year (length processes + 1); `stride` items a year. */
  readonly slot: Int32Array;
  readonly stride: number;
  /** Every year: α, β, x (B before the solve, the total inflow after it) and D. */
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  readonly throughput: Float64Array;
  readonly distributed: Float64Array;
  /**
   * Per process: 1 when its D is its x in every year (passesOnItsInflow): it is then not written to
   * `distributed`, and whoever needs it reads `throughput`.
   */
  readonly passesOnInflow: Uint8Array;
  /**
   * Per component, the share flows into its members from processes solved before it, in the order
   * they are added (member by member): five numbers each, where the receiver's items start within a
   * year, where the sender's start, the flow, the receiver's size, and passesOnInflow of the sender.
   */
  readonly sharesFromEarlier: Int32Array[];
  /** Per component: where the items start and end, within a year, of its members whose D is written (two numbers per run of adjacent ones). */
  readonly memberRanges: Int32Array[];
  readonly loops: (LoopSystem | undefined)[];
  /** Per flow: how many times its share series was written (evaluateShares), so a loop can tell that it did not change. */
  readonly shareRevisions: Int32Array;
}

export function createTransferState(model: CompiledModel): TransferState {
  const slot = new Int32Array(model.processes.length + 1);
  model.processes.forEach((process, p) => (slot[p + 1] = slot[p] + process.size));
  const stride = slot[model.processes.length];
  const total = model.horizon * stride;
  const componentOf = new Int32Array(model.processes.length);
  model.components.forEach((c, index) => c.processes.forEach((p) => (componentOf[p] = index)));
  // A balanced process's inflow is fixed: its share inflows do not enter its solve.
  const shareInflows = (p: number) => (model.processes[p].balanceFlow >= 0 ? [] : model.processes[p].inflows.filter((f) => isShare(model, f)));
  // α of a process without a stock is 1 in every year and every run; stocks set theirs each year.
  const alpha = new Float64Array(total);
  model.processes.forEach((process, p) => {
    if (process.stock >= 0) return;
    for (let t = 0; t < model.horizon; t++) alpha.fill(1, t * stride + slot[p], t * stride + slot[p + 1]);
  });
  const passesOnInflow = Uint8Array.from(model.processes, (_, p) => (passesOnItsInflow(model, p) ? 1 : 0));
  return {
    slot,
    stride,
    alpha,
    passesOnInflow,
    beta: new Float64Array(total),
    throughput: new Float64Array(total),
    distributed: new Float64Array(total),
    sharesFromEarlier: model.components.map((c, index) =>
      Int32Array.from(
        c.processes.flatMap((p) =>
          shareInflows(p)
            .filter((f) => componentOf[model.flows[f].from] !== index)
            .flatMap((f) => [slot[p], slot[model.flows[f].from], f, model.processes[p].size, passesOnInflow[model.flows[f].from]]),
        ),
      ),
    ),
    memberRanges: model.components.map((c) => Int32Array.from(adjacentRuns(c.processes.filter((p) => passesOnInflow[p] === 0).map((p) => [slot[p], slot[p + 1]])).flat())),
    shareRevisions: new Int32Array(model.flows.length),
    loops: model.components.map((c) => (c.cyclic ? createLoopSystem(model, c.processes, slot, (p) => shareInflows(p).filter((f) => componentOf[model.flows[f].from] === componentOf[p])) : undefined)),
  };
}

/** Starts a run: each loop's first year looks for its factors from the first that earlier runs made. */
export function resetTransferState(state: TransferState): void {
  for (const loop of state.loops) loop?.current.fill(-1);
}

/** Ranges [start, end) joined where one ends as the next starts. */
function adjacentRuns(ranges: number[][]): number[][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const runs: number[][] = [];
  for (const [start, end] of sorted) {
    const last = runs.at(-1);
    if (last !== undefined && last[1] === start) last[1] = end;
    else runs.push([start, end]);
  }
  return runs;
}

function isShare(model: CompiledModel, f: number): boolean {
  const kind = model.flows[f].kind;
  return kind === 'share' || kind === 'rest';
}

/**
 * Solves year t given α, β and x = B, writing x and D of every process. `shares[f]` holds every
 * share flow's share for every year (T × size). Returns the index of a singular component, or -1.
 */
export function solveTransfer(state: TransferState, shares: readonly (Float64Array | undefined)[], t: number): number {
  const { alpha, beta, throughput, distributed, sharesFromEarlier, memberRanges, loops } = state;
  const base = t * state.stride;
  for (let c = 0; c < loops.length; c++) {
    // Shares from processes solved earlier are known inflows now.
    const earlier = sharesFromEarlier[c];
    for (let e = 0; e < earlier.length; e += 5) {
      const start = base + earlier[e];
      const from = base + earlier[e + 1];
      const share = shares[earlier[e + 2]]!;
      const size = earlier[e + 3];
      const sent = earlier[e + 4] === 1 ? throughput : distributed;
      const at = t * size;
      for (let k = 0; k < size; k++) throughput[start + k] += share[at + k] * sent[from + k];
    }
    const loop = loops[c];
    if (loop !== undefined && !solveLoop(state, loop, shares, t)) return c;
    const ranges = memberRanges[c];
    for (let m = 0; m < ranges.length; m += 2) {
      const end = base + ranges[m + 1];
      for (let i = base + ranges[m]; i < end; i++) distributed[i] = alpha[i] * throughput[i] + beta[i];
    }
  }
  return -1;
}
