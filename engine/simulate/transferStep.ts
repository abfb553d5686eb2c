import type { CompiledModel } from '../compile/compiledModel.js';
import { createLuPattern, fillLuPattern, luFactor, luSolveSparse, type LuPattern } from '../compile/denseSolve.js';

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
  /** Per cyclic component: this year's n×n matrix and right-hand side (scratch). */
  readonly matrices: (Float64Array | undefined)[];
  readonly rhs: (Float64Array | undefined)[];
  /** Per cyclic component and item: the matrix last factorised, its LU factors and pivots. */
  readonly factorised: (LoopFactors | undefined)[];
  /** Per process: share flows into it from processes solved before its component. */
  readonly sharesFromEarlier: number[][];
  /** Per component: its internal share flows as (row = receiving member, column = sending member, flow). */
  readonly loopLinks: ({ readonly row: Int32Array; readonly column: Int32Array; readonly source: Int32Array; readonly flow: Int32Array } | undefined)[];
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
    factorised: model.components.map((c) => {
      if (!c.cyclic) return undefined;
      const n = c.processes.length;
      const size = model.processes[c.processes[0]].size;
      const links = c.processes.reduce((count, p) => count + model.processes[p].inflows.filter((f) => isShare(model, f) && c.processes.includes(model.flows[f].from)).length, 0);
      return {
        coefficients: new Float64Array(size * links),
        factors: new Float64Array(size * n * n),
        pivots: new Int32Array(size * n),
        valid: new Uint8Array(size),
        patterns: Array.from({ length: size }, () => createLuPattern(n)),
      };
    }),
    sharesFromEarlier: model.processes.map((process, p) => {
      const members = model.components.find((c) => c.processes.includes(p))!.processes;
      return process.inflows.filter((f) => isShare(model, f) && !members.includes(model.flows[f].from));
    }),
    loopLinks: model.components.map((c) => {
      if (!c.cyclic) return undefined;
      const links = c.processes.flatMap((p, row) =>
        model.processes[p].inflows.filter((f) => isShare(model, f) && c.processes.includes(model.flows[f].from)).map((f) => [row, c.processes.indexOf(model.flows[f].from), f]),
      );
      return {
        row: Int32Array.from(links, (l) => l[0]),
        column: Int32Array.from(links, (l) => l[1]),
        source: Int32Array.from(links, (l) => c.processes[l[1]]),
        flow: Int32Array.from(links, (l) => l[2]),
      };
    }),
  };
}

interface LoopFactors {
  /** Per item and internal link: the coefficient share·α the factors were made with. */
  readonly coefficients: Float64Array;
  readonly factors: Float64Array;
  readonly pivots: Int32Array;
  /** 1 when the item's factors match `coefficients` (cleared at the start of every run). */
  readonly valid: Uint8Array;
  /** Per item: where its factors are not zero. */
  readonly patterns: LuPattern[];
}

/** Forgets the factors of the previous run: its shares may have been different. */
export function resetTransferState(state: TransferState): void {
  for (const loop of state.factorised) loop?.valid.fill(0);
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

/**
 * (I − S·diag(α)) x = x_known + S·β over the loop's members, per item. The matrix is rebuilt and
 * factorised only when a coefficient share·α changed since the last year solved; otherwise the
 * factors are reused and a year costs one O(n²) solve.
 */
function solveLoop(model: CompiledModel, state: TransferState, shares: readonly (Float64Array | undefined)[], c: number, t: number): boolean {
  const { processes } = model;
  const members = model.components[c].processes;
  const n = members.length;
  const matrix = state.matrices[c]!;
  const rhs = state.rhs[c]!;
  const size = processes[members[0]].size;
  const links = state.loopLinks[c]!;
  const linkCount = links.flow.length;
  const loop = state.factorised[c]!;
  const { alpha, beta, throughput } = state;
  for (let k = 0; k < size; k++) {
    let changed = loop.valid[k] !== 1;
    for (let i = 0; i < n; i++) rhs[i] = throughput[members[i]][k];
    const base = k * linkCount;
    const at = t * size + k;
    for (let l = 0; l < linkCount; l++) {
      const source = links.source[l];
      const share = shares[links.flow[l]]![at];
      const coefficient = share * alpha[source][k];
      if (coefficient !== loop.coefficients[base + l]) {
        loop.coefficients[base + l] = coefficient;
        changed = true;
      }
      rhs[links.row[l]] += share * beta[source][k];
    }
    if (changed) {
      matrix.fill(0);
      for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
      for (let l = 0; l < linkCount; l++) matrix[links.row[l] * n + links.column[l]] -= loop.coefficients[base + l];
      loop.factors.set(matrix, k * n * n);
      loop.valid[k] = luFactor(loop.factors, k * n * n, loop.pivots, k * n, n) ? 1 : 0;
      if (loop.valid[k] !== 1) return false;
      fillLuPattern(loop.factors, k * n * n, n, loop.patterns[k]);
    }
    luSolveSparse(loop.factors, k * n * n, loop.pivots, k * n, loop.patterns[k], rhs, n);
    for (let i = 0; i < n; i++) throughput[members[i]][k] = rhs[i];
  }
  return true;
}
