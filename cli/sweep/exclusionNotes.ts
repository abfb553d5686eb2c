import { formatFailureCounts, totalFailures, type FailureCounts } from '../../engine/sweep/failureCounts.js';
import type { BlockExclusion, ColumnIndices } from './sensitivity.js';
import type { SummaryRow } from './summaryFile.js';

/**
 * The sentences that say what a result leaves out and why, the same on the console and under
 * every figure of a sweep.
 */

/** "4 of 80 runs did not succeed (invalid-shares 3, error 1) and are left out" */
export function failedRunsNote(failures: FailureCounts, runs: number): string[] {
  const failed = totalFailures(failures);
  return failed === 0 ? [] : [`${failed} of ${runs} runs did not succeed (${formatFailureCounts(failures)}) and are left out`];
}

/** "left out: 1 of 8 Saltelli blocks (10 runs), each with a run that did not succeed (error 1): …" */
export function blockExclusionNote(excluded: BlockExclusion): string[] {
  const { block, blocks, dropped, runsPerBlock, failures } = excluded;
  if (dropped === 0) return [];
  const counts = failures.map((group) => `${group.status} ${group.count}`).join(', ');
  const plural = block === 'trajectory' ? 'trajectories' : `${block}s`;
  return [`left out: ${dropped} of ${blocks} ${plural} (${dropped * runsPerBlock} runs), each with a run that did not succeed (${counts}): the estimators need every run of a ${block}`];
}

/** For a peak's year or value: how many runs used have a censored peak, and what the number is for them. */
export function censoredNote(entry: Pick<ColumnIndices, 'column' | 'rising' | 'falling'>): string[] {
  const { rising = 0, falling = 0 } = entry;
  if (rising + falling === 0) return [];
  const parts = [...(rising > 0 ? [`${rising} runs still rising at the end`] : []), ...(falling > 0 ? [`${falling} falling from the start`] : [])];
  const which = rising > 0 && falling > 0 ? 'last or first' : rising > 0 ? 'last' : 'first';
  return [`${parts.join(', ')}: their peak is censored, the ${entry.column.statistic.replace('_', ' ')} is that of the ${which} year`];
}

/** Per output with a peak, from summary.parquet: how many of the runs that succeeded peak within its years, and how many do not. */
export function peakCountLines(rows: readonly SummaryRow[]): string[] {
  const lines = rows
    .filter((row) => row.statistic === 'peak_year')
    .map((row) => {
      const succeeded = row.runs + row.missing + row.rising + row.falling;
      const apart = [
        ...(row.rising > 0 ? [`${row.rising} still rising at the end`] : []),
        ...(row.falling > 0 ? [`${row.falling} largest in the first year, falling`] : []),
        ...(row.missing > 0 ? [`${row.missing} flat or zero`] : []),
      ];
      return `  ${row.output}: ${row.runs} of ${succeeded} peak within its years${apart.length > 0 ? ` (${apart.join('; ')})` : ''}`;
    });
  return lines.length === 0 ? [] : ['peaks, of the runs that succeeded:', ...lines];
}
