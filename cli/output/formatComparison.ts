import type { CarbonSavings } from '../../engine/analysis/carbonSavings.js';
import { co2eTotals } from '../../engine/carbon/emissionSeries.js';
import { wasteGenerationSeries } from '../../viz/adapters/index.js';
import type { ComparedRun } from './compareFiles.js';
import { describePeak } from './formatSummary.js';

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/**
 * The comparison a planner reads: which scenarios are the same, each scenario's status, when its
 * waste generated peaks, how it does against each target, its net emissions, and what it saves
 * against the baseline by route effect.
 */
export function formatComparison(model: string, runs: readonly ComparedRun[], baseline: string | undefined, identical: readonly string[][], savings: readonly CarbonSavings[]): string {
  const name = (entry: ComparedRun) => entry.solution.scenario ?? 'base model';
  const { years } = runs[0].solution;
  const lines = [`${model}: ${runs.map(name).join(', ')} compared, ${years[0]}–${years[years.length - 1]} (baseline ${baseline ?? 'base model'})`];
  for (const group of identical) lines.push(`  identical in every series and year: ${group.join(' and ')} (their lines coincide)`);
  for (const entry of runs) {
    if (entry.solution.status !== 'success') lines.push(`  ${name(entry)}: status ${entry.solution.status} — NOT A VALID SOLUTION (${entry.solution.issues[0]?.message ?? ''}); metabolis run -s ${name(entry)} says what to do`);
  }
  const valid = runs.filter((entry) => entry.solution.status === 'success');
  if (valid.length === 0) return lines.join('\n');

  lines.push('', `waste generated (${runs[0].solution.unit}/yr):`);
  for (const entry of valid) {
    const parts = wasteGenerationSeries(entry.solution);
    const total = new Float64Array(years.length);
    for (const part of parts) {
      const size = part.values.length / years.length;
      for (let t = 0; t < years.length; t++) for (let k = 0; k < size; k++) total[t] += part.values[t * size + k];
    }
    const peak = entry.peaks.find((candidate) => candidate.waste && candidate.item.length === 0);
    lines.push(`  ${name(entry)}: ${number.format(total[0])} in ${years[0]}, ${number.format(total[years.length - 1])} in ${years[years.length - 1]}${peak && parts.length === 1 ? `; ${describePeak(peak.peak)}` : ''}`);
  }

  const targets = valid[0].targets;
  if (targets.length > 0) {
    lines.push('', 'targets (the indicator in the target year; met or MISSED; the binding one marked *):');
    for (const target of targets) {
      const cells = valid.map((entry) => {
        const result = entry.targets.find((candidate) => candidate.name === target.name)!;
        return `${name(entry)} ${number.format(result.value)} ${result.met ? 'met' : 'MISSED'}${result.binding ? '*' : ''}`;
      });
      lines.push(`  ${target.name} (${target.comparison === 'at-least' ? '≥' : '≤'} ${number.format(target.threshold)} in ${target.year}): ${cells.join('; ')}`);
    }
  }

  if (valid[0].solution.emissions) {
    lines.push('', `net emissions ${years[0]}–${years[years.length - 1]} (${runs[0].solution.unit} CO2e, GWP100 ${valid[0].solution.emissions.gwp.name}):`);
    for (const entry of valid) {
      const { net } = co2eTotals(entry.solution.emissions!, years.length);
      lines.push(`  ${name(entry)}: ${number.format(net.reduce((sum, value) => sum + value, 0))}`);
    }
    for (const saving of savings) {
      const effect = (key: 'scale' | 'mix' | 'intensity') => number.format(saving.routes.reduce((sum, route) => sum + route[key].reduce((a, b) => a + b, 0), 0));
      lines.push(`  ${saving.scenario} saves ${number.format(saving.cumulative)} against ${saving.baseline}: less waste generated ${effect('scale')}, moved between routes ${effect('mix')}, less per tonne ${effect('intensity')} (savings.csv by route and year)`);
    }
  }
  return lines.join('\n');
}
