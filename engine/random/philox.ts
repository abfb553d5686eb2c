/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3" (SC'11), as specified by their Random123 library. It maps a
 * 128-bit counter and a 64-bit key to 128 random bits; there is no state, so a draw depends only
 * on the numbers that name it. It passes TestU01's BigCrush with 10 rounds.
 *
 * One round, with (c0, c1, c2, c3) the counter and (k0, k1) the round key:
 *   c0·M0 = hi0·2^32 + lo0,  c2·M1 = hi1·2^32 + lo1,
 *   (c0, c1, c2, c3) ← (hi1 ⊕ c1 ⊕ k0, lo1, hi0 ⊕ c3 ⊕ k1, lo0),
 * and the key is bumped by the Weyl constants (W0, W1) between rounds.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const ROUNDS = 10;

/**
 * High 32 bits of the 64-bit product of two unsigned 32-bit integers, exactly, in doubles: with
 * a = aHigh·2^16 + aLow and likewise b, every partial product is below 2^32 and
 *   ⌊ab/2^32⌋ = aHigh·bHigh + ⌊(aHigh·bLow + aLow·bHigh + ⌊aLow·bLow/2^16⌋)/2^16⌋.
 */
function multiplyHigh(a: number, b: number): number {
  const aHigh = a >>> 16;
  const aLow = a & 0xffff;
  const bHigh = b >>> 16;
  const bLow = b & 0xffff;
  const middle = aHigh * bLow + aLow * bHigh + ((aLow * bLow) >>> 16);
  return (aHigh * bHigh + Math.floor(middle / 65536)) >>> 0;
}

/** Writes the four output words for counter (c0…c3) and key (k0, k1), all unsigned 32-bit, into `out`. */
export function philox4x32(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array): void {
  for (let round = 0; round < ROUNDS; round++) {
    const high0 = multiplyHigh(M0, c0);
    const low0 = Math.imul(M0, c0) >>> 0;
    const high1 = multiplyHigh(M1, c2);
    const low1 = Math.imul(M1, c2) >>> 0;
    c0 = (high1 ^ c1 ^ k0) >>> 0;
    c1 = low1;
    c2 = (high0 ^ c3 ^ k1) >>> 0;
    c3 = low0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}
