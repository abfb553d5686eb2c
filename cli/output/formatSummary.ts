import type { Peak } from '../../engine/analysis/peaks.js';
import { explainStatus } from '../../engine/analysis/statusReport.js';
import { co2eTotals } from '../../engine/carbon/emissionSeries.js';
import { yearRanges } from '../../engine/analysis/yearRanges.js';
import type { SeriesPeak } from '../../engine/analysis/solutionPeaks.js';
import type { TargetResult } from '../../engine/analysis/targets.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { ObservedSeriesFit } from '../../engine/observations/observationFit.js';
import { seriesFitLine } from './formatFit.js';

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/**
 * The few lines a researcher reads after a run: the status first (what went wrong, how much and
 * what to do, when it is not success), the years where negative-inflow correction acted, then
 * when each waste stream peaks. A failed run lists no peaks: its series are no solution.
 */
export function formatSummary(solution: Solution, peaks: readonly SeriesPeak[], targets: readonly TargetResult[] = [], observations: readonly ObservedSeriesFit[] = []): string {
  const first = solution.years[0];
  const last = solution.years[solution.years.length - 1];
  const lines = [`${solution.model}${solution.scenario ? ` — scenario ${solution.scenario}` : ''}, ${first}–${last} (survival: ${conventions(solution)})`];
  if (solution.status !== 'success') {
    lines.push(`status: ${solution.status} — NOT A VALID SOLUTION: the tables are written for inspection, no figures, no peaks`);
    for (const explanation of explainStatus(solution)) {
      lines.push(`  ${explanation.status}:`, ...explanation.findings.map((finding) => `    ${finding}`), `    hint: ${explanation.hint}`);
    }
    return lines.join('\n');
  }
  lines.push('status: success');
  for (const stock of solution.stocks) {
    if (stock.correctedYears.length === 0) continue;
    lines.push(`  negative-inflow correction: stock ${stock.name} retired older cohorts pro rata in ${yearRanges(stock.correctedYears)} (its target fell faster than its cohorts left)`);
  }
  lines.push(...emissionLines(solution, peaks));
  lines.push(...targetLines(targets));
  if (observations.length > 0) lines.push('', 'fit to the observations (error = model − observed):', ...observations.map((series) => `  ${seriesFitLine(series)}`));
  const waste = peaks.filter((entry) => entry.waste && entry.item.length === 0);
  if (waste.length > 0) {
    lines.push('', `waste peaks (total over items, ${solution.unit}/yr):`);
    const label = (entry: SeriesPeak) => (entry.kind === 'stock-outflow' ? `outflow of stock ${entry.id}` : `flow ${entry.id}`);
    const width = Math.max(...waste.map((entry) => label(entry).length));
    for (const entry of waste) {
      const when = describePeak(entry.peak);
      lines.push(`  ${label(entry).padEnd(width)}  ${when}`);
    }
  }
  return lines.join('\n');
}

/** Direct, credits and net CO2e over the horizon, with the GWP set, and when net emissions peak. */
function emissionLines(solution: Solution, peaks: readonly SeriesPeak[]): string[] {
  const emissions = solution.emissions;
  if (emissions === undefined) return [];
  const first = solution.years[0];
  const last = solution.years[solution.years.length - 1];
  const { direct, credits, net } = co2eTotals(emissions, solution.years.length);
  const sum = (values: Float64Array) => number.format(values.reduce((total, value) => total + value, 0));
  const netPeak = peaks.find((entry) => entry.kind === 'net-emission' && entry.item.length === 0);
  return [
    '',
    `emissions ${first}–${last} (${solution.unit} CO2e, GWP100 ${emissions.gwp.name}; biogenic CO2 not counted): direct ${sum(direct)}, credits ${sum(credits)}, net ${sum(net)}`,
    ...(netPeak ? [`  net emissions: ${describePeak(netPeak.peak)}`] : []),
  ];
}

/** Each target: met or missed, by how much, when it is first met, and which one binds. */
export function targetLines(targets: readonly TargetResult[]): string[] {
  if (targets.length === 0) return [];
  const width = Math.max(...targets.map((target) => target.name.length));
  return [
    '',
    'targets:',
    ...targets.map((target) => {
      const sign = target.comparison === 'at-least' ? '≥' : '≤';
      const outcome = Number.isNaN(target.value) ? 'undefined' : `${target.met ? 'met' : 'MISSED'} by ${number.format(Math.abs(target.margin))}`;
      const first = target.firstYearMet === undefined ? 'never met' : `first met ${target.firstYearMet}`;
      return `  ${target.name.padEnd(width)}  ${target.indicator} ${sign} ${number.format(target.threshold)} in ${target.year}: ${number.format(target.value)}, ${outcome} (${first})${target.binding ? '  <- binds' : ''}`;
    }),
  ];
}

/** The model's survival convention, and any stock's own in brackets. */
function conventions(solution: Solution): string {
  const own = solution.stocks.filter((stock) => stock.survival !== undefined && stock.survival !== solution.survival);
  return own.length === 0 ? solution.survival : `${solution.survival}; ${own.map((stock) => `${stock.name}: ${stock.survival}`).join(', ')}`;
}

/** One peak in words, saying plainly when the horizon cuts it off at either end. */
export function describePeak(peak: Peak): string {
  switch (peak.status) {
    case 'peak': {
      const ties = peak.nearTies.map((tie) => `${tie.year} at ${number.format(tie.value)}${tie.censored ? ', still climbing at the edge of the horizon' : ''}`);
      return `peaks in ${peak.year} at ${number.format(peak.value)}${ties.length > 0 ? ` (near tie: ${ties.join('; ')})` : ''}`;
    }
    case 'rising':
      return `no peak within the horizon (still rising: ${number.format(peak.value)} in ${peak.year})`;
    case 'falling':
      return `no peak within the horizon (highest in the first year: ${number.format(peak.value)} in ${peak.year}; the peak, if any, was then or before)`;
    case 'flat':
      return `no peak (the same every year: ${number.format(peak.value)})`;
    case 'zero':
      return 'zero throughout';
    case 'undefined':
      return 'undefined (the run failed)';
  }
}
