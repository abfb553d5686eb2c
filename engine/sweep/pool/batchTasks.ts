import { OptionsError } from '../../errors.js';
import type { SweepJob } from '../sweepJob.js';
import type { BatchTask } from './batch.js';

/** A half-open range of runs [from, to). */
export interface RunRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The batches of at most `batchSize` runs that cover `ranges`, in order, each with its inputs
 * filled when it is asked for (lazily, so a sweep of 10^6 runs never holds its whole design).
 * No batch crosses the end of a range, so batches never mix two parts of the output.
 */
export function* batchTasks(job: Pick<SweepJob, 'factors' | 'fillInputs'>, ranges: Iterable<RunRange>, batchSize: number): Generator<BatchTask> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new OptionsError('batchSize', `must be a positive integer (got ${batchSize})`);
  const width = job.factors.length;
  for (const range of ranges) {
    for (let from = range.from; from < range.to; from += batchSize) {
      const to = Math.min(range.to, from + batchSize);
      const inputs = new Float64Array((to - from) * width);
      job.fillInputs(from, to, inputs);
      yield { from, to, inputs };
    }
  }
}
