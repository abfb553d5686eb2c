import type { CompiledModel } from '../compile/compiledModel.js';
import { SHARE_TOLERANCE } from '../compile/checkNetwork.js';
import type { IssueLog } from './issueLog.js';
import { evaluateInto } from './symbolFields.js';
import { itemLabels } from '../compile/dimensionIndex.js';

/**
 * Evaluates every share flow for every year and item, fills in the `rest` share, and reports
 * shares outside [0, 1] or not summing to 1 (constant ones were already checked at compile;
 * these depend on parameters, so they are a run status rather than a model error).
 */
export function evaluateShares(model: CompiledModel, fields: readonly Float64Array[], shares: (Float64Array | undefined)[], issues: IssueLog): void {
  const { horizon, years, flows, processes } = model;
  flows.forEach((flow, f) => {
    if (flow.kind === 'share') evaluateInto(flow.bound!, fields, years, shares[f]!, flow.size, horizon);
  });
  for (const process of processes) {
    if (process.shareOutflows.length === 0) continue;
    const size = process.size;
    const labels = itemLabels(process.dims, model.definition.dimensions.map((d) => d.items));
    for (let t = 0; t < horizon; t++) {
      for (let k = 0; k < size; k++) {
        let sum = 0;
        for (const f of process.shareOutflows) {
          if (f === process.restFlow) continue;
          const share = shares[f]![t * size + k];
          if (!(share >= -SHARE_TOLERANCE && share <= 1 + SHARE_TOLERANCE)) {
            issues.add({ status: 'invalid-shares', message: `share of flow ${flows[f].id} is ${share} in ${years[t]}, outside [0, 1]`, flow: flows[f].id, year: years[t], item: labels[k] });
          }
          sum += share;
        }
        if (process.restFlow >= 0) {
          const rest = 1 - sum;
          shares[process.restFlow]![t * size + k] = rest;
          if (rest < -SHARE_TOLERANCE) {
            issues.add({ status: 'invalid-shares', message: `shares of process ${process.name} sum to ${sum} in ${years[t]}, leaving nothing for rest`, process: process.name, year: years[t], item: labels[k] });
          }
        } else if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
          issues.add({ status: 'invalid-shares', message: `shares of process ${process.name} sum to ${sum} in ${years[t]}, not 1`, process: process.name, year: years[t], item: labels[k] });
        }
      }
    }
  }
}
