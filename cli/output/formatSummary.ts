import type { Peak } from '../../engine/analysis/peaks.js';
import type { SeriesPeak } from '../../engine/analysis/solutionPeaks.js';
import type { Solution } from '../../engine/simulate/solution.js';

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** The few lines a researcher reads after a run: status, and when each waste stream peaks. */
export function formatSummary(solution: Solution, peaks: readonly SeriesPeak[]): string {
  const first = solution.years[0];
  const last = solution.years[solution.years.length - 1];
  const lines = [`${solution.model}${solution.scenario ? ` — scenario ${solution.scenario}` : ''}, ${first}–${last} (survival: ${solution.survival})`];
  lines.push(`status: ${solution.status}`);
  for (const issue of solution.issues) lines.push(`  ${issue.status}: ${issue.message}`);
  const waste = peaks.filter((entry) => entry.waste && entry.item.length === 0);
  if (waste.length > 0) {
    lines.push('', `waste peaks (total over items, ${solution.unit}/yr):`);
    const label = (entry: SeriesPeak) => (entry.kind === 'stock-outflow' ? `outflow of stock ${entry.id}` : `flow ${entry.id}`);
    const width = Math.max(...waste.map((entry) => label(entry).length));
    for (const entry of waste) {
      const when = describePeak(entry.peak, solution.years[0]);
      lines.push(`  ${label(entry).padEnd(width)}  ${when}`);
    }
  }
  return lines.join('\n');
}

/** One peak in words, saying plainly when the horizon cuts it off at either end. */
export function describePeak(peak: Peak, firstYear: number): string {
  switch (peak.status) {
    case 'peak': {
      const ties = peak.nearTies.map((tie) => `${tie.year} at ${number.format(tie.value)}${tie.censored ? ', still climbing at the edge of the horizon' : ''}`);
      return `peaks in ${peak.year} at ${number.format(peak.value)}${ties.length > 0 ? ` (near tie: ${ties.join('; ')})` : ''}`;
    }
    case 'rising':
      return `no peak within the horizon (still rising: ${number.format(peak.value)} in ${peak.year})`;
    case 'falling':
      return `no peak within the horizon (highest in the first year, ${number.format(peak.value)} in ${peak.year}, falling after it: the peak, if any, was in or before ${firstYear})`;
    case 'flat':
      return `no peak (the same every year: ${number.format(peak.value)})`;
    case 'zero':
      return 'zero throughout';
    case 'undefined':
      return 'undefined (the run failed)';
  }
}
