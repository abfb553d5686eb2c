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
      const peak = entry.peak;
      const when =
        peak.status === 'peak'
          ? `peaks in ${peak.year} at ${number.format(peak.value)}`
          : peak.status === 'rising'
            ? `no peak within the horizon (still rising: ${number.format(peak.value)} in ${peak.year})`
            : peak.status === 'zero'
              ? 'zero throughout'
              : 'undefined (the run failed)';
      lines.push(`  ${label(entry).padEnd(width)}  ${when}`);
    }
  }
  return lines.join('\n');
}
