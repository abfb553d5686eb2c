import type { CompiledModel } from '../compile/compiledModel.js';
import { solveDenseInPlace } from '../compile/denseSolve.js';

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
 */
export interface TransferState {
  /** Per process, this year: α, β, B (inflows known before the solve), x and D; each of process size. */
  readonly alpha: Float64Array[];
  readonly beta: Float64Array[];
  readonly known: Float64Array[];
  readonly throughput: Float64Array[];
  readonly distributed: Float64Array[];
  /** Per cyclic component: an n×n matrix and right-hand side. */
  readonly matrices: (Float64Array | undefined)[];
  readonly rhs: (Float64Array | undefined)[];
  /** Per process: share flows into it from processes solved before its component. */
  readonly sharesFromEarlier: number[][];
  /** Per component, per member: share flows into it from the component's own members. */
  readonly sharesWithin: number[][][];
}

export function createTransferState(model: CompiledModel): TransferState {
  const perProcess = () => model.processes.map((process) => new Float64Array(process.size));
  return {
    alpha: perProcess(),
    beta: perProcess(),
    known: perProcess(),
    throughput: perProcess(),
    distributed: perProcess(),
    matrices: model.components.map((c) => (c.cyclic ? new Float64Array(c.processes.length ** 2) : undefined)),
    rhs: model.components.map((c) => (c.cyclic ? new Float64Array(c.processes.length) : undefined)),
    sharesFromEarlier: model.processes.map((process, p) => {
      const members = model.components.find((c) => c.processes.includes(p))!.processes;
      return process.inflows.filter((f) => isShare(model, f) && !members.includes(model.flows[f].from));
    }),
    sharesWithin: model.components.map((c) =>
      c.processes.map((p) => model.processes[p].inflows.filter((f) => isShare(model, f) && c.processes.includes(model.flows[f].from))),
    ),
  };
}

function isShare(model: CompiledModel, f: number): boolean {
  const kind = model.flows[f].kind;
  return kind === 'share' || kind === 'rest';
}

/**
 * Solves year t given α, β and B, writing x and D of every process. `shares[f]` holds every share
 * flow's share for every year (T × size). Returns the index of a singular component, or -1.
 */
export function solveTransfer(model: CompiledModel, state: TransferState, shares: readonly (Float64Array | undefined)[], t: number): number {
  const { processes, flows, components } = model;
  const { alpha, beta, known, throughput, distributed } = state;
  for (let c = 0; c < components.length; c++) {
    const members = components[c].processes;
    // Shares from processes solved earlier are known inflows now.
    for (const p of members) {
      const size = processes[p].size;
      const x = throughput[p];
      x.set(known[p]);
      for (const f of state.sharesFromEarlier[p]) {
        const share = shares[f]!;
        const source = distributed[flows[f].from];
        for (let k = 0; k < size; k++) x[k] += share[t * size + k] * source[k];
      }
    }
    if (components[c].cyclic && !solveLoop(model, state, shares, c, t)) return c;
    for (const p of members) {
      const size = processes[p].size;
      for (let k = 0; k < size; k++) distributed[p][k] = alpha[p][k] * throughput[p][k] + beta[p][k];
    }
  }
  return -1;
}

/** (I − S·diag(α)) x = x_known + S·β over the loop's members, per item. */
function solveLoop(model: CompiledModel, state: TransferState, shares: readonly (Float64Array | undefined)[], c: number, t: number): boolean {
  const { processes, flows } = model;
  const members = model.components[c].processes;
  const n = members.length;
  const matrix = state.matrices[c]!;
  const rhs = state.rhs[c]!;
  const size = processes[members[0]].size;
  const inflowsWithin = state.sharesWithin[c];
  for (let k = 0; k < size; k++) {
    matrix.fill(0);
    for (let i = 0; i < n; i++) {
      const p = members[i];
      matrix[i * n + i] = 1;
      rhs[i] = state.throughput[p][k];
      for (const f of inflowsWithin[i]) {
        const q = flows[f].from;
        const j = members.indexOf(q);
        const share = shares[f]![t * size + k];
        matrix[i * n + j] -= share * state.alpha[q][k];
        rhs[i] += share * state.beta[q][k];
      }
    }
    if (!solveDenseInPlace(matrix, rhs, n)) return false;
    for (let i = 0; i < n; i++) state.throughput[members[i]][k] = rhs[i];
  }
  return true;
}
