import { formatFailureCounts, totalFailures, type FailureCounts } from '../../engine/sweep/failureCounts.js';
import type { BlockExclusion, ColumnIndices } from './sensitivity.js';

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
