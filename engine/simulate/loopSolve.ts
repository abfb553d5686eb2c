import type { CompiledModel } from '../compile/compiledModel.js';
import { createLuPattern, fillLuPattern, luFactor, luSolveSparse, type LuPattern } from '../compile/denseSolve.js';
import type { TransferState } from './transferStep.js';

/** A cyclic component's system and the factors of its matrix, per item. */
export interface LoopSystem {
  readonly members: Int32Array;
  /** Items per member, and where each member's items start within a year (TransferState.slot). */
  readonly size: number;
  readonly memberSlot: Int32Array;
  /** Its internal share flows: receiving member (row), sending member (column), where the sender's items start, flow. */
  readonly row: Int32Array;
  readonly column: Int32Array;
  readonly sourceSlot: Int32Array;
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

/** The system of a loop over `members`, whose internal share flows into member p are `internalShares(p)`; `slot` as in TransferState. */
export function createLoopSystem(model: CompiledModel, members: readonly number[], slot: Int32Array, internalShares: (p: number) => number[]): LoopSystem {
  const n = members.length;
  const size = model.processes[members[0]].size;
  const links = members.flatMap((p, row) => internalShares(p).map((f) => [row, members.indexOf(model.flows[f].from), f]));
  return {
    members: Int32Array.from(members),
    size,
    memberSlot: Int32Array.from(members, (p) => slot[p]),
    row: Int32Array.from(links, (l) => l[0]),
    column: Int32Array.from(links, (l) => l[1]),
    sourceSlot: Int32Array.from(links, (l) => slot[members[l[1]]]),
    flow: Int32Array.from(links, (l) => l[2]),
    rhs: new Float64Array(size * n),
    matrix: new Float64Array(n * n),
    coefficients: new Float64Array(size * links.length),
    changed: new Uint8Array(size),
    pivots: new Int32Array(n),
    valid: new Uint8Array(size),
    patterns: Array.from({ length: size }, () => createLuPattern(n)),
  };
}

/**
 * (I − S·diag(α)) x = x_known + S·β over the loop's members, per item. The matrix is rebuilt and
 * factorised only when a coefficient share·α changed since the last year solved; otherwise the
 * factors are reused and a year costs one solve over their non-zeros. One item at a time from
 * gathering its right-hand side to scattering its solution, so that item's values stay at hand;
 * each right-hand side still adds its links in link order.
 */
export function solveLoop(state: TransferState, loop: LoopSystem, shares: readonly (Float64Array | undefined)[], t: number): boolean {
  const { alpha, beta, throughput } = state;
  const { rhs, coefficients, valid, changed, row, flow, memberSlot, sourceSlot } = loop;
  const base = t * state.stride;
  const n = memberSlot.length;
  const size = loop.size;
  const linkCount = flow.length;
  const at = t * size;
  for (let i = 0; i < n; i++) {
    const start = base + memberSlot[i];
    for (let k = 0; k < size; k++) rhs[k * n + i] = throughput[start + k];
  }
  for (let k = 0; k < size; k++) changed[k] = valid[k] === 1 ? 0 : 1;
  for (let l = 0; l < linkCount; l++) {
    const share = shares[flow[l]]!;
    const from = base + sourceSlot[l];
    const r = row[l];
    for (let k = 0; k < size; k++) {
      const s = share[at + k];
      const coefficient = s * alpha[from + k];
      if (coefficient !== coefficients[k * linkCount + l]) {
        coefficients[k * linkCount + l] = coefficient;
        changed[k] = 1;
      }
      rhs[k * n + r] += s * beta[from + k];
    }
  }
  for (let k = 0; k < size; k++) {
    if (changed[k] === 1 && !factorise(loop, k, n, linkCount)) return false;
    luSolveSparse(loop.patterns[k], rhs, k * n, n);
  }
  for (let i = 0; i < n; i++) {
    const start = base + memberSlot[i];
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
