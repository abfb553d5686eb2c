import { stringify } from 'yaml';
import { fittedFactors } from '../../engine/calibrate/fittedFactors.js';
import type { ParameterFit } from '../../engine/calibrate/fitParameters.js';
import { seriesItems } from '../../engine/observations/observationFit.js';
import { csvLine } from './csv.js';
import { folderWriter } from './folderWriter.js';

/**
 * A fit's files:
 * - estimates.csv: parameter, name, item, unit, initial, estimate, standard_error, lower_bound, at_bound;
 * - correlation.csv: the estimates' correlation matrix (a row per parameter);
 * - residuals.csv: observation, subject, item, year, observed, sd, model, error (model −
 *   observed), relative_error, standardised_error (error/sd), unit, at the estimate;
 * - series.csv: per observed series, n, mape (%), bias, relative_bias, chi_square;
 * - fitted-factors.yaml: the estimates as sweep factors (see fittedFactors);
 * - summary.json: status, message, the χ² before and after, degrees of freedom, p, the error
 *   scale, runs, estimates, covariance, correlation and the series' fit.
 */
export function writeFitTables(directory: string, fit: ParameterFit, facts: { readonly model: string; readonly scenario: string | undefined }): string[] {
  const { write, written } = folderWriter(directory);
  const labels = fit.estimates.map((estimate) => estimate.label);
  let estimates = csvLine(['parameter', 'name', 'item', 'unit', 'initial', 'estimate', 'standard_error', 'lower_bound', 'at_bound']);
  for (const estimate of fit.estimates) {
    estimates += csvLine([estimate.label, estimate.name, estimate.items.join(', '), estimate.unit, estimate.initial, estimate.estimate, estimate.standardError, estimate.lower, String(estimate.atBound)]);
  }
  write('estimates.csv', estimates);
  let correlation = csvLine(['parameter', ...labels]);
  labels.forEach((label, i) => (correlation += csvLine([label, ...labels.map((_, j) => fit.correlation[i * labels.length + j])])));
  write('correlation.csv', correlation);
  let residuals = csvLine(['observation', 'subject', 'item', 'year', 'observed', 'sd', 'model', 'error', 'relative_error', 'standardised_error', 'unit']);
  let series = csvLine(['observation', 'subject', 'item', 'n', 'mape', 'bias', 'relative_bias', 'chi_square', 'unit']);
  for (const entry of fit.fit) {
    const item = seriesItems(entry);
    for (const point of entry.points) {
      residuals += csvLine([entry.observation, entry.subject, item, point.year, point.observed, point.sd, point.model, point.error, point.relativeError, point.error / point.sd, entry.unit]);
    }
    series += csvLine([entry.observation, entry.subject, item, entry.points.length, entry.mape, entry.bias, entry.relativeBias, entry.chiSquare, entry.unit]);
  }
  write('residuals.csv', residuals);
  write('series.csv', series);
  write('fitted-factors.yaml', fittedFactorsText(fit, facts.model));
  const summary = {
    model: facts.model,
    scenario: facts.scenario ?? null,
    status: fit.status,
    kind: 'fit',
    message: fit.message,
    initialChiSquare: fit.initialChiSquare,
    chiSquare: fit.chiSquare,
    degreesOfFreedom: fit.degreesOfFreedom,
    pValue: fit.pValue,
    errorScale: fit.errorScale,
    covarianceMethod: 'first-order: (JᵀWJ)⁻¹ · max(1, χ²/dof), J by central differences at the estimate, W = diag(1/sd²)',
    runs: fit.runs,
    estimates: fit.estimates.map(({ label, name, items, unit, initial, estimate, standardError, lower, atBound }) => ({ parameter: label, name, items, unit, initial, estimate, standardError, lowerBound: lower, atBound })),
    covariance: [...fit.covariance],
    correlation: [...fit.correlation],
    series: fit.fit.map(({ points, ...rest }) => ({ ...rest, n: points.length })),
  };
  write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return written;
}

/** The `factors:` block of a sweep file, with a header that says where it comes from and what it leaves out. */
export function fittedFactorsText(fit: ParameterFit, model: string): string {
  const header = [
    `# Parameters of ${model} fitted by metabolis fit (${fit.status}); paste under factors: in a sweep file.`,
    '# Each is drawn on its own from a normal with the estimate and its standard error (truncated at 0',
    '# where the parameter may not be negative): the correlation between the estimates is not carried.',
  ];
  return `${header.join('\n')}\n${stringify({ factors: fittedFactors(fit.estimates) })}`;
}
