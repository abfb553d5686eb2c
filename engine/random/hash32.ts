/**
 * 32-bit integer hashing for the places that need many cheap random bits derived from a key drawn
 * once from Philox (Owen scrambling, index permutations). `mix32` is "lowbias32" from C. Wellons's
 * hash-prospector (2018): xorshift-multiply, twice; a bijection on 32-bit integers with low bias
 * (every input bit flips every output bit with probability ≈ 1/2).
 */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A hash keyed by two random words: for different keys, unrelated functions of `value`. */
export function keyedHash32(value: number, key0: number, key1: number): number {
  return mix32(mix32(value ^ key0) ^ key1);
}
