import { keyedHash32 } from '../../random/hash32.js';
import { RandomStream } from '../../random/streams.js';
import { randomBlock } from '../../random/uniform.js';

/**
 * Owen's nested uniform scrambling in base 2 (A. B. Owen, "Randomly permuted (t,m,s)-nets and
 * (t,s)-sequences", 1995). Write a coordinate as binary digits x_1 x_2 …; the scrambled digit is
 * y_k = x_k ⊕ f(x_1 … x_(k−1)), where f assigns an independent random bit to every node of the
 * binary tree of digit prefixes. It keeps the (t,m,s)-net structure of a Sobol' sequence, makes
 * every point uniform on [0, 1)^d, and gives integrands with square-integrable mixed derivatives
 * a variance of O(n^−3 (log n)^(d−1)). The bit of node (prefix, depth k) is the top bit of a keyed
 * hash of 2^k + prefix, with a key drawn once per dimension from Philox, so no table is stored and
 * any point is scrambled on its own (after Laine & Karras 2011 and Burley 2020, but with one hash
 * per node: nested uniform scrambling proper, as far as the hash is random, rather than their
 * one-hash approximation). Cost: 33 hashes per coordinate, about 0.6 µs.
 *
 * Sobol' points carry 32 digits; digits 33 on are 0, and their scrambled values are the random
 * bits of the node below the 32-digit prefix. 20 of them are kept, so a scrambled coordinate is
 * (k + 1/2)·2^−52 with k the 52 scrambled digits: strictly inside (0, 1), like random/uniform.ts.
 */

/** Key words per dimension: two for the tree of the first 32 digits, two for the digits past them. */
export const OWEN_KEY_WORDS = 4;
const TWO_POW_20 = 1048576;
const TWO_POW_MINUS_52 = 2 ** -52;

export function owenScrambleKeys(seed: number, dimensions: number): Uint32Array {
  const keys = new Uint32Array(dimensions * OWEN_KEY_WORDS);
  for (let dimension = 0; dimension < dimensions; dimension++) {
    randomBlock(seed, dimension, RandomStream.sobolScramble, 0, keys.subarray(dimension * OWEN_KEY_WORDS, (dimension + 1) * OWEN_KEY_WORDS));
  }
  return keys;
}

/** The scrambled value in (0, 1) of the 32-digit binary fraction `digits`/2^32, under keys[offset …]. */
export function owenScrambledUnit(digits: number, keys: Uint32Array, offset: number): number {
  const treeKey0 = keys[offset];
  const treeKey1 = keys[offset + 1];
  let scrambled = 0;
  let node = 1;
  for (let bit = 31; bit >= 0; bit--) {
    const digit = (digits >>> bit) & 1;
    const flip = keyedHash32(node, treeKey0, treeKey1) >>> 31;
    scrambled = scrambled * 2 + (digit ^ flip);
    node = node * 2 + digit;
  }
  const trailing = keyedHash32(digits, keys[offset + 2], keys[offset + 3]) >>> 12;
  return (scrambled * TWO_POW_20 + trailing + 0.5) * TWO_POW_MINUS_52;
}
