import type { CompiledModel } from '../../engine/compile/compiledModel.js';
import { OUTSIDE } from '../../engine/definition/types.js';
import { OptionsError } from '../../engine/errors.js';
import type { ModelReconciliation } from '../../engine/observations/reconcileModel.js';
import type { ReconcileResult } from '../../engine/reconcile/index.js';
import { formatNumber } from '../figure/quantity.js';
import type { SankeyFlow, SankeyInput, SankeyStock } from '../sankey/input.js';
import { displayName, flowNamer, type FlowLook } from './displayName.js';
import type { ProcessLook } from './solutionSankey.js';

export interface ReconciledSankeyOptions {
  /** A year the reconciliation covers. */
  readonly year: number;
  readonly processes?: readonly ProcessLook[];
  readonly flows?: readonly FlowLook[];
  /** Default: `<model name>, reconciled`. */
  readonly title?: string;
}

/** Names listed in a note before "and n more". */
const LISTED = 6;

/**
 * A converged reconciliation of one year as a Sankey diagram: each flow at its reconciled total
 * (over items) with its standard deviation, √(1ᵀ·Cov·1) over the flow's items, and each stock's
 * reconciled change. What the data do not determine (an unobservable item) is not drawn and is
 * named in a note; the processes it touches then show, in red, the mass it carries. Negative
 * reconciled flows (a bound the kernel reports, not enforces) are left out and named too.
 */
export function reconciledSankeyInput(model: CompiledModel, reconciliation: ModelReconciliation, options: ReconciledSankeyOptions): SankeyInput {
  const index = reconciliation.system.problems.findIndex((problem) => problem.year === options.year);
  if (index < 0) throw new OptionsError('year', `must be a reconciled year (got ${options.year}; reconciled: ${reconciliation.system.problems.map((problem) => problem.year).join(', ')})`);
  const result = reconciliation.results[index];
  if (result.status !== 'converged') throw new OptionsError('year', `must be a year whose reconciliation converged (${options.year}: ${result.status})`);
  const { definition } = model;
  const flowName = flowNamer(options.flows);
  const undetermined: string[] = [];
  const negative: string[] = [];

  const flows: SankeyFlow[] = model.flows.flatMap((flow, f): SankeyFlow[] => {
    const { value, sd } = reconciledTotal(result, reconciliation.system.flowVariables[f]);
    if (Number.isNaN(value) || Number.isNaN(sd)) {
      undetermined.push(flow.id);
      return [];
    }
    if (value < 0) {
      negative.push(flow.id);
      return [];
    }
    const from = flow.from < 0 ? OUTSIDE : model.processes[flow.from].name;
    const to = flow.to < 0 ? OUTSIDE : model.processes[flow.to].name;
    return [{ from, to, value, sd, ...(flow.from < 0 || flow.to < 0 ? { label: flowName(flow.id) } : {}) }];
  });
  const stocks: SankeyStock[] = model.stocks.flatMap((stock, s): SankeyStock[] => {
    const { value, sd } = reconciledTotal(result, reconciliation.system.stockVariables[s]);
    if (Number.isNaN(value) || Number.isNaN(sd)) {
      undetermined.push(`change of ${stock.name}`);
      return [];
    }
    return [{ process: model.processes[stock.process].name, name: displayName(stock.name), change: value, changeSd: sd }];
  });

  const { chiSquare, degreesOfFreedom, pValue, passed, significance } = result.globalTest;
  const notes = [
    degreesOfFreedom > 0
      ? `Global test: χ² = ${formatNumber(chiSquare)} on ${degreesOfFreedom} degree${degreesOfFreedom === 1 ? '' : 's'} of freedom, p = ${formatNumber(pValue, 3)}: ${passed ? 'passed' : 'FAILED'} at ${significance}.`
      : 'No balance checks the measurements against each other: nothing to test.',
  ];
  if (undetermined.length > 0) notes.push(`Not determined by the data, not drawn: ${listed(undetermined)}; the processes they touch are out of balance in the figure by what they carry.`);
  if (negative.length > 0) notes.push(`Negative after reconciliation, not drawn: ${listed(negative)}.`);
  const looks = new Map((options.processes ?? []).map((process) => [process.name, process]));
  return {
    title: options.title ?? `${definition.name}, reconciled`,
    unit: definition.massUnit,
    period: { year: options.year },
    processes: model.processes.map((process) => {
      const look = looks.get(process.name);
      return { name: process.name, label: look?.label ?? displayName(process.name), ...(look?.stage === undefined ? {} : { stage: look.stage }) };
    }),
    flows,
    stocks,
    notes,
  };
}

/** Σ of the variables' reconciled values and √ of the sum of their covariances (NaN if any is undetermined). */
export function reconciledTotal(result: ReconcileResult, variables: Int32Array): { value: number; sd: number } {
  const n = result.variables.length;
  let value = 0;
  let variance = 0;
  for (const a of variables) {
    value += result.variables[a].value;
    for (const b of variables) variance += result.covariance[a * n + b];
  }
  return { value, sd: Math.sqrt(Math.max(variance, 0)) };
}

function listed(names: readonly string[]): string {
  return names.length <= LISTED ? names.join(', ') : `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`;
}
