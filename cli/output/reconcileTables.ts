import type { ModelReconciliation } from '../../engine/observations/reconcileModel.js';
import type { ReconcileStatus } from '../../engine/reconcile/index.js';
import { csvLine } from './csv.js';
import { folderWriter } from './folderWriter.js';

/** What the summary says about the run besides the results. */
export interface ReconcileFacts {
  readonly model: string;
  readonly scenario: string | undefined;
  readonly significance: number;
  /** The worst status over the years: inconsistent, then not-converged, then converged. */
  readonly status: ReconcileStatus;
}

/**
 * A reconciliation's tables, tidy (one row per variable and year, per year, per suspect):
 * - reconciled.csv: year, variable, kind (flow, stock-change, observed-sum, share, concentration),
 *   id, item, observation (the one that measures it), role, classification, model (the model's
 *   value), measured, measured_sd, reconciled, reconciled_sd, adjustment, test_statistic (the
 *   normalised adjustment), unit, substance (empty for the goods);
 * - tests.csv: year, status, iterations, chi_square, degrees_of_freedom, p_value, passed, tests,
 *   critical_value, message;
 * - suspects.csv: year, rank, variables (one, or several that no balance tells apart, joined by
 *   ' | '), statistic, critical_value;
 * - covariance.csv (when asked): year, row, column, value for every non-zero entry of the
 *   reconciled covariance, both triangles, variables by name;
 * - summary.json: the facts, and per year the status, message, tests, bound violations and conflicts.
 * Returns the paths written.
 */
export function writeReconcileTables(directory: string, reconciliation: ModelReconciliation, facts: ReconcileFacts, covariance: boolean): string[] {
  const { write, written } = folderWriter(directory);
  const { problems } = reconciliation.system;
  const results = reconciliation.results;

  let table = csvLine(['year', 'variable', 'kind', 'id', 'item', 'observation', 'role', 'classification', 'model', 'measured', 'measured_sd', 'reconciled', 'reconciled_sd', 'adjustment', 'test_statistic', 'unit', 'substance']);
  let tests = csvLine(['year', 'status', 'iterations', 'chi_square', 'degrees_of_freedom', 'p_value', 'passed', 'tests', 'critical_value', 'message']);
  let suspects = csvLine(['year', 'rank', 'variables', 'statistic', 'critical_value']);
  let entries = csvLine(['year', 'row', 'column', 'value']);
  problems.forEach(({ year, variables }, p) => {
    const result = results[p];
    result.variables.forEach((variable, v) => {
      const info = variables[v];
      table += csvLine([
        year, variable.name, info.kind, info.id, info.item, info.observation ?? '', variable.role, variable.classification, info.model,
        variable.measured, variable.measuredSd, variable.value, variable.sd, variable.adjustment, variable.normalizedAdjustment, info.unit, info.substance,
      ]);
    });
    const { globalTest, measurementTest } = result;
    tests += csvLine([year, result.status, result.iterations, globalTest.chiSquare, globalTest.degreesOfFreedom, globalTest.pValue, String(globalTest.passed), measurementTest.tests, measurementTest.criticalValue, result.message]);
    measurementTest.suspects.forEach((suspect, rank) => {
      suspects += csvLine([year, rank + 1, suspect.variables.join(' | '), suspect.statistic, measurementTest.criticalValue]);
    });
    if (!covariance) return;
    const n = result.variables.length;
    for (let row = 0; row < n; row++) {
      for (let column = 0; column < n; column++) {
        const value = result.covariance[row * n + column];
        if (value !== 0 && !Number.isNaN(value)) entries += csvLine([year, result.variables[row].name, result.variables[column].name, value]);
      }
    }
  });
  write('reconciled.csv', table);
  write('tests.csv', tests);
  write('suspects.csv', suspects);
  if (covariance) write('covariance.csv', entries);
  const summary = {
    model: facts.model,
    scenario: facts.scenario ?? null,
    status: facts.status,
    kind: 'reconciliation',
    significance: facts.significance,
    years: problems.map(({ year }, p) => {
      const result = results[p];
      return {
        year,
        status: result.status,
        message: result.message,
        iterations: result.iterations,
        globalTest: result.globalTest,
        measurementTest: result.measurementTest,
        violations: result.violations,
        conflicts: result.conflicts,
      };
    }),
    unusedStockLevels: reconciliation.system.unused,
  };
  write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return written;
}
