import { yearRanges } from '../../engine/analysis/yearRanges.js';
import { textColumns } from './textColumns.js';
import type { BalanceVariable } from '../../engine/observations/balanceProblems.js';
import type { ModelReconciliation } from '../../engine/observations/reconcileModel.js';
import type { VariableClass } from '../../engine/reconcile/index.js';

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
/** Lines of unobservable or non-redundant variables shown before "… and n more". */
const LISTED = 20;

/**
 * What a researcher reads after `metabolis reconcile`: per year its status and global test and
 * its suspects; then what the data do not determine (unobservable unknowns) and what no balance
 * checks (non-redundant measurements), each with the years; then each substance's flows and
 * concentrations in the last year that converged; then any year that did not converge or is
 * inconsistent, with its message.
 */
export function formatReconciliation(title: string, reconciliation: ModelReconciliation, significance: number): string {
  const { problems } = reconciliation.system;
  const results = reconciliation.results;
  const years = problems.map((problem) => problem.year);
  const lines = [`${title}: reconciliation of ${years.length} year${years.length === 1 ? '' : 's'} (${yearRanges(years)}), significance ${significance}`];
  const rows = problems.map(({ year }, p) => {
    const { status, globalTest, measurementTest } = results[p];
    const test = status !== 'converged' ? '' : globalTest.degreesOfFreedom === 0 ? 'nothing to test' : globalTest.passed ? 'passed' : 'FAILED';
    const suspects = measurementTest.suspects.map((suspect) => `${suspect.variables.length > 1 ? `one of ${suspect.variables.join(', ')}` : suspect.variables[0]} (${number.format(suspect.statistic)})`);
    return [String(year), status, number.format(globalTest.chiSquare), String(globalTest.degreesOfFreedom), number.format(globalTest.pValue), test, suspects.join('; ') || '—'];
  });
  lines.push('', ...textColumns(['year', 'status', 'χ²', 'dof', 'p', 'global test', 'suspected gross errors (|normalised adjustment| above the Šidák critical value, see tests.csv)'], rows));
  lines.push(...classified(reconciliation, 'unobservable', 'not determined by the data (unobservable; value and sd NaN)'));
  lines.push(...classified(reconciliation, 'non-redundant', 'measured, but no balance checks them (non-redundant; kept as measured)'));
  const violations = problems.flatMap(({ year }, p) => results[p].violations.map((violation) => `  ${year}: ${violation.variable} = ${number.format(violation.value)}, ${violation.bound === 'lower' ? 'below' : 'above'} ${violation.limit}`));
  if (violations.length > 0) lines.push('', 'bounds not met (reported, not enforced: the data and balances ask for these values):', ...violations);
  const unused = reconciliation.system.unused;
  if (unused.length > 0) {
    lines.push('', 'stock levels without a level the year before (no change follows from them; not reconciled):');
    const byObservation = new Map<string, number[]>();
    for (const entry of unused) byObservation.set(entry.observation, [...(byObservation.get(entry.observation) ?? []), entry.year]);
    for (const [name, entryYears] of byObservation) lines.push(`  ${name}: ${yearRanges([...new Set(entryYears)])}`);
  }
  lines.push(...substanceTables(reconciliation));
  const failed = problems.flatMap(({ year }, p) => (results[p].status === 'converged' ? [] : [`  ${year} ${results[p].status}: ${results[p].message}`]));
  if (failed.length > 0) lines.push('', 'NOT A VALID RECONCILIATION in:', ...failed);
  return lines.join('\n');
}

/** The variables of one class, with the years they are in it, one line per flow, stock or observation. */
function classified(reconciliation: ModelReconciliation, classification: VariableClass, heading: string): string[] {
  const found = new Map<string, { items: Set<string>; years: Set<number> }>();
  reconciliation.system.problems.forEach(({ year, variables }, p) => {
    reconciliation.results[p].variables.forEach((variable, v) => {
      if (variable.classification !== classification) return;
      const info = variables[v];
      const key = `${variableKind(info, variable.name)} ${info.id}`;
      const entry = found.get(key) ?? { items: new Set<string>(), years: new Set<number>() };
      if (info.item !== '') entry.items.add(info.item);
      entry.years.add(year);
      found.set(key, entry);
    });
  });
  if (found.size === 0) return [];
  const lines = [...found].map(([key, { items, years }]) => `  ${key}${items.size > 0 ? ` [${[...items].join('; ')}]` : ''} (${yearRanges([...years].sort((a, b) => a - b))})`);
  const shown = lines.length > LISTED ? [...lines.slice(0, LISTED), `  … and ${lines.length - LISTED} more (all in reconciled.csv)`] : lines;
  return ['', `${heading}:`, ...shown];
}

/**
 * `flow`, `change of stock`, `cadmium in flow`, `concentration of cadmium in flow`, or
 * `observation` for a variable of an observation's own (balanceProblems names those `observation …`).
 */
function variableKind(info: BalanceVariable, name: string): string {
  const of = info.substance === '' ? '' : `${info.substance} in `;
  if (info.kind === 'flow') return `${of}flow`;
  if (info.kind === 'stock-change') return `change of ${of}stock`;
  if (info.kind === 'concentration' && !name.startsWith('observation ')) return `concentration of ${of}flow`;
  return 'observation';
}

/**
 * Per substance, in the last year that converged with it observed: each flow's reconciled
 * concentration (mg/kg, the mass fraction · 10⁶) and substance flow, then the substance in each
 * stock's change, value ± sd, or `not determined`.
 */
function substanceTables(reconciliation: ModelReconciliation): string[] {
  const { problems } = reconciliation.system;
  const converged = problems.filter((_, p) => reconciliation.results[p].status === 'converged');
  const names = [...new Set(converged.flatMap((problem) => problem.substances.map((layer) => layer.substance)))];
  return names.flatMap((substance) => {
    const problem = converged.findLast((candidate) => candidate.substances.some((layer) => layer.substance === substance))!;
    const layer = problem.substances.find((candidate) => candidate.substance === substance)!;
    const { variables } = reconciliation.results[problems.indexOf(problem)];
    const shown = (v: number, scale: number) => (Number.isNaN(variables[v].value) ? 'not determined' : `${number.format(variables[v].value * scale)} ± ${number.format(variables[v].sd * scale)}`);
    const rows = layer.flowVariables.flatMap((items, f) =>
      [...items].map((s, k) => {
        const { id, item } = problem.variables[s];
        return [item === '' ? id : `${id}[${item}]`, shown(layer.concentrationVariables[f][k], 1e6), shown(s, 1)];
      }),
    );
    const changes = layer.stockVariables.flatMap((items) =>
      [...items].map((v) => {
        const { id, item } = problem.variables[v];
        return [`Δ ${item === '' ? id : `${id}[${item}]`}`, '', shown(v, 1)];
      }),
    );
    rows.push(...changes);
    const unit = problem.variables[layer.flowVariables[0][0]].unit;
    return ['', `${substance} in ${problem.year} (reconciled; every year in reconciled.csv):`, ...textColumns(['flow', 'concentration (mg/kg)', `${substance} (${unit})`], rows)];
  });
}
