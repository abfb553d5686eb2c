import { keyedHash32 } from './hash32.js';
import { randomBlock } from './uniform.js';

/**
 * Random permutations of [0, n) whose value at any position is computed directly, without
 * building the permutation: a balanced Feistel network over the smallest domain of 2^(2h) ≥ n
 * elements, with "cycle walking" (apply it again until the result falls below n; Black & Rogaway,
 * "Ciphers with arbitrary finite domains", 2002). A Feistel network is a bijection for any round
 * function, so this is a permutation of [0, n); the expected number of walks is below 4.
 * Eight rounds keyed by Philox words make the permutations look independent for different keys.
 */

/** Number of 32-bit round keys a permutation needs (two Philox blocks). */
export const PERMUTATION_KEY_WORDS = 8;
/** Positions are 32-bit integers. */
export const MAX_PERMUTATION_SIZE = 2 ** 32;

/** Writes the round keys of permutation (seed, index, stream) into keys[offset …]. */
export function permutationKeys(seed: number, index: number, stream: number, keys: Uint32Array, offset: number): void {
  randomBlock(seed, index, stream, 0, keys.subarray(offset, offset + 4));
  randomBlock(seed, index, stream, 1, keys.subarray(offset + 4, offset + 8));
}

/** π(position) for the permutation of [0, n) keyed by keys[offset … offset + 7]; n ≤ 2^32. */
export function permutedIndex(position: number, n: number, keys: Uint32Array, offset: number): number {
  if (n <= 1) return 0;
  const halfBits = Math.max(1, Math.ceil((32 - Math.clz32(n - 1)) / 2));
  const half = 2 ** halfBits;
  const mask = half - 1;
  let x = position;
  do {
    let left = Math.floor(x / half);
    let right = x & mask;
    for (let round = 0; round < PERMUTATION_KEY_WORDS; round++) {
      const next = (left ^ keyedHash32(right, keys[offset + round], round)) & mask;
      left = right;
      right = next;
    }
    x = left * half + right;
  } while (x >= n);
  return x;
}
