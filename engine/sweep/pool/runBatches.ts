import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { OptionsError } from '../../errors.js';
import { statusCode, type WorkerSpec } from '../sweepJob.js';
import type { BatchOutcome, BatchResult, BatchTask } from './batch.js';
import { workerEntry } from './workerEntry.js';

export interface PoolOptions {
  /** Worker threads, each with its own compiled model (default: the available parallelism). */
  readonly threads?: number;
  /**
   * Batches handed to the pool and not yet delivered (default 2 × threads, so that every worker
   * has the next batch waiting). The producer waits for a free place: this is the backpressure
   * that bounds memory whatever the speed of the workers or of the consumer.
   */
  readonly maxInFlight?: number;
  /** When aborted, no further batch starts; the batches running finish and are delivered. */
  readonly signal?: AbortSignal;
}


/**
 * A worker's young generation (V8's space for new objects) is capped at 8 MiB instead of V8's
 * default of about 48: a run leaves only short-lived garbage, so the smaller space is scavenged
 * more often at no measured cost in runs per second, and each worker's resident memory is 20–40 MiB
 * less (a reference-city sweep on two threads: 218 instead of 262 MiB halfway through).
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * Runs every batch of `tasks` on a piscina pool created for this call and closed before it
 * returns, and hands each result to `deliver` as it completes (in completion order; the caller
 * puts rows in their place). Resolves to whether every task was delivered (false after an abort).
 *
 * A worker that dies (exits, runs out of memory) takes its batch with it. That batch is run again
 * one run per task, so the runs that did not kill it still get their results and the run that
 * did is delivered as an 'error' with the reason: the outcome is the same whichever batch or
 * thread a run fell to. Any other rejection is a failure of the worker code itself and is thrown.
 */
export async function runBatches(
  worker: WorkerSpec,
  tasks: Iterable<BatchTask>,
  columns: number,
  deliver: (result: BatchResult) => void,
  options: PoolOptions = {},
): Promise<boolean> {
  const { threads, maxInFlight, signal } = checkPoolOptions(options);
  const { filename, execArgv } = workerEntry(worker.file);
  const pool = new Piscina({ filename, execArgv, workerData: worker.data, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, resourceLimits: WORKER_LIMITS });
  let failure: unknown;
  // A worker that fails between tasks has no task to reject; its replacement takes over.
  pool.on('error', () => undefined);

  const pending = tasks[Symbol.iterator]();
  const retries: BatchTask[] = [];
  const running = new Set<Promise<void>>();
  let exhausted = false;
  const settle = (task: BatchTask) => (outcome: BatchOutcome) => deliver({ from: task.from, to: task.to, inputs: task.inputs, ...outcome });
  const onRejection = (task: BatchTask) => (error: unknown) => {
    if (!isWorkerDeath(error)) throw error;
    if (task.to - task.from > 1) retries.push(...singleRuns(task));
    else deliver(deathResult(task, columns, error));
  };

  try {
    while (failure === undefined && !signal?.aborted) {
      let task = retries.shift();
      if (task === undefined && !exhausted) {
        const next = pending.next();
        exhausted = next.done === true;
        task = next.done ? undefined : next.value;
      }
      if (task === undefined) {
        if (running.size === 0) break;
        await Promise.race(running);
        continue;
      }
      const promise: Promise<void> = pool
        .run(task)
        .then(settle(task), onRejection(task))
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => running.delete(promise));
      running.add(promise);
      while (running.size >= maxInFlight) await Promise.race(running);
    }
    await Promise.all(running);
  } finally {
    await pool.destroy();
  }
  if (failure !== undefined) throw failure;
  return exhausted && retries.length === 0 && !signal?.aborted;
}

function checkPoolOptions(options: PoolOptions): { threads: number; maxInFlight: number; signal: AbortSignal | undefined } {
  const { threads = availableParallelism(), signal } = options;
  if (!Number.isSafeInteger(threads) || threads < 1) throw new OptionsError('threads', `must be a positive integer (got ${threads})`);
  const maxInFlight = options.maxInFlight ?? 2 * threads;
  if (!Number.isSafeInteger(maxInFlight) || maxInFlight < 1) throw new OptionsError('maxInFlight', `must be a positive integer (got ${maxInFlight})`);
  return { threads, maxInFlight, signal };
}

/** piscina rejects the tasks of a worker that exited with this message; Node names a worker out of memory by its code. */
function isWorkerDeath(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  return error.message.startsWith('worker exited') || (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function singleRuns(task: BatchTask): BatchTask[] {
  const factors = task.inputs.length / (task.to - task.from);
  return Array.from({ length: task.to - task.from }, (_, row) => ({
    from: task.from + row,
    to: task.from + row + 1,
    inputs: task.inputs.slice(row * factors, (row + 1) * factors),
  }));
}

function deathResult(task: BatchTask, columns: number, error: Error): BatchResult {
  return {
    from: task.from,
    to: task.to,
    inputs: task.inputs,
    outputs: new Float64Array(columns).fill(NaN),
    status: Uint8Array.of(statusCode('error')),
    messages: [`the worker running this sample died: ${error.message}`],
  };
}
