import type { CompiledModel } from '../compile/compiledModel.js';
import { SHARE_TOLERANCE } from '../compile/checkNetwork.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import type { IssueLog } from './issueLog.js';
import type { SolutionIssue } from './solution.js';
import { refreshInto } from './symbolFields.js';

/**
 * Per workspace's share buffers, per process: the issues its shares gave when last checked,
 * undefined before. A process none of whose shares changed since has the same rest share and the
 * same issues, so a sweep that varies other things checks it once.
 */
const checkedShares = new WeakMap<readonly (Float64Array | undefined)[], (SolutionIssue[] | undefined)[]>();

/**
 * Evaluates every share flow for every year and item, fills in the `rest` share, and reports
 * shares outside [0, 1] or not summing to 1 (constant ones were already checked at compile;
 * these depend on parameters, so they are a run status rather than a model error).
 * `revisions[f]` counts the times share f was written (see TransferState.shareRevisions).
 * `sums` is scratch space of at least T × (largest process size).
 */
export function evaluateShares(model: CompiledModel, fields: readonly Float64Array[], shares: (Float64Array | undefined)[], revisions: Int32Array, sums: Float64Array, issues: IssueLog): void {
  const { horizon, years, flows, processes } = model;
  let checked = checkedShares.get(shares);
  if (!checked) checkedShares.set(shares, (checked = new Array(processes.length).fill(undefined)));
  // A share that no changed field enters (a plain number: any but the first) keeps its buffer.
  const refreshed = new Uint8Array(flows.length);
  for (let f = 0; f < flows.length; f++) {
    const flow = flows[f];
    if (flow.kind === 'share' && refreshInto(flow.bound!, fields, years, shares[f]!, flow.size, horizon)) {
      refreshed[f] = 1;
      revisions[f]++;
    }
  }
  for (let p = 0; p < processes.length; p++) {
    const process = processes[p];
    if (process.shareOutflows.length === 0) continue;
    const last = checked[p];
    if (last !== undefined && process.shareOutflows.every((f) => refreshed[f] === 0)) {
      for (const issue of last) issues.add({ ...issue });
      continue;
    }
    const found: SolutionIssue[] = [];
    checkProcessShares(model, p, shares, sums, found);
    if (process.restFlow >= 0) revisions[process.restFlow]++;
    checked[p] = found;
    for (const issue of found) issues.add(issue);
  }
}

/** Fills process p's rest share and lists what is wrong with its shares. */
function checkProcessShares(model: CompiledModel, p: number, shares: (Float64Array | undefined)[], sums: Float64Array, found: SolutionIssue[]): void {
  const { horizon, years, flows } = model;
  const process = model.processes[p];
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
      found.push({ status: 'invalid-shares', message: `share of flow ${flows[f].id} is ${share[outside]} in ${year}, outside [0, 1]`, flow: flows[f].id, year, item });
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
    found.push({ status: 'invalid-shares', message: `shares of process ${process.name} sum to ${sums[wrong]} in ${year}, ${what}`, process: process.name, year, item });
  }
}
