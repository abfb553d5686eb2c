import { OptionsError } from '../../errors.js';

/**
 * Estimators that work on blocks of runs — a Saltelli base point (A, AB_i, BA_i, B) or a Morris
 * trajectory — need every run of a block: one failed run leaves the whole block without a
 * meaning. These drop such blocks whole, so the estimators see a smaller complete design.
 */

/** keep[b] = 1 when every run of block b (runs [b·blockRuns, (b + 1)·blockRuns)) succeeded (status 0). */
export function completeBlocks(status: Uint8Array, blockRuns: number): Uint8Array {
  if (!Number.isSafeInteger(blockRuns) || blockRuns < 1 || status.length % blockRuns !== 0) {
    throw new OptionsError('blockRuns', `must be a positive integer that divides the ${status.length} runs (got ${blockRuns})`);
  }
  const keep = new Uint8Array(status.length / blockRuns).fill(1);
  for (let run = 0; run < status.length; run++) if (status[run] !== 0) keep[Math.floor(run / blockRuns)] = 0;
  return keep;
}

/** The rows of the kept blocks of a runs × width matrix (row-major), in their order. */
export function keepBlocks(values: Float64Array, width: number, blockRuns: number, keep: Uint8Array): Float64Array {
  const blockValues = blockRuns * width;
  if (values.length !== keep.length * blockValues) throw new OptionsError('values', `must hold ${keep.length} blocks of ${blockRuns} runs × ${width} (got ${values.length} numbers)`);
  let kept = 0;
  for (let block = 0; block < keep.length; block++) kept += keep[block];
  const out = new Float64Array(kept * blockValues);
  let at = 0;
  for (let block = 0; block < keep.length; block++) {
    if (!keep[block]) continue;
    out.set(values.subarray(block * blockValues, (block + 1) * blockValues), at);
    at += blockValues;
  }
  return out;
}
