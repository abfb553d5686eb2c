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
  /** Per process: share flows into it from processes solved before its component. */
  readonly sharesFromEarlier: Int32Array[];
  readonly loops: (LoopSystem | undefined)[];
}

/** A cyclic component's system and the factors of its matrix, per item. */
interface LoopSystem {
  readonly members: Int32Array;
  /** Its internal share flows: receiving member (row), sending member (column), sending process, flow. */
  readonly row: Int32Array;
  readonly column: Int32Array;
  readonly source: Int32Array;
  readonly flow: Int32Array;
  /** Right-hand sides, item-major: `[k * n + i]`; then the solution. */
  readonly rhs: Float64Array;
  /** Scratch: this year's n × n matrix, factorised in place, and its row swaps. */
  readonly matrix: Float64Array;
  readonly pivots: Int32Array;
  /** Per item and internal link: the coefficient share·α the factors were made with. */
  readonly coefficients: Float64Array;
  /** Per item: 1 when this year's coefficients differ from those the factors were made with. */
  readonly changed: Uint8Array;
  /** 1 when the item's factors match `coefficients` (cleared at the start of every run). */
  readonly valid: Uint8Array;
  /** Per item: its factors, compacted to where they are not zero. */
  readonly patterns: LuPattern[];
}

export function createTransferState(model: CompiledModel): TransferState {
  const slot = new Int32Array(model.processes.length + 1);
  model.processes.forEach((process, p) => (slot[p + 1] = slot[p] + process.size));
  const stride = slot[model.processes.length];
  const total = model.horizon * stride;
  const componentOf = new Int32Array(model.processes.length);
  model.components.forEach((c, index) => c.processes.forEach((p) => (componentOf[p] = index)));
  const shareInflows = (p: number) => model.processes[p].inflows.filter((f) => isShare(model, f));
  // α of a process without a stock is 1 in every year and every run; stocks set theirs each year.
  const alpha = new Float64Array(total);
  model.processes.forEach((process, p) => {
    if (process.stock >= 0) return;
    for (let t = 0; t < model.horizon; t++) alpha.fill(1, t * stride + slot[p], t * stride + slot[p + 1]);
  });
  return {
    slot,
    stride,
    alpha,
    beta: new Float64Array(total),
    throughput: new Float64Array(total),
    distributed: new Float64Array(total),
    sharesFromEarlier: model.processes.map((_, p) => Int32Array.from(shareInflows(p).filter((f) => componentOf[model.flows[f].from] !== componentOf[p]))),
    loops: model.components.map((c) => {
      if (!c.cyclic) return undefined;
      const n = c.processes.length;
      const size = model.processes[c.processes[0]].size;
      const links = c.processes.flatMap((p, row) =>
        shareInflows(p)
          .filter((f) => componentOf[model.flows[f].from] === componentOf[p])
          .map((f) => [row, c.processes.indexOf(model.flows[f].from), f]),
      );
      return {
        members: Int32Array.from(c.processes),
        row: Int32Array.from(links, (l) => l[0]),
        column: Int32Array.from(links, (l) => l[1]),
        source: Int32Array.from(links, (l) => c.processes[l[1]]),
        flow: Int32Array.from(links, (l) => l[2]),
        rhs: new Float64Array(size * n),
        matrix: new Float64Array(n * n),
        coefficients: new Float64Array(size * links.length),
        changed: new Uint8Array(size),
        pivots: new Int32Array(n),
        valid: new Uint8Array(size),
        patterns: Array.from({ length: size }, () => createLuPattern(n)),
      };
    }),
  };
}

/** Forgets the factors of the previous run: its shares may have been different. */
export function resetTransferState(state: TransferState): void {
  for (const loop of state.loops) loop?.valid.fill(0);
}

function isShare(model: CompiledModel, f: number): boolean {
  const kind = model.flows[f].kind;
  return kind === 'share' || kind === 'rest';
}

/**
 * Solves year t given α, β and x = B, writing x and D of every process. `shares[f]` holds every
 * share flow's share for every year (T × size). Returns the index of a singular component, or -1.
 */
export function solveTransfer(model: CompiledModel, state: TransferState, shares: readonly (Float64Array | undefined)[], t: number): number {
  const { flows, components } = model;
  const { alpha, beta, throughput, distributed } = state;
  const base = t * state.stride;
  const slot = state.slot;
  for (let c = 0; c < components.length; c++) {
    const members = components[c].processes;
    // Shares from processes solved earlier are known inflows now.
    for (let m = 0; m < members.length; m++) {
      const p = members[m];
      const start = base + slot[p];
      const size = slot[p + 1] - slot[p];
      const earlier = state.sharesFromEarlier[p];
      for (let e = 0; e < earlier.length; e++) {
        const f = earlier[e];
        const share = shares[f]!;
        const from = base + slot[flows[f].from];
        const at = t * size;
        for (let k = 0; k < size; k++) throughput[start + k] += share[at + k] * distributed[from + k];
      }
    }
    const loop = state.loops[c];
    if (loop !== undefined && !solveLoop(state, loop, shares, t)) return c;
    for (let m = 0; m < members.length; m++) {
      const p = members[m];
      for (let i = base + slot[p]; i < base + slot[p + 1]; i++) distributed[i] = alpha[i] * throughput[i] + beta[i];
    }
  }
  return -1;
}

/**
 * (I − S·diag(α)) x = x_known + S·β over the loop's members, per item. The matrix is rebuilt and
 * factorised only when a coefficient share·α changed since the last year solved; otherwise the
 * factors are reused and a year costs one O(n²) solve. Links are walked once for all items.
 */
function solveLoop(state: TransferState, loop: LoopSystem, shares: readonly (Float64Array | undefined)[], t: number): boolean {
  const { slot, alpha, beta, throughput } = state;
  const { members, rhs, coefficients, changed, valid } = loop;
  const base = t * state.stride;
  const n = members.length;
  const size = slot[members[0] + 1] - slot[members[0]];
  const linkCount = loop.flow.length;
  for (let i = 0; i < n; i++) {
    const start = base + slot[members[i]];
    for (let k = 0; k < size; k++) rhs[k * n + i] = throughput[start + k];
  }
  for (let k = 0; k < size; k++) changed[k] = valid[k] === 1 ? 0 : 1;
  for (let l = 0; l < linkCount; l++) {
    const share = shares[loop.flow[l]]!;
    const from = base + slot[loop.source[l]];
    const row = loop.row[l];
    const at = t * size;
    for (let k = 0; k < size; k++) {
      const s = share[at + k];
      const coefficient = s * alpha[from + k];
      if (coefficient !== coefficients[k * linkCount + l]) {
        coefficients[k * linkCount + l] = coefficient;
        changed[k] = 1;
      }
      rhs[k * n + row] += s * beta[from + k];
    }
  }
  for (let k = 0; k < size; k++) {
    if (changed[k] === 1 && !factorise(loop, k, n, linkCount)) return false;
    luSolveSparse(loop.patterns[k], rhs, k * n, n);
  }
  for (let i = 0; i < n; i++) {
    const start = base + slot[members[i]];
    for (let k = 0; k < size; k++) throughput[start + k] = rhs[k * n + i];
  }
  return true;
}

/** Builds item k's matrix I − S·diag(α) from its coefficients and factorises it; false if singular. */
function factorise(loop: LoopSystem, k: number, n: number, linkCount: number): boolean {
  const { matrix, coefficients, pivots } = loop;
  matrix.fill(0);
  for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
  for (let l = 0; l < linkCount; l++) matrix[loop.row[l] * n + loop.column[l]] -= coefficients[k * linkCount + l];
  loop.valid[k] = luFactor(matrix, 0, pivots, 0, n) ? 1 : 0;
  if (loop.valid[k] !== 1) return false;
  fillLuPattern(matrix, 0, pivots, 0, n, loop.patterns[k]);
  return true;
}
