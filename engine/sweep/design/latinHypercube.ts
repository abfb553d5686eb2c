import { MAX_PERMUTATION_SIZE, PERMUTATION_KEY_WORDS, permutationKeys, permutedIndex } from '../../random/permutation.js';
import { RandomStream } from '../../random/streams.js';
import { checkSeed, fillUniforms } from '../../random/uniform.js';
import { checkInteger, createDesign, type Design } from './design.js';

export interface LatinHypercubeOptions {
  readonly dimensions: number;
  readonly size: number;
  readonly seed: number;
}

/** The largest double below 1: (π + U)/n can round up to 1 when π = n − 1 and U is close to 1. */
const BELOW_ONE = 1 - 2 ** -53;

/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979): each factor's range is cut into n
 * equal strata and every stratum holds exactly one point. Coordinate j of row i is
 * (π_j(i) + U_ij)/n with π_j a random permutation of [0, n) and U_ij uniform in (0, 1). The
 * permutations are computed position by position (random/permutation.ts), keyed by (seed, j), so
 * any block of rows is produced without the others.
 */
export function latinHypercubeDesign(options: LatinHypercubeOptions): Design {
  const dimensions = checkInteger('dimensions', options.dimensions, 1);
  const size = checkInteger('size', options.size, 0, MAX_PERMUTATION_SIZE);
  const seed = checkSeed(options.seed);
  const keys = new Uint32Array(dimensions * PERMUTATION_KEY_WORDS);
  for (let factor = 0; factor < dimensions; factor++) {
    permutationKeys(seed, factor, RandomStream.latinHypercubePermutation, keys, factor * PERMUTATION_KEY_WORDS);
  }
  return createDesign('unit', dimensions, size, (from, to, out) => {
    for (let row = from; row < to; row++) {
      const base = (row - from) * dimensions;
      fillUniforms(seed, row, RandomStream.latinHypercubeJitter, out, base, dimensions);
      for (let factor = 0; factor < dimensions; factor++) {
        const stratum = permutedIndex(row, size, keys, factor * PERMUTATION_KEY_WORDS);
        out[base + factor] = Math.min(BELOW_ONE, (stratum + out[base + factor]) / size);
      }
    }
  });
}
