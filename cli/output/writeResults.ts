import type { SeriesPeak } from '../../engine/analysis/solutionPeaks.js';
import type { TargetResult } from '../../engine/analysis/targets.js';
import type { TidyTable } from '../../engine/analysis/tidyTable.js';
import type { ModelDefinition } from '../../engine/definition/types.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { ObservedSeriesFit } from '../../engine/observations/observationFit.js';
import { wasteGenerationSeries, type FlowLook } from '../../viz/adapters/index.js';
import { explainStatus } from '../../engine/analysis/statusReport.js';
import { cohortCsv } from './cohortTable.js';
import { emissionCsv, emissionRows, emissionSummary } from './emissionTable.js';
import { csvLine } from './csv.js';
import { folderWriter } from './folderWriter.js';

export type ResultFormat = 'csv' | 'json';

/**
 * Writes a run's results into `directory`: the tidy table (results.csv or results.json), the
 * peaks (peaks.csv or peaks.json, with the years of near ties within `peakTolerance`),
 * summary.json (status with what went wrong and what to do, the years where negative-inflow
 * correction acted, issues, conventions, waste peaks, the streams that make up the waste
 * generated, the parameters taken from factor libraries with their sources, and the model's flow and indicator labels, so that `metabolis plot` can draw the folder as it draws
 * the model, and the run's fit to the model's observations) and, for a run that kept them, the stocks by cohort (cohorts.csv).
 * Returns the paths written.
 */
export function writeResults(
  directory: string,
  format: ResultFormat,
  solution: Solution,
  table: TidyTable,
  peaks: readonly SeriesPeak[],
  peakTolerance: number,
  model: { readonly flows: readonly FlowLook[]; readonly factorSources: ModelDefinition['factorSources']; readonly indicators?: ModelDefinition['indicators'] } = { flows: [], factorSources: [] },
  targets: readonly TargetResult[] = [],
  observations: readonly ObservedSeriesFit[] = [],
): string[] {
  const { write, written } = folderWriter(directory);
  const dimensionNames = table.dimensionNames;
  const flowUnit = `${solution.unit}/yr`;
  const peakRows = peaks.map((entry) => ({
    kind: entry.kind,
    id: entry.id,
    item: entry.item.join('/'),
    waste: entry.waste,
    status: entry.peak.status,
    year: 'year' in entry.peak ? entry.peak.year : null,
    value: 'value' in entry.peak ? entry.peak.value : null,
    nearTies: entry.peak.status === 'peak' ? entry.peak.nearTies : [],
    unit: entry.kind === 'stock' ? solution.unit : (solution.derived.find((series) => series.kind === entry.kind && series.id === entry.id)?.unit ?? flowUnit),
  }));

  if (format === 'csv') {
    let text = csvLine(['year', 'kind', 'id', ...dimensionNames, 'value', 'unit']);
    for (let row = 0; row < table.year.length; row++) {
      text += csvLine([table.year[row], table.kind[row], table.id[row], ...table.items.map((column) => column[row]), table.value[row], table.unit[row]]);
    }
    write('results.csv', text);
    let peaksText = csvLine(['kind', 'id', 'item', 'waste', 'status', 'year', 'value', 'unit', 'near_tie_years']);
    for (const row of peakRows) {
      peaksText += csvLine([row.kind, row.id, row.item, String(row.waste), row.status, row.year ?? '', row.value ?? '', row.unit, row.nearTies.map((tie) => tie.year).join(' ')]);
    }
    write('peaks.csv', peaksText);
    if (solution.emissions) write('emissions.csv', emissionCsv(solution));
  } else {
    const rows = table.year.map((year, row) => ({
      year,
      kind: table.kind[row],
      id: table.id[row],
      ...Object.fromEntries(dimensionNames.map((name, d) => [name, table.items[d][row]])),
      value: table.value[row],
      unit: table.unit[row],
    }));
    write('results.json', `${JSON.stringify(rows)}\n`);
    write('peaks.json', `${JSON.stringify(peakRows, null, 1)}\n`);
    if (solution.emissions) write('emissions.json', `${JSON.stringify(emissionRows(solution))}\n`);
  }
  const summary = {
    model: solution.model,
    scenario: solution.scenario ?? null,
    status: solution.status,
    issues: solution.issues,
    explanations: explainStatus(solution),
    negativeInflowCorrections: solution.stocks.filter((stock) => stock.correctedYears.length > 0).map((stock) => ({ stock: stock.name, years: stock.correctedYears })),
    survival: solution.survival,
    stockSurvival: Object.fromEntries(solution.stocks.filter((stock) => stock.survival !== undefined).map((stock) => [stock.name, stock.survival])),
    peakTolerance,
    unit: solution.unit,
    years: { start: solution.years[0], end: solution.years[solution.years.length - 1] },
    wastePeaks: peakRows.filter((row) => row.waste && row.item === ''),
    emissions: emissionSummary(solution),
    targets,
    emissionPeaks: peakRows.filter((row) => (row.kind === 'emission' || row.kind === 'net-emission') && row.item === ''),
    wasteGeneration: wasteGenerationSeries(solution).map(({ kind, id }) => ({ kind, id })),
    flowLabels: Object.fromEntries(model.flows.flatMap(({ id, label }) => (label === undefined ? [] : [[id, label]]))),
    indicatorLabels: Object.fromEntries((model.indicators ?? []).flatMap(({ name, label }) => (label === undefined ? [] : [[name, label]]))),
    factorSources: model.factorSources,
    // How the run reproduces the model's observations, per series and year (error = model − observed).
    observations,
  };
  write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  const cohorts = cohortCsv(solution);
  if (cohorts !== undefined) write('cohorts.csv', cohorts);
  return written;
}
