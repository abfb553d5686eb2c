import { sampleRunner, type SweepWorkerData } from '../../engine/sweep/job/sampleRunner.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';

/**
 * Work per batch the pool aims at: long enough that messaging costs little, short enough to keep
 * every thread busy to the end. Each pool task costs the worker a round trip to the main thread;
 * measured on the reference city (1.3 ms a run), batches of 1 run went 14–22% slower than a plain
 * loop, of 4 runs 5–8%, of 64 runs within the noise (−2 to 4%).
 */
const TARGET_MS = 20;
const PROBE_RUNS = 8;
/** Rounds of PROBE_RUNS timed at most, and the time after which no further round starts: the first rounds run a cold JIT. */
const PROBE_ROUNDS = 6;
const PROBE_BUDGET_MS = 250;

/**
 * Runs per batch for a model sweep: a few runs are timed on this thread, in rounds until the
 * budget is spent, and the batch holds about TARGET_MS of runs at the fastest round's pace (the
 * first rounds, with a cold JIT, ran the reference city at 5–15 ms a run against 1.3 ms warm,
 * which made batches of one run). Timing only sizes batches; results never depend on it.
 */
export function chooseBatchSize(job: SweepJob): number {
  const evaluate = sampleRunner(job.worker.data as SweepWorkerData);
  const runs = Math.min(PROBE_RUNS, job.runs);
  const inputs = new Float64Array(runs * job.factors.length);
  job.fillInputs(0, runs, inputs);
  evaluate({ from: 0, to: 1, inputs: inputs.subarray(0, job.factors.length) });
  const started = performance.now();
  let perRun = Infinity;
  for (let round = 0; round < PROBE_ROUNDS && (round === 0 || performance.now() - started < PROBE_BUDGET_MS); round++) {
    const roundStarted = performance.now();
    evaluate({ from: 0, to: runs, inputs });
    perRun = Math.min(perRun, (performance.now() - roundStarted) / runs);
  }
  return Math.max(1, Math.min(4096, Math.round(TARGET_MS / Math.max(perRun, 1e-3))));
}
