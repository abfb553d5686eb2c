import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CarbonSavings } from '../../engine/analysis/carbonSavings.js';
import type { SeriesPeak } from '../../engine/analysis/solutionPeaks.js';
import type { TargetResult } from '../../engine/analysis/targets.js';
import { tidyTable } from '../../engine/analysis/tidyTable.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { csvLine } from './csv.js';

/** One scenario's run with what the comparison reports of it. */
export interface ComparedRun {
  readonly solution: Solution;
  readonly peaks: readonly SeriesPeak[];
  readonly targets: readonly TargetResult[];
}

/**
 * The tables of `metabolis compare`, each with a `scenario` column: results.csv (every series of
 * every scenario, as `run` writes it), peaks.csv, targets.csv and, for a model with emissions,
 * savings.csv (each scenario against the baseline, per route and year, with its scale, mix and
 * intensity effects). Returns the paths written.
 */
export function writeCompareTables(folder: string, runs: readonly ComparedRun[], savings: readonly CarbonSavings[]): string[] {
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    written.push(path);
  };
  const dimensionNames = runs[0].solution.dimensions.map((dimension) => dimension.name);
  let results = csvLine(['scenario', 'year', 'kind', 'id', ...dimensionNames, 'value', 'unit']);
  for (const { solution } of runs) {
    const table = tidyTable(solution);
    const scenario = solution.scenario ?? '';
    for (let row = 0; row < table.year.length; row++) {
      results += csvLine([scenario, table.year[row], table.kind[row], table.id[row], ...table.items.map((column) => column[row]), table.value[row], table.unit[row]]);
    }
  }
  write('results.csv', results);
  let peaks = csvLine(['scenario', 'kind', 'id', 'item', 'waste', 'status', 'year', 'value']);
  for (const { solution, peaks: entries } of runs) {
    for (const entry of entries) {
      const { peak } = entry;
      peaks += csvLine([solution.scenario ?? '', entry.kind, entry.id, entry.item.join('/'), String(entry.waste), peak.status, 'year' in peak ? peak.year : '', 'value' in peak ? peak.value : '']);
    }
  }
  write('peaks.csv', peaks);
  if (runs.some((entry) => entry.targets.length > 0)) {
    let targets = csvLine(['scenario', 'target', 'indicator', 'year', 'comparison', 'threshold', 'value', 'met', 'margin', 'first_year_met', 'binding']);
    for (const { solution, targets: results } of runs) {
      for (const target of results) {
        targets += csvLine([solution.scenario ?? '', target.name, target.indicator, target.year, target.comparison, target.threshold, target.value, String(target.met), target.margin, target.firstYearMet ?? '', String(target.binding)]);
      }
    }
    write('targets.csv', targets);
  }
  if (savings.length > 0) {
    let text = csvLine(['scenario', 'baseline', 'year', 'route', 'kind', 'saving', 'scale', 'mix', 'intensity', 'unit']);
    for (const entry of savings) {
      for (const route of entry.routes) {
        entry.years.forEach((year, t) => {
          text += csvLine([entry.scenario, entry.baseline, year, route.route, route.kind, route.saving[t], route.scale[t], route.mix[t], route.intensity[t], entry.unit]);
        });
      }
    }
    write('savings.csv', text);
  }
  return written;
}
