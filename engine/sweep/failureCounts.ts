import { SAMPLE_STATUSES, type SampleStatus } from './sweepJob.js';

/** Runs that did not succeed, by status (statuses with none left out, in the order of SAMPLE_STATUSES). */
export type FailureCounts = Readonly<Partial<Record<SampleStatus, number>>>;

/** The failures among stored statuses (indices into SAMPLE_STATUSES; 0 is success). */
export function failureCounts(status: Uint8Array): FailureCounts {
  const counts = new Array<number>(SAMPLE_STATUSES.length).fill(0);
  for (let run = 0; run < status.length; run++) counts[status[run]]++;
  return countsByStatus((code) => (code === 0 ? 0 : counts[code]));
}

/** The sum of several counts, in the same order. */
export function addFailureCounts(all: readonly FailureCounts[]): FailureCounts {
  return countsByStatus((_, status) => all.reduce((sum, counts) => sum + (counts[status] ?? 0), 0));
}

export function totalFailures(counts: FailureCounts): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** "invalid-shares 3, error 1" */
export function formatFailureCounts(counts: FailureCounts): string {
  return Object.entries(counts).map(([status, count]) => `${status} ${count}`).join(', ');
}

function countsByStatus(count: (code: number, status: SampleStatus) => number): FailureCounts {
  const counts: Partial<Record<SampleStatus, number>> = {};
  SAMPLE_STATUSES.forEach((status, code) => {
    const value = count(code, status);
    if (value > 0) counts[status] = value;
  });
  return counts;
}
