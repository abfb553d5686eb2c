import type { CompiledModel } from '../compile/compiledModel.js';
import type { Workspace } from './workspace.js';

/**
 * Per process, the flows of its balance in the order checkFlowByFlow adds them (flow by flow, a
 * flow's entry before its exit), with +1 for a flow in and −1 for a flow out. Made once per model.
 */
interface BalanceTerms {
  readonly flows: Int32Array;
  readonly signs: Float64Array;
}

const termsOfModel = new WeakMap<CompiledModel, readonly BalanceTerms[]>();

export function balanceTerms(model: CompiledModel): readonly BalanceTerms[] {
  let terms = termsOfModel.get(model);
  if (!terms) {
    terms = model.processes.map((_, p) => {
      const flows: number[] = [];
      const signs: number[] = [];
      model.flows.forEach((flow, f) => {
        if (flow.to === p) flows.push(f), signs.push(1);
        if (flow.from === p) flows.push(f), signs.push(-1);
      });
      return { flows: Int32Array.from(flows), signs: Float64Array.from(signs) };
    });
    termsOfModel.set(model, terms);
  }
  return terms;
}

/**
 * The balance residuals of a run whose flows and stocks are all non-negative and finite, process
 * by process: each residual is summed in a register over the process's terms and its stock change,
 * four years-and-items at a time (four independent sums keep the adder busy; one would wait for
 * each addition), instead of read and written back once per flow. The operations and their order
 * are those of the flow-by-flow sum: `r + (−1)·v` is `r − v`, and |v| = v for v ≥ 0 (−0 included,
 * as m ≥ +0 and m + (−0) = m). `unbalanced[p]` becomes the first index where process p's residual
 * exceeds its tolerance, or −1. Returns false, leaving the residuals half written, when a flow is
 * negative, or a flow or stock NaN or infinite (which makes its magnitude NaN or ∞; so may an
 * overflow of finite values, which is then checked the slow way too).
 */
export function sumProcessBalances(model: CompiledModel, workspace: Workspace, tolerance: number, unbalanced: Int32Array): boolean {
  const terms = balanceTerms(model);
  const { residuals, flowValues } = workspace;
  for (let p = 0; p < terms.length; p++) {
    const { flows, signs } = terms[p];
    const residual = residuals[p];
    const length = residual.length;
    const { size, stock: s } = model.processes[p];
    const stock = s >= 0 ? workspace.stockSeries[s].stock : undefined;
    const initial = s >= 0 ? workspace.stockSeries[s].initialTotal : undefined;
    const before = (i: number) => (i < size ? initial![i] : stock![i - size]);
    let negative = false;
    let finite = true;
    let first = -1;
    let i = 0;
    for (; i + 4 <= length; i += 4) {
      let r0 = 0, r1 = 0, r2 = 0, r3 = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
      for (let j = 0; j < flows.length; j++) {
        const values = flowValues[flows[j]];
        const sign = signs[j];
        const v0 = values[i], v1 = values[i + 1], v2 = values[i + 2], v3 = values[i + 3];
        if (v0 < 0 || v1 < 0 || v2 < 0 || v3 < 0) negative = true;
        r0 += sign * v0; r1 += sign * v1; r2 += sign * v2; r3 += sign * v3;
        m0 += v0; m1 += v1; m2 += v2; m3 += v3;
      }
      if (stock) {
        const b0 = before(i), b1 = before(i + 1), b2 = before(i + 2), b3 = before(i + 3);
        r0 -= stock[i] - b0; r1 -= stock[i + 1] - b1; r2 -= stock[i + 2] - b2; r3 -= stock[i + 3] - b3;
        m0 += Math.abs(stock[i]) + Math.abs(b0); m1 += Math.abs(stock[i + 1]) + Math.abs(b1);
        m2 += Math.abs(stock[i + 2]) + Math.abs(b2); m3 += Math.abs(stock[i + 3]) + Math.abs(b3);
      }
      residual[i] = r0; residual[i + 1] = r1; residual[i + 2] = r2; residual[i + 3] = r3;
      if (!(m0 + m1 + m2 + m3 < Infinity)) finite = false;
      if (first < 0 && (Math.abs(r0) > tolerance * m0 || Math.abs(r1) > tolerance * m1 || Math.abs(r2) > tolerance * m2 || Math.abs(r3) > tolerance * m3)) {
        first = Math.abs(r0) > tolerance * m0 ? i : Math.abs(r1) > tolerance * m1 ? i + 1 : Math.abs(r2) > tolerance * m2 ? i + 2 : i + 3;
      }
    }
    for (; i < length; i++) {
      let r = 0, m = 0;
      for (let j = 0; j < flows.length; j++) {
        const v = flowValues[flows[j]][i];
        if (v < 0) negative = true;
        r += signs[j] * v;
        m += v;
      }
      if (stock) {
        const b = before(i);
        r -= stock[i] - b;
        m += Math.abs(stock[i]) + Math.abs(b);
      }
      residual[i] = r;
      if (!(m < Infinity)) finite = false;
      if (first < 0 && Math.abs(r) > tolerance * m) first = i;
    }
    if (negative || !finite) return false;
    unbalanced[p] = first;
  }
  return true;
}
