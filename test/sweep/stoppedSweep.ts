import { executeSweep, type ExecuteOptions, type SweepReport } from '../../cli/sweep/executeSweep.js';
import type { FolderJob } from '../../cli/sweep/outputFolder.js';

/** Runs a job on one thread in batches of 3 and stops it (as Ctrl-C does) once `after` runs are done: a sweep to resume. */
export async function stoppedSweep(job: FolderJob, options: ExecuteOptions, after: number): Promise<SweepReport> {
  const controller = new AbortController();
  return executeSweep(job, {
    ...options,
    threads: 1,
    batchSize: 3,
    signal: controller.signal,
    onProgress: ({ done }) => {
      if (done >= after) controller.abort();
    },
  });
}
