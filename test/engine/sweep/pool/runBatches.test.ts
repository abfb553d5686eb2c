import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../../../../engine/sweep/pool/batch.js';
import { batchTasks } from '../../../../engine/sweep/pool/batchTasks.js';
import { runBatches } from '../../../../engine/sweep/pool/runBatches.js';
import { SAMPLE_STATUSES } from '../../../../engine/sweep/sweepJob.js';
import { standInJob } from '../../../fixtures/sweeps/standIn/standInJob.js';

/** Runs a stand-in job and puts every result row in its place: outputs, statuses, messages. */
async function collect(job: ReturnType<typeof standInJob>, threads: number, batchSize: number, signal?: AbortSignal) {
  const columns = job.columns.length;
  const outputs = new Float64Array(job.runs * columns).fill(-1);
  const status: string[] = new Array(job.runs).fill('missing');
  const messages: (string | null)[] = new Array(job.runs).fill(null);
  const seen: number[] = [];
  const completed = await runBatches(
    job.worker,
    batchTasks(job, [{ from: 0, to: job.runs }], batchSize),
    columns,
    (result: BatchResult) => {
      outputs.set(result.outputs, result.from * columns);
      for (let row = 0; row < result.to - result.from; row++) {
        seen.push(result.from + row);
        status[result.from + row] = SAMPLE_STATUSES[result.status[row]];
        messages[result.from + row] = result.messages[row];
      }
    },
    { threads, signal },
  );
  return { outputs, status, messages, seen, completed };
}

describe('runBatches', () => {
  it('runBatches(job) gives bit-identical outputs for 1, 2 and 4 threads and any batch size', async () => {
    const job = standInJob({ runs: 37 });
    const reference = await collect(job, 1, 37);
    for (const [threads, batchSize] of [[1, 1], [2, 5], [4, 3]]) {
      const other = await collect(job, threads, batchSize);
      expect(other.completed).toBe(true);
      expect(Buffer.from(other.outputs.buffer).equals(Buffer.from(reference.outputs.buffer))).toBe(true);
    }
    expect(reference.status.every((s) => s === 'success')).toBe(true);
  });

  it('runBatches(job) records a run that throws with its error and completes the others', async () => {
    const job = standInJob({ runs: 12, throwAt: [5] });
    const result = await collect(job, 2, 4);
    expect(result.status[5]).toBe('error');
    expect(result.messages[5]).toBe('stand-in failure at sample 5');
    expect(Number.isNaN(result.outputs[5 * job.columns.length])).toBe(true);
    expect(result.status.filter((s) => s === 'success')).toHaveLength(11);
  });

  it('runBatches(job) survives a worker that dies: only the run that killed it fails', async () => {
    const job = standInJob({ runs: 12, exitAt: [6] });
    const healthy = await collect(standInJob({ runs: 12 }), 1, 12);
    const result = await collect(job, 2, 4);
    expect(result.completed).toBe(true);
    expect(result.status[6]).toBe('error');
    expect(result.messages[6]).toMatch(/died: worker exited with code: 3/);
    const columns = job.columns.length;
    for (let sample = 0; sample < 12; sample++) {
      if (sample === 6) continue;
      expect(result.status[sample]).toBe('success');
      expect(result.outputs.subarray(sample * columns, (sample + 1) * columns)).toEqual(healthy.outputs.subarray(sample * columns, (sample + 1) * columns));
    }
  });

  it('runBatches(job) stops handing out batches once aborted and delivers the ones running', async () => {
    const job = standInJob({ runs: 400 });
    const controller = new AbortController();
    controller.abort();
    const result = await collect(job, 2, 10, controller.signal);
    expect(result.completed).toBe(false);
    expect(result.seen).toHaveLength(0);
  });

  it('runBatches(job) rejects a thread count that is not a positive integer, and defaults to the available parallelism', async () => {
    const job = standInJob({ runs: 3 });
    expect((await collect(job, undefined as unknown as number, 2)).completed).toBe(true);
    await expect(runBatches(job.worker, [], 1, () => undefined, { threads: 1.5 })).rejects.toThrow('options.threads must be a positive integer');
  });
});
