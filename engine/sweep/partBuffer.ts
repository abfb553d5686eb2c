import { OptionsError } from '../errors.js';
import type { BatchResult } from './pool/batch.js';
import type { RunRange } from './pool/batchTasks.js';
import type { Part } from './parts.js';

/**
 * One part's rows while its batches come in, in any order: inputs, outputs, statuses and messages
 * at the run's place, and which runs are in. This is the bounded reordering buffer: batches are
 * handed out in run order with a bounded number in flight, so only a few parts are open at once.
 */
export interface PartBuffer {
  readonly part: Part;
  readonly factors: number;
  readonly columns: number;
  readonly inputs: Float64Array;
  readonly outputs: Float64Array;
  readonly status: Uint8Array;
  readonly messages: (string | null)[];
  /** 1 for each run whose result is in. */
  readonly done: Uint8Array;
  /** Runs still missing. */
  remaining: number;
}

export function createPartBuffer(part: Part, factors: number, columns: number): PartBuffer {
  const rows = part.to - part.from;
  return {
    part,
    factors,
    columns,
    inputs: new Float64Array(rows * factors),
    outputs: new Float64Array(rows * columns),
    status: new Uint8Array(rows),
    messages: new Array<string | null>(rows).fill(null),
    done: new Uint8Array(rows),
    remaining: rows,
  };
}

/** Copies a batch's rows into their places; a batch outside the part or given twice is a bug. */
export function addBatch(buffer: PartBuffer, result: BatchResult): void {
  const { part, factors, columns } = buffer;
  if (result.from < part.from || result.to > part.to) throw new OptionsError('result', `runs [${result.from}, ${result.to}) lie outside part [${part.from}, ${part.to})`);
  const offset = result.from - part.from;
  for (let row = 0; row < result.to - result.from; row++) {
    if (buffer.done[offset + row]) throw new OptionsError('result', `run ${result.from + row} was delivered twice`);
    buffer.done[offset + row] = 1;
    buffer.status[offset + row] = result.status[row];
    buffer.messages[offset + row] = result.messages[row];
  }
  buffer.inputs.set(result.inputs, offset * factors);
  buffer.outputs.set(result.outputs, offset * columns);
  buffer.remaining -= result.to - result.from;
}

/** The runs of the part not yet in, as maximal ranges in run order. */
export function missingRanges(buffer: PartBuffer): RunRange[] {
  const ranges: RunRange[] = [];
  const { done, part } = buffer;
  for (let row = 0; row < done.length; row++) {
    if (done[row]) continue;
    const start = row;
    while (row < done.length && !done[row]) row++;
    ranges.push({ from: part.from + start, to: part.from + row });
  }
  return ranges;
}

/** Runs whose status is not success. */
export function failures(status: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < status.length; i++) if (status[i] !== 0) count++;
  return count;
}
