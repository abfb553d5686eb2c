import { OptionsError } from '../../errors.js';
import { checkSeed } from '../../random/uniform.js';
import { checkInteger, createDesign, type Design } from './design.js';
import { OWEN_KEY_WORDS, owenScrambleKeys, owenScrambledUnit } from './owenScramble.js';
import { SOBOL_BITS, sobolDirections } from './sobolDirections.js';

export interface SobolOptions {
  readonly dimensions: number;
  readonly size: number;
  /** Owen-scramble the points (default true); see owenScramble.ts. */
  readonly scramble?: boolean;
  /** Seed of the scrambling (default 0); unused without scrambling. */
  readonly seed?: number;
  /** Points of the sequence to leave out before row 0 (default 0; see below). */
  readonly skip?: number;
}

const DEFAULTS = { scramble: true, seed: 0, skip: 0 };
const TWO_POW_MINUS_32 = 2 ** -32;

/**
 * Sobol' low-discrepancy points with Joe–Kuo direction numbers, in Gray-code order (Antonov &
 * Saleev 1979), as SciPy's `qmc.Sobol` and SALib produce them: point i is the XOR of the
 * direction numbers selected by the bits of g = i ⊕ ⌊i/2⌋, and consecutive points differ by one
 * direction number, v_c with c the number of trailing zeros of i. A block of rows starts from its
 * first point computed directly and continues by the cheap update.
 *
 * Unscrambled, point 0 is the origin, which quantile functions of unbounded distributions map to
 * −∞; `skip` moves past it, but Owen (2020, "On dropping the first Sobol' point") shows that
 * dropping points spoils the balance of the first 2^m; scrambling (the default) is the remedy.
 * Unscrambled coordinates are k/2^32; scrambled ones lie strictly inside (0, 1).
 */
export function sobolDesign(options: SobolOptions): Design {
  const { scramble, seed, skip } = { ...DEFAULTS, ...options };
  const dimensions = checkInteger('dimensions', options.dimensions, 1);
  const size = checkInteger('size', options.size, 0);
  checkInteger('skip', skip, 0);
  if (skip + size > 2 ** SOBOL_BITS) throw new OptionsError('size', `plus skip must not exceed 2^${SOBOL_BITS} points (got ${skip + size})`);
  const directions = sobolDirections(dimensions);
  const keys = scramble ? owenScrambleKeys(checkSeed(seed), dimensions) : undefined;

  return createDesign('unit', dimensions, size, (from, to, out) => {
    const state = new Uint32Array(dimensions);
    const first = skip + from;
    const gray = (first ^ (first >>> 1)) >>> 0;
    for (let dimension = 0; dimension < dimensions; dimension++) {
      let x = 0;
      for (let bit = 0; bit < SOBOL_BITS; bit++) {
        if ((gray >>> bit) & 1) x ^= directions[dimension * SOBOL_BITS + bit];
      }
      state[dimension] = x;
    }
    for (let row = from; row < to; row++) {
      if (row > from) {
        const index = skip + row;
        const changed = 31 - Math.clz32(index & -index);
        for (let dimension = 0; dimension < dimensions; dimension++) {
          state[dimension] ^= directions[dimension * SOBOL_BITS + changed];
        }
      }
      const base = (row - from) * dimensions;
      if (keys === undefined) {
        for (let dimension = 0; dimension < dimensions; dimension++) out[base + dimension] = state[dimension] * TWO_POW_MINUS_32;
      } else {
        for (let dimension = 0; dimension < dimensions; dimension++) {
          out[base + dimension] = owenScrambledUnit(state[dimension], keys, dimension * OWEN_KEY_WORDS);
        }
      }
    }
  });
}
