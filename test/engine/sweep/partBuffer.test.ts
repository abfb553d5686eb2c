import { describe, expect, it } from 'vitest';
import { addBatch, createPartBuffer, missingRanges } from '../../../engine/sweep/partBuffer.js';

const batch = (from: number, to: number) => ({
  from,
  to,
  inputs: Float64Array.from({ length: to - from }, (_, row) => from + row),
  outputs: Float64Array.from({ length: 2 * (to - from) }, (_, i) => 10 * (from + Math.floor(i / 2)) + (i % 2)),
  status: new Uint8Array(to - from),
  messages: new Array<string | null>(to - from).fill(null),
});

describe('partBuffer', () => {
  it('addBatch puts batches that arrive out of order in run order, and missingRanges lists the gaps', () => {
    const buffer = createPartBuffer({ index: 1, from: 10, to: 20 }, 1, 2);
    addBatch(buffer, batch(16, 18));
    addBatch(buffer, batch(10, 12));
    expect(missingRanges(buffer)).toEqual([{ from: 12, to: 16 }, { from: 18, to: 20 }]);
    addBatch(buffer, batch(12, 16));
    addBatch(buffer, batch(18, 20));
    expect(buffer.remaining).toBe(0);
    expect(Array.from(buffer.inputs)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(buffer.outputs[2 * 7 + 1]).toBe(171);
  });

  it('addBatch refuses a run given twice and a batch outside the part', () => {
    const buffer = createPartBuffer({ index: 0, from: 0, to: 4 }, 1, 2);
    addBatch(buffer, batch(0, 2));
    expect(() => addBatch(buffer, batch(1, 3))).toThrow('run 1 was delivered twice');
    expect(() => addBatch(buffer, batch(3, 5))).toThrow('lie outside part');
  });
});
