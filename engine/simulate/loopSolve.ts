import type { CompiledModel } from '../compile/compiledModel.js';
import { createLuPattern, fillLuPattern, luFactor, luSolveSparse, type LuPattern } from '../compile/denseSolve.js';
import type { TransferState } from './transferStep.js';

/** A cyclic component's system and the factors of its matrix, per item. */
export interface LoopSystem {
  readonly members: Int32Array;
  /** Items per member, and where each member's items start within a year (TransferState.slot). */
  readonly size: number;
  readonly memberSlot: Int32Array;
  /**
   * Its internal share flows: receiving member (row), sending member (column), where the
   * receiver's and the sender's items start within a year (TransferState.slot), flow.
   */
  readonly row: Int32Array;
  readonly column: Int32Array;
  readonly targetSlot: Int32Array;
  readonly sourceSlot: Int32Array;
  readonly flow: Int32Array;
  /** Per link: 1 when its sender is an inflow-driven stock, whose α = 1 − sf(t, t) may change by year (a plain process's is 1, a stock-driven one's 0). */
  readonly senderAlphaVaries: Uint8Array;
  /**
   * Per link: 1 when its coefficient share·α may change from year to year in this run, so each
   * year compares it with the factors'; 0 when its share series is the same in every year and its
   * α cannot change. Worked out for the share revision in `linkRevision`.
   */
  readonly linkVaries: Uint8Array;
  readonly linkRevision: Int32Array;
  /**
   * Per link: 1 when its sender passes on nothing of its own (β = −0 in every year: a process
   * without a stock, value outflows or demand outflows), so that share·β is ±0 whenever the share
   * is finite, and adding it to x, which is never −0 (it sums from +0), changes no bit.
   */
  readonly senderBetaZero: Uint8Array;
  /** Per link: 1 when its rhs term may be left out in this run: senderBetaZero and every share of the series finite (with linkRevision). */
  readonly linkSilent: Uint8Array;
  /** Scratch: this year's n × n matrix, factorised in place, and its row swaps. */
  readonly matrix: Float64Array;
  readonly pivots: Int32Array;
  /** Per item and internal link: the coefficient share·α the factors in use were made with. */
  readonly coefficients: Float64Array;
  /** Per item: 1 when this year's coefficients differ from those the factors in use were made with. */
  readonly changed: Uint8Array;
  /**
   * Per item: the factors this run and earlier ones made, in the order their years needed them.
   * A run whose years need the same coefficients in the same order (every run of a sweep that
   * leaves the loop's shares and lifetimes alone, a scenario's ramp run again) takes them from
   * here instead of factorising again; the factors of equal coefficients are the same to the bit.
   */
  readonly factors: Factors[][];
  /** Per item: the index in `factors` of the factors in use, −1 at the start of a run. */
  readonly current: Int32Array;
}

/** One factorisation of an item's matrix, compacted to where it is not zero, and what it was made from. */
interface Factors {
  readonly coefficients: Float64Array;
  readonly pattern: LuPattern;
  /** False when the matrix was singular (no factors). */
  valid: boolean;
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
    targetSlot: Int32Array.from(links, (l) => slot[members[l[0]]]),
    sourceSlot: Int32Array.from(links, (l) => slot[members[l[1]]]),
    flow: Int32Array.from(links, (l) => l[2]),
    senderAlphaVaries: Uint8Array.from(links, (l) => {
      const stock = model.processes[members[l[1]]].stock;
      return stock >= 0 && model.stocks[stock].kind === 'inflow-driven' ? 1 : 0;
    }),
    senderBetaZero: Uint8Array.from(links, (l) => (passesOnItsInflow(model, members[l[1]]) ? 1 : 0)),
    linkVaries: new Uint8Array(links.length).fill(1),
    linkSilent: new Uint8Array(links.length),
    linkRevision: new Int32Array(links.length).fill(-1),
    matrix: new Float64Array(n * n),
    coefficients: new Float64Array(size * links.length),
    changed: new Uint8Array(size),
    pivots: new Int32Array(n),
    factors: Array.from({ length: size }, () => []),
    current: new Int32Array(size).fill(-1),
  };
}

/**
 * (I − S·diag(α)) x = x_known + S·β over the loop's members, per item. The factors change only
 * when a coefficient share·α changed since the last year solved (and then come from an earlier
 * run when it made them from the same coefficients); otherwise a year costs one solve over their
 * non-zeros. Links are walked once for all items.
 */
export function solveLoop(state: TransferState, loop: LoopSystem, shares: readonly (Float64Array | undefined)[], t: number): boolean {
  const { alpha, beta, throughput } = state;
  const { coefficients, current, changed, flow, targetSlot, sourceSlot } = loop;
  const base = t * state.stride;
  const n = loop.memberSlot.length;
  const size = loop.size;
  const linkCount = flow.length;
  const at = t * size;
  // The right-hand side is built, and the system solved, in place in this year's x.
  // The first year of a run compares every link; later years only those whose coefficient may change.
  const firstYear = current[0] < 0;
  if (firstYear) classifyLinks(loop, state.shareRevisions, shares);
  const { linkVaries, linkSilent } = loop;
  for (let k = 0; k < size; k++) changed[k] = current[k] < 0 ? 1 : 0;
  for (let l = 0; l < linkCount; l++) {
    const share = shares[flow[l]]!;
    const from = base + sourceSlot[l];
    const to = base + targetSlot[l];
    if (!firstYear && linkVaries[l] === 0) {
      if (linkSilent[l] === 1) continue;
      for (let k = 0; k < size; k++) throughput[to + k] += share[at + k] * beta[from + k];
      continue;
    }
    for (let k = 0; k < size; k++) {
      const s = share[at + k];
      const coefficient = s * alpha[from + k];
      if (coefficient !== coefficients[k * linkCount + l]) {
        coefficients[k * linkCount + l] = coefficient;
        changed[k] = 1;
      }
      throughput[to + k] += s * beta[from + k];
    }
  }
  for (let k = 0; k < size; k++) {
    if (changed[k] === 1 && !nextFactors(loop, k, n, linkCount)) return false;
    luSolveSparse(loop.factors[k][current[k]].pattern, throughput, base + k);
  }
  return true;
}

/** Marks each link whose coefficient may change between years of this run (see LoopSystem.linkVaries). */
function classifyLinks(loop: LoopSystem, revisions: Int32Array, shares: readonly (Float64Array | undefined)[]): void {
  const { flow, linkRevision, linkVaries, linkSilent, senderAlphaVaries, senderBetaZero, size } = loop;
  for (let l = 0; l < flow.length; l++) {
    if (linkRevision[l] === revisions[flow[l]]) continue;
    linkRevision[l] = revisions[flow[l]];
    linkVaries[l] = senderAlphaVaries[l] === 1 || !sameEveryYear(shares[flow[l]]!, size) ? 1 : 0;
    linkSilent[l] = senderBetaZero[l] === 1 && allFinite(shares[flow[l]]!) ? 1 : 0;
  }
}

/**
 * True when process p passes on exactly what it takes in, in every year of every run: no stock and
 * nothing leaving it but share flows, so α = 1 and β = −0, and D = 1·x + (−0) is x to the bit
 * (+0 stays +0, −0 stays −0).
 */
export function passesOnItsInflow(model: CompiledModel, p: number): boolean {
  if (model.processes[p].stock >= 0) return false;
  return model.flows.every((flow) => flow.from !== p || flow.kind === 'share' || flow.kind === 'rest');
}

function allFinite(series: Float64Array): boolean {
  for (let i = 0; i < series.length; i++) if (!Number.isFinite(series[i])) return false;
  return true;
}

/** True when every year of `series` (T × size) equals the first (NaN never does). */
function sameEveryYear(series: Float64Array, size: number): boolean {
  for (let i = size; i < series.length; i++) if (series[i] !== series[i % size]) return false;
  return true;
}

/**
 * Moves item k on to the factors of its coefficients: the next ones the previous runs made, when
 * they were made from the same coefficients, else new ones in their place. False if singular.
 */
function nextFactors(loop: LoopSystem, k: number, n: number, linkCount: number): boolean {
  const next = loop.current[k] + 1;
  const made = loop.factors[k];
  loop.current[k] = next;
  if (next < made.length && made[next].valid && sameCoefficients(made[next].coefficients, loop.coefficients, k * linkCount)) return true;
  if (next === made.length) made.push({ coefficients: new Float64Array(linkCount), pattern: createLuPattern(n, loop.memberSlot), valid: false });
  const factors = made[next];
  factors.coefficients.set(loop.coefficients.subarray(k * linkCount, (k + 1) * linkCount));
  factors.valid = factorise(loop, k, n, linkCount, factors.pattern);
  return factors.valid;
}

function sameCoefficients(made: Float64Array, coefficients: Float64Array, offset: number): boolean {
  for (let l = 0; l < made.length; l++) if (made[l] !== coefficients[offset + l]) return false;
  return true;
}

/** Builds item k's matrix I − S·diag(α) from its coefficients and factorises it into `pattern`; false if singular. */
function factorise(loop: LoopSystem, k: number, n: number, linkCount: number, pattern: LuPattern): boolean {
  const { matrix, coefficients, pivots } = loop;
  matrix.fill(0);
  for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
  for (let l = 0; l < linkCount; l++) matrix[loop.row[l] * n + loop.column[l]] -= coefficients[k * linkCount + l];
  if (!luFactor(matrix, 0, pivots, 0, n)) return false;
  fillLuPattern(matrix, 0, pivots, 0, n, pattern);
  return true;
}
