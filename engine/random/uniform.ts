import { OptionsError } from '../errors.js';
import { philox4x32 } from './philox.js';

/**
 * Counter-based uniform numbers: draw number `draw` of sample `sampleIndex` in stream `stream`
 * under seed `seed` is a pure function of those four integers. Nothing depends on which draws were
 * made before, so a sample's numbers are the same whatever thread, batch or shard computes it.
 *
 * Ranges: seed and sampleIndex are integers in [0, 2^53 − 1]; stream is in [0, 2^32 − 1]; draw is in
 * [0, 2^33 − 1]. The Philox key is the seed (low 32 bits, high 21 bits); the counter is
 * (sampleIndex low, sampleIndex high, stream, ⌊draw / 2⌋): one block of 128 bits gives two draws.
 */

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_52 = 2 ** -52;
/** Reused by the scalar helpers below; JavaScript runs one of them at a time per thread. */
const scratch = new Uint32Array(4);

export function checkSeed(seed: number, option = 'seed'): number {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new OptionsError(option, `must be an integer in [0, 2^53 - 1] (got ${seed})`);
  }
  return seed;
}

/** The 128-bit Philox block `blockIndex` of (seed, sampleIndex, stream), as four 32-bit words. */
export function randomBlock(seed: number, sampleIndex: number, stream: number, blockIndex: number, out: Uint32Array): void {
  philox4x32(
    sampleIndex >>> 0,
    Math.floor(sampleIndex / TWO_POW_32),
    stream >>> 0,
    blockIndex >>> 0,
    seed >>> 0,
    Math.floor(seed / TWO_POW_32),
    out,
  );
}

/**
 * A uniform number strictly inside (0, 1) from two random words: (k + 1/2)·2^−52 with k the top 52
 * of the 64 bits. The midpoint grid is exact in double precision (k + 1/2 needs 53 bits), never
 * reaches 0 or 1, and is symmetric (u and 1 − u have the same distribution), which inverse CDFs of
 * unbounded distributions need; a 53-bit grid cannot be both open and exact above 1/2.
 */
export function unitFromWords(high: number, low: number): number {
  return (high * 1048576 + (low >>> 12) + 0.5) * TWO_POW_MINUS_52;
}

/** Draw number `draw` (two per block: words 0–1, then words 2–3). */
export function uniformAt(seed: number, sampleIndex: number, stream: number, draw: number): number {
  randomBlock(seed, sampleIndex, stream, Math.floor(draw / 2), scratch);
  return draw % 2 === 0 ? unitFromWords(scratch[0], scratch[1]) : unitFromWords(scratch[2], scratch[3]);
}

/** Writes draws firstDraw … firstDraw + count − 1 into out[offset …]; the same numbers as `uniformAt`. */
export function fillUniforms(
  seed: number,
  sampleIndex: number,
  stream: number,
  out: Float64Array,
  offset = 0,
  count = out.length - offset,
  firstDraw = 0,
): void {
  for (let k = 0; k < count; k++) {
    const draw = firstDraw + k;
    const second = draw % 2 === 1;
    if (k === 0 || !second) randomBlock(seed, sampleIndex, stream, Math.floor(draw / 2), scratch);
    out[offset + k] = second ? unitFromWords(scratch[2], scratch[3]) : unitFromWords(scratch[0], scratch[1]);
  }
}
