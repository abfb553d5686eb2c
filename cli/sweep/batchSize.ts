import { sampleRunner, type SweepWorkerData } from '../../engine/sweep/job/sampleRunner.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';

/** Work per batch the pool aims at: long enough that messaging costs little, short enough to keep every thread busy to the end. */
const TARGET_MS = 5;
const PROBE_RUNS = 8;

/**
 * Runs per batch for a model sweep: a few runs are timed on this thread (after one to warm up)
 * and the batch holds about TARGET_MS of them. Timing only sizes batches; results never depend on it.
 */
export function chooseBatchSize(job: SweepJob): number {
  const evaluate = sampleRunner(job.worker.data as SweepWorkerData);
  const runs = Math.min(PROBE_RUNS, job.runs);
  const inputs = new Float64Array(runs * job.factors.length);
  job.fillInputs(0, runs, inputs);
  evaluate({ from: 0, to: 1, inputs: inputs.subarray(0, job.factors.length) });
  const started = performance.now();
  evaluate({ from: 0, to: runs, inputs });
  const perRun = (performance.now() - started) / runs;
  return Math.max(1, Math.min(4096, Math.round(TARGET_MS / Math.max(perRun, 1e-3))));
}
