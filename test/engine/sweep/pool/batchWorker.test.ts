import { describe, expect, it } from 'vitest';
import type { BatchOutcome, BatchTask } from '../../../../engine/sweep/pool/batch.js';
import { batchHandler } from '../../../../engine/sweep/pool/batchWorker.js';

describe('batchHandler', () => {
  it('batchHandler(evaluate) hands back the outcome itself, for piscina to copy: a transfer would detach the worker\'s buffers, which slows all its typed-array code', () => {
    const outcome: BatchOutcome = { outputs: Float64Array.of(1, 2), status: Uint8Array.of(0), messages: [null] };
    const task: BatchTask = { from: 0, to: 1, inputs: Float64Array.of(0.5) };
    const handled = batchHandler(() => outcome)(task);
    expect(handled).toBe(outcome);
    expect(Object.getOwnPropertySymbols(handled)).toEqual([]);
    // What piscina does with a result that is no transferable: structuredClone, which leaves the worker's buffers whole.
    const received = structuredClone(handled);
    expect(Array.from(received.outputs)).toEqual([1, 2]);
    expect(outcome.outputs.buffer.byteLength).toBe(16);
    expect(outcome.status.buffer.byteLength).toBe(1);
  });
});
