import type { CompiledModel } from '../compile/compiledModel.js';
import { SHARE_TOLERANCE } from '../compile/checkNetwork.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import type { IssueLog } from './issueLog.js';
import { evaluateInto } from './symbolFields.js';

/**
 * Evaluates every share flow for every year and item, fills in the `rest` share, and reports
 * shares outside [0, 1] or not summing to 1 (constant ones were already checked at compile;
 * these depend on parameters, so they are a run status rather than a model error).
 * `sums` is scratch space of at least T × (largest process size).
 */
export function evaluateShares(model: CompiledModel, fields: readonly Float64Array[], shares: (Float64Array | undefined)[], sums: Float64Array, issues: IssueLog): void {
  const { horizon, years, flows, processes } = model;
  for (let f = 0; f < flows.length; f++) {
    const flow = flows[f];
    if (flow.kind !== 'share') continue;
    // A share that is a plain number is the same in every run: its buffer keeps it from the first.
    const constant = flow.bound!.expression.constantValue;
    if (constant !== undefined && shares[f]![0] === constant) continue;
    evaluateInto(flow.bound!, fields, years, shares[f]!, flow.size, horizon);
  }
  for (const process of processes) {
    if (process.shareOutflows.length === 0) continue;
    const length = horizon * process.size;
    const label = (index: number) => ({ year: years[Math.floor(index / process.size)], item: itemLabel(process.dims, model.definition.dimensions.map((d) => d.items), index % process.size) });
    sums.fill(0, 0, length);
    for (const f of process.shareOutflows) {
      if (f === process.restFlow) continue;
      const share = shares[f]!;
      let outside = -1;
      for (let i = 0; i < length; i++) {
        const value = share[i];
        sums[i] += value;
        if (!(value >= -SHARE_TOLERANCE && value <= 1 + SHARE_TOLERANCE) && outside < 0) outside = i;
      }
      if (outside >= 0) {
        const { year, item } = label(outside);
        issues.add({ status: 'invalid-shares', message: `share of flow ${flows[f].id} is ${share[outside]} in ${year}, outside [0, 1]`, flow: flows[f].id, year, item });
      }
    }
    let wrong = -1;
    if (process.restFlow >= 0) {
      const rest = shares[process.restFlow]!;
      for (let i = 0; i < length; i++) {
        rest[i] = 1 - sums[i];
        if (rest[i] < -SHARE_TOLERANCE && wrong < 0) wrong = i;
      }
    } else {
      for (let i = 0; i < length; i++) if (Math.abs(sums[i] - 1) > SHARE_TOLERANCE && wrong < 0) wrong = i;
    }
    if (wrong >= 0) {
      const { year, item } = label(wrong);
      const what = process.restFlow >= 0 ? 'leaving nothing for rest' : 'not 1';
      issues.add({ status: 'invalid-shares', message: `shares of process ${process.name} sum to ${sums[wrong]} in ${year}, ${what}`, process: process.name, year, item });
    }
  }
}
