import type { CompiledModel } from '../compile/compiledModel.js';
import { emissionCatalog, emissionSlots } from '../carbon/emissionCatalog.js';
import { evaluateEmissions } from '../carbon/evaluateEmissions.js';
import { evaluateIndicators } from '../indicators/evaluateIndicators.js';
import { OUTSIDE } from '../definition/types.js';
import type { IssueLog } from './issueLog.js';
import type { BalanceSeries, Solution, StockSeries } from './solution.js';
import { checkMassBalance } from './massBalance.js';
import type { Workspace } from './workspace.js';

/**
 * Turns a run's workspace into a Solution and checks it: mass balance of every process, every
 * year and item; negative and non-finite flows. A run that could not finish (`completed` false)
 * has NaN everywhere, never zeros that could pass for results.
 */
export function assembleSolution(model: CompiledModel, workspace: Workspace, issues: IssueLog, scenario: string | undefined, completed: boolean): Solution {
  const { definition, processes, flows, stocks, years } = model;
  const names = (dims: readonly number[]) => dimensionNames(definition, dims);
  const finished = completed && !issues.has('singular-loop');
  if (!finished) {
    for (const values of workspace.flowValues) values.fill(NaN);
    for (const series of workspace.stockSeries) for (const values of [series.stock, series.inflow, series.outflow]) values.fill(NaN);
    for (const residual of workspace.residuals) residual.fill(NaN);
  } else {
    checkMassBalance(model, workspace, issues);
  }
  const balance: BalanceSeries[] = processes.map((process, p) => ({ process: process.name, dims: names(process.dims), residual: workspace.residuals[p] }));

  const endpoint = (p: number) => (p < 0 ? OUTSIDE : processes[p].name);
  const stockResults: StockSeries[] = stocks.map((stock, s) => {
    const series = workspace.stockSeries[s];
    const byCohort = workspace.cohortStocks?.[s];
    return {
      name: stock.name,
      process: processes[stock.process].name,
      kind: stock.kind,
      survival: stock.lifetime ? stock.survival : undefined,
      dims: names(stock.dims),
      stock: series.stock,
      inflow: series.inflow,
      outflow: series.outflow,
      waste: stock.waste,
      correctedYears: correctedYears(years, series.corrected),
      byCohort,
      cohortYears: byCohort ? [...stock.initialCohorts, ...years] : undefined,
    };
  });

  // Emissions of a run that could not finish would be computed from NaN flows: leave them out.
  const emissions = model.emissions && finished ? evaluateEmissions(model, model.emissions, workspace, issues) : undefined;
  const derived = emissions ? emissionCatalog(emissions, emissionSlots(model.emissions!), (dims) => [...names(dims)], definition.massUnit, years.length) : [];
  if (finished) derived.push(...evaluateIndicators(model, model.indicators, workspace, derived));
  for (const series of derived) {
    const bad = series.values.findIndex((value) => !Number.isFinite(value));
    if (series.kind === 'indicator' && bad >= 0) {
      const year = years[Math.floor(bad / (series.values.length / years.length))];
      issues.add({ status: 'non-finite', message: `indicator ${series.id} is ${series.values[bad]} in ${year}`, year });
    }
  }
  const firstIssue = issues.issues[0];
  return {
    status: firstIssue ? firstIssue.status : 'success',
    issues: issues.issues,
    model: definition.name,
    scenario,
    survival: definition.survival,
    unit: definition.massUnit,
    years: [...years],
    dimensions: definition.dimensions,
    flows: flows.map((flow, f) => ({ id: flow.id, from: endpoint(flow.from), to: endpoint(flow.to), dims: names(flow.dims), waste: definition.flows[f].waste, values: workspace.flowValues[f] })),
    stocks: stockResults,
    balance,
    emissions,
    derived,
  };
}

/**
 * The names of a quantity's dimensions, made once per dims array of the compiled model: every
 * solution of the model shares them (read-only, like `dimensions`), instead of fifty new arrays a run.
 */
const namesOfDims = new WeakMap<readonly number[], readonly string[]>();

function dimensionNames(definition: CompiledModel['definition'], dims: readonly number[]): readonly string[] {
  let names = namesOfDims.get(dims);
  if (!names) namesOfDims.set(dims, (names = dims.map((d) => definition.dimensions[d].name)));
  return names;
}

function correctedYears(years: Float64Array, corrected: Uint8Array): number[] {
  const found: number[] = [];
  for (let t = 0; t < years.length; t++) if (corrected[t] === 1) found.push(years[t]);
  return found;
}
