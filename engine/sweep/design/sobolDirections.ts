import { OptionsError } from '../../errors.js';
import { JOE_KUO_DIRECTION_NUMBERS, MAX_SOBOL_DIMENSIONS } from './joeKuoDirections.js';

/** Points are 32-bit binary fractions, so a Sobol' sequence has at most 2^32 points. */
export const SOBOL_BITS = 32;

/**
 * Direction numbers v_{j,k} (k = 1 … 32) of the first `dimensions` dimensions as 32-bit integers,
 * at V[j·32 + k − 1]; coordinate j of a point is the XOR of the v_{j,k} selected by its index bits.
 * From the Joe–Kuo initial numbers m_1 … m_s: v_k = m_k · 2^(32 − k) for k ≤ s, and beyond, the
 * recurrence of the primitive polynomial x^s + a_1 x^(s−1) + … + a_(s−1) x + 1 (Bratley & Fox 1988):
 *   v_k = v_(k−s) ⊕ (v_(k−s) >> s) ⊕ a_1 v_(k−1) ⊕ a_2 v_(k−2) ⊕ … ⊕ a_(s−1) v_(k−s+1).
 * Dimension 1 has v_k = 2^(32 − k) (the van der Corput sequence).
 */
export function sobolDirections(dimensions: number): Uint32Array {
  if (!Number.isSafeInteger(dimensions) || dimensions < 1 || dimensions > MAX_SOBOL_DIMENSIONS) {
    throw new OptionsError('dimensions', `must be an integer in [1, ${MAX_SOBOL_DIMENSIONS}] for a Sobol' sequence (got ${dimensions})`);
  }
  const directions = new Uint32Array(dimensions * SOBOL_BITS);
  for (let k = 0; k < SOBOL_BITS; k++) directions[k] = 2 ** (SOBOL_BITS - 1 - k);
  const lines = JOE_KUO_DIRECTION_NUMBERS.split('\n', dimensions + 1);
  for (let dimension = 1; dimension < dimensions; dimension++) {
    const fields = lines[dimension].split(' ').map(Number);
    const degree = fields[1];
    const coefficients = fields[2];
    const v = directions.subarray(dimension * SOBOL_BITS, (dimension + 1) * SOBOL_BITS);
    for (let k = 0; k < degree; k++) v[k] = fields[3 + k] * 2 ** (SOBOL_BITS - 1 - k);
    for (let k = degree; k < SOBOL_BITS; k++) {
      let value = v[k - degree] ^ (v[k - degree] >>> degree);
      for (let i = 1; i < degree; i++) {
        if ((coefficients >>> (degree - 1 - i)) & 1) value ^= v[k - i];
      }
      v[k] = value >>> 0;
    }
  }
  return directions;
}
