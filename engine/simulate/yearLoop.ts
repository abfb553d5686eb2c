import type { CompiledModel } from '../compile/compiledModel.js';
import type { IssueLog } from './issueLog.js';
import type { StockItemKernel } from './stockSetup.js';
import { solveTransfer } from './transferStep.js';
import type { Workspace } from './workspace.js';

/**
 * The year loop: stocks and the transfer system stepped together, since a stock's outflow in
 * year t enters that year's transfer system and its inflow comes out of it. What does not depend
 * on the solve is done for all years at once: before the loop the value flows' B and V and the α of
 * processes without a lifetime stock, after it the share flows' values from each year's D.
 */
export function simulateYears(model: CompiledModel, workspace: Workspace, kernels: StockItemKernel[][], issues: IssueLog): void {
  const { horizon, processes, stocks } = model;
  const { transfer, shares } = workspace;
  setKnownTerms(model, workspace);
  let solvedYears = horizon;
  for (let t = 0; t < horizon; t++) {
    // Stock-driven stocks first: their inflow depends only on the target and older cohorts.
    for (let s = 0; s < stocks.length; s++) if (stocks[s].kind === 'stock-driven') stepStockDriven(model, workspace, kernels[s], s, t, issues);
    addDemandFlows(model, workspace, t);
    for (let s = 0; s < stocks.length; s++) if (stocks[s].kind === 'inflow-driven') passOnFromCohorts(model, workspace, kernels[s], s, t);

    const singular = solveTransfer(transfer, shares, t);
    if (singular >= 0) {
      const names = model.components[singular].processes.map((q) => processes[q].name);
      issues.add({ status: 'singular-loop', message: `the loop ${names.join(' -> ')} never lets mass leave in ${model.years[t]}`, process: names[0], year: model.years[t] });
      solvedYears = t;
      break;
    }
    for (let s = 0; s < stocks.length; s++) if (stocks[s].kind !== 'stock-driven') stepStock(model, workspace, kernels[s], s, t);
  }
  setShareFlows(model, workspace, solvedYears);
  setBalanceFlows(model, workspace);
}

/**
 * A balance flow brings what the other inflows of its process leave short of the total it holds
 * until now: total − Σ other inflows, every year (negative when they bring more than the total,
 * which the balance check reports as a negative flow).
 */
function setBalanceFlows(model: CompiledModel, workspace: Workspace): void {
  for (const process of model.processes) {
    if (process.balanceFlow < 0) continue;
    const balance = workspace.flowValues[process.balanceFlow];
    for (const f of process.inflows) {
      if (f === process.balanceFlow) continue;
      const values = workspace.flowValues[f];
      for (let i = 0; i < balance.length; i++) balance[i] -= values[i];
    }
  }
}

/**
 * Every year: x = B, the value flows into each process, and its value outflows V; a plain process
 * passes on β = −V (and α = 1, set once in createTransferState); an accumulating stock nothing
 * (α = β = 0); an inflow-driven stock starts from β = −V (passOnFromCohorts completes it); a
 * stock-driven one is set by its step. β starts as −0 everywhere, which is −V of a process with
 * no value outflow (whose V stays the 0 it was allocated with): one fill instead of a loop per
 * year and process.
 */
function setKnownTerms(model: CompiledModel, workspace: Workspace): void {
  const { horizon, processes, flows } = model;
  const { slot, stride, beta, throughput } = workspace.transfer;
  throughput.fill(0);
  beta.fill(-0);
  const valueOutflows = new Uint8Array(processes.length);
  for (let f = 0; f < flows.length; f++) {
    const { kind, from } = flows[f];
    if ((kind === 'value' || kind === 'balance') && from >= 0 && valueOutflows[from] === 0) {
      valueOutflows[from] = 1;
      workspace.valueOut[from].fill(0);
    }
  }
  for (let f = 0; f < flows.length; f++) {
    const flow = flows[f];
    if (flow.kind !== 'value' && flow.kind !== 'balance') continue;
    const values = workspace.flowValues[f];
    const size = flow.size;
    // A balanced process takes its total from the balance flow, whatever else flows in.
    const into = flow.to >= 0 && (flow.kind === 'balance' || processes[flow.to].balanceFlow < 0);
    if (into) for (let t = 0; t < horizon; t++) for (let k = 0; k < size; k++) throughput[t * stride + slot[flow.to] + k] += values[t * size + k];
    if (flow.from >= 0) {
      const out = workspace.valueOut[flow.from];
      for (let i = 0; i < values.length; i++) out[i] += values[i];
    }
  }
  for (let p = 0; p < processes.length; p++) {
    const { size, stock } = processes[p];
    const accumulates = stock >= 0 && model.stocks[stock].kind === 'accumulate';
    if (!accumulates && valueOutflows[p] === 0) continue;
    const out = workspace.valueOut[p];
    for (let t = 0; t < horizon; t++) {
      const start = t * stride + slot[p];
      if (accumulates) beta.fill(0, start, start + size);
      else for (let k = 0; k < size; k++) beta[start + k] = -out[t * size + k];
    }
  }
}

/** Year t's demand flows (the inflows of stock-driven stocks) into x of their target and −V of their source. */
function addDemandFlows(model: CompiledModel, workspace: Workspace, t: number): void {
  const { slot, stride, beta, throughput } = workspace.transfer;
  const { demandFlows } = workspace;
  for (let d = 0; d < demandFlows.length; d++) {
    const flow = model.flows[demandFlows[d]];
    const values = workspace.flowValues[demandFlows[d]];
    const size = flow.size;
    if (flow.to >= 0) for (let k = 0; k < size; k++) throughput[t * stride + slot[flow.to] + k] += values[t * size + k];
    const source = flow.from >= 0 ? model.processes[flow.from] : undefined;
    const passesOn = source !== undefined && (source.stock < 0 || model.stocks[source.stock].kind === 'inflow-driven');
    if (passesOn) for (let k = 0; k < size; k++) beta[t * stride + slot[flow.from] + k] -= values[t * size + k];
  }
}

/** Year t of a stock-driven stock: the inflow that meets the target becomes its demand flow. */
function stepStockDriven(model: CompiledModel, workspace: Workspace, kernels: StockItemKernel[], s: number, t: number, issues: IssueLog): void {
  const stock = model.stocks[s];
  const { size, negativeInflowCorrection } = stock;
  const series = workspace.stockSeries[s];
  const target = workspace.targets[s]!;
  const demand = workspace.flowValues[stock.demandFlow];
  const { alpha, beta, slot, stride } = workspace.transfer;
  const start = t * stride + slot[stock.process];
  for (let k = 0; k < size; k++) {
    const kernel = kernels[k];
    const index = t * size + k;
    const outcome = kernel.meetTarget(t, target[index], negativeInflowCorrection);
    if (outcome !== 'met') reportOutcome(model, series.corrected, kernel, s, t, outcome, issues);
    const inflow = kernel.inflow(t);
    const outflow = kernel.outflow(t);
    series.stock[index] = kernel.stock(t);
    series.inflow[index] = inflow;
    series.outflow[index] = outflow;
    demand[index] = inflow;
    alpha[start + k] = 0;
    beta[start + k] = outflow;
  }
}

/** What a stock-driven year that did not simply meet its target leaves: a correction mark or an issue. */
function reportOutcome(model: CompiledModel, corrected: Uint8Array, kernel: StockItemKernel, s: number, t: number, outcome: ReturnType<StockItemKernel['meetTarget']>, issues: IssueLog): void {
  const stock = model.stocks[s];
  const year = model.years[t];
  if (outcome === 'corrected') corrected[t] = 1;
  else if (outcome === 'negative-inflow') {
    const value = kernel.inflow(t);
    issues.add({ status: 'negative-inflow', message: `stock ${stock.name} needs a negative inflow (${value}) in ${year}`, stock: stock.name, year, value });
  }
  else if (outcome === 'unreachable') issues.add({ status: 'unreachable-target', message: `stock ${stock.name} cannot reach its target in ${year}`, stock: stock.name, year });
}

/**
 * Year t of an inflow-driven stock before the solve: this year's cohort loses 1 − sf(t, t) of
 * itself within the year, so α = 1 − sf(t, t), β = (outflow of older cohorts) − αV.
 */
function passOnFromCohorts(model: CompiledModel, workspace: Workspace, kernels: StockItemKernel[], s: number, t: number): void {
  const stock = model.stocks[s];
  const { alpha, beta, slot, stride } = workspace.transfer;
  const start = t * stride + slot[stock.process];
  for (let k = 0; k < stock.size; k++) {
    const kernel = kernels[k];
    const a = 1 - kernel.ownYearSurvival(t);
    alpha[start + k] = a;
    beta[start + k] = kernel.outflowFromOlderCohorts(t) + a * beta[start + k];
  }
}

/**
 * Year t of an accumulating or inflow-driven stock, once its process's inflow is solved: the
 * inflow is what its process takes in less its value and demand outflows (summed value first,
 * then each demand flow).
 */
function stepStock(model: CompiledModel, workspace: Workspace, kernels: StockItemKernel[], s: number, t: number): void {
  const stock = model.stocks[s];
  const { size, process } = stock;
  const accumulates = stock.kind === 'accumulate';
  const { stock: stocks, inflow: inflows, outflow: outflows, initialTotal } = workspace.stockSeries[s];
  const { throughput, distributed, slot, stride } = workspace.transfer;
  const { flowValues } = workspace;
  const valueOut = workspace.valueOut[process];
  const demandOut = workspace.demandOut[process];
  const start = t * stride + slot[process];
  for (let k = 0; k < size; k++) {
    const index = t * size + k;
    let fixedOutflow = valueOut[index];
    for (let d = 0; d < demandOut.length; d++) fixedOutflow += flowValues[demandOut[d]][index];
    const inflow = throughput[start + k] - fixedOutflow;
    inflows[index] = inflow;
    if (accumulates) {
      stocks[index] = (t === 0 ? initialTotal[k] : stocks[index - size]) + inflow;
      outflows[index] = 0;
    } else {
      stocks[index] = kernels[k].addCohort(t, inflow);
      outflows[index] = distributed[start + k];
    }
  }
}

/**
 * Share and rest flows of the solved years: share × D of their source (its x where that is its D,
 * TransferState.passesOnInflow). Four years at a time, item
 * by item: a flow's items are few (five in the reference city), and a loop over them per year
 * costs more in loop control than in multiplications.
 */
function setShareFlows(model: CompiledModel, workspace: Workspace, years: number): void {
  const { shareFlows, shares, flowValues } = workspace;
  const { slot, stride, distributed, throughput, passesOnInflow } = workspace.transfer;
  for (let i = 0; i < shareFlows.length; i++) {
    const f = shareFlows[i];
    const { size, from: source } = model.flows[f];
    const share = shares[f]!;
    const values = flowValues[f];
    const sent = passesOnInflow[source] === 1 ? throughput : distributed;
    let t = 0;
    let at = 0;
    let from = slot[source];
    for (; t + 4 <= years; t += 4, at += 4 * size, from += 4 * stride) {
      for (let k = 0; k < size; k++) {
        const a = at + k;
        const d = from + k;
        values[a] = share[a] * sent[d];
        values[a + size] = share[a + size] * sent[d + stride];
        values[a + 2 * size] = share[a + 2 * size] * sent[d + 2 * stride];
        values[a + 3 * size] = share[a + 3 * size] * sent[d + 3 * stride];
      }
    }
    for (; t < years; t++, from += stride) for (let k = 0; k < size; k++, at++) values[at] = share[at] * sent[from + k];
  }
}
