/**
 * Sweep benchmarks on the reference city model (models/reference-city) with the ten-factor sweep of
 * test/fixtures/sweeps/reference-city-sweep.yaml:
 *   - runs per second in a plain loop on this thread, through the pool with 1 thread and with all
 *     cores (steady state: from the first batch back to the last, so worker start-up is left out
 *     and reported apart), parallel efficiency and pool overhead;
 *   - wall time of a Sobol' analysis, 10 factors, N = 1024, second order (22 528 runs, written to
 *     Parquet, then the indices of every scalar output with 1000 bootstrap resamples);
 * (The memory of a long sweep: sweepMemory.ts.) `tsx benchmarks/sweep.ts [--throughput]`. Timings are reported, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeSweep } from '../cli/sweep/executeSweep.js';
import { openSweep } from '../cli/sweep/openSweep.js';
import { sensitivity } from '../cli/sweep/sensitivity.js';
import { sampleRunner, type SweepWorkerData } from '../engine/sweep/job/sampleRunner.js';
import { batchTasks } from '../engine/sweep/pool/batchTasks.js';
import { runBatches } from '../engine/sweep/pool/runBatches.js';
import type { SweepJob } from '../engine/sweep/sweepJob.js';
import { formatTable } from './measure.js';
import { repoPath } from './repoPath.js';

const sweepFile = repoPath('test/fixtures/sweeps/reference-city-sweep.yaml');
/** The sweep file names the model in models/reference-city, outside its own folder. */
const folders = { dataRoots: [repoPath('models')] };
const cores = availableParallelism();
const BATCH = 16;

/**
 * Share of the runs each measurement lets pass before its clock starts, so that both sides are
 * compared warm: the plain loop runs its first quarter untimed on this thread (whose JIT is warm
 * from the rounds before, too), and each pool, whose workers are new threads with a cold JIT,
 * has its first quarter back before the clock starts (1,000 runs per thread; a worker's rate is
 * flat after its first few hundred).
 */
const WARM_UP = 0.25;

/** Runs per second of a plain loop over `runs` runs on this thread, after the warm-up runs. */
function plainLoop(job: SweepJob, runs: number): number {
  const evaluate = sampleRunner(job.worker.data as SweepWorkerData);
  const inputs = new Float64Array(runs * job.factors.length);
  job.fillInputs(0, runs, inputs);
  const warmUp = Math.ceil((runs * WARM_UP) / BATCH) * BATCH;
  evaluate({ from: 0, to: warmUp, inputs: inputs.subarray(0, warmUp * job.factors.length) });
  let checksum = 0;
  const started = performance.now();
  for (let from = warmUp; from < runs; from += BATCH) {
    const to = Math.min(runs, from + BATCH);
    checksum += evaluate({ from, to, inputs: inputs.subarray(from * job.factors.length, to * job.factors.length) }).outputs[0];
  }
  const seconds = (performance.now() - started) / 1000;
  if (Number.isNaN(checksum)) throw new Error('the benchmark runs failed');
  return (runs - warmUp) / seconds;
}

/** Steady-state runs per second through the pool (no files) once the warm-up runs are back, and the time to the first batch back. */
async function pool(job: SweepJob, runs: number, threads: number): Promise<{ rate: number; startup: number }> {
  const started = performance.now();
  let firstBack = 0;
  let warm = 0;
  let warmRuns = 0;
  let delivered = 0;
  await runBatches(job.worker, batchTasks(job, [{ from: 0, to: runs }], BATCH), job.columns.length, (result) => {
    delivered += result.to - result.from;
    if (firstBack === 0) firstBack = performance.now();
    if (warm === 0 && delivered >= runs * WARM_UP) {
      warm = performance.now();
      warmRuns = delivered;
    }
  }, { threads });
  return { rate: (delivered - warmRuns) / ((performance.now() - warm) / 1000), startup: (firstBack - started) / 1000 };
}

/** Rounds of each measurement, interleaved; the best rate of each is reported (the least disturbed by other processes). */
const ROUNDS = 3;

async function throughput(): Promise<void> {
  // Enough runs that a fresh worker's JIT warm-up (within the first quarter) does not weigh on the rate.
  const perThread = 4000;
  const { job } = openSweep(sweepFile, { sampler: 'monte-carlo', n: perThread * cores }, folders);
  let loopRate = 0;
  const one = { rate: 0, startup: Infinity };
  const all = { rate: 0, startup: Infinity };
  for (let round = 0; round < ROUNDS; round++) {
    loopRate = Math.max(loopRate, plainLoop(job, perThread));
    for (const [result, threads] of [[one, 1], [all, cores]] as const) {
      const measured = await pool(job, perThread * threads, threads);
      result.rate = Math.max(result.rate, measured.rate);
      result.startup = Math.min(result.startup, measured.startup);
    }
  }
  const rows = [
    ['plain loop, this thread', '1', loopRate.toFixed(0), '', ''],
    ['pool (piscina)', '1', one.rate.toFixed(0), `${one.startup.toFixed(2)} s`, `overhead ${((loopRate / one.rate - 1) * 100).toFixed(1)}% (target < 5%)`],
    ['pool (piscina)', String(cores), all.rate.toFixed(0), `${all.startup.toFixed(2)} s`, `efficiency ${(all.rate / (cores * one.rate)).toFixed(2)} (target ≥ 0.9)`],
  ];
  console.log(`Reference city sweep: runs per second, best of ${ROUNDS}, each side timed after its first ${WARM_UP * 100}% of runs (${job.columns.length} output columns, batches of ${BATCH})\n${formatTable(['how', 'threads', 'runs/s', 'start-up', ''], rows)}\n`);
}

async function sobolAnalysis(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'metabolis-bench-'));
  try {
    const started = performance.now();
    const { job } = openSweep(sweepFile, {}, folders);
    await executeSweep(job, { out, threads: cores, batchSize: BATCH });
    const swept = performance.now();
    const report = await sensitivity(out, { year: 2079 });
    const done = performance.now();
    const rows = [
      ['sweep (runs, Parquet, summary)', String(job.runs), `${((swept - started) / 1000).toFixed(1)} s`],
      ["Sobol' indices, 1000 resamples", `${report.columns.length} outputs`, `${((done - swept) / 1000).toFixed(1)} s`],
      ['total', '', `${((done - started) / 1000).toFixed(1)} s`],
    ];
    console.log(`Sobol' analysis: 10 factors, N = 1024, second order, ${cores} threads\n${formatTable(['step', 'size', 'wall time'], rows)}\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await throughput();
if (!process.argv.includes('--throughput')) await sobolAnalysis();
