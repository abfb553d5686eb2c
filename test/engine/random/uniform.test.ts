import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { checkSeed, fillUniforms, uniformAt, unitFromWords } from '../../../engine/random/uniform.js';
import {
  CHI_SQUARE_99_AT_0_999,
  chiSquareUniform,
  histogram,
  kolmogorovSmirnovCritical,
  kolmogorovSmirnovUniform,
} from './statistics.js';

const SAMPLES = 100_000;

function draws(seed: number, stream: number, sampleIndex: (k: number) => number, draw: (k: number) => number): Float64Array {
  return Float64Array.from({ length: SAMPLES }, (_, k) => uniformAt(seed, sampleIndex(k), stream, draw(k)));
}

describe('uniformAt', () => {
  it('uniformAt is a pure function of (seed, sampleIndex, stream, draw)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.nat({ max: 2 ** 33 - 1 }),
        (seed, sampleIndex, stream, draw) => {
          const first = uniformAt(seed, sampleIndex, stream, draw);
          uniformAt(0, 0, 0, 0); // an unrelated draw in between changes nothing
          expect(uniformAt(seed, sampleIndex, stream, draw)).toBe(first);
          expect(first > 0 && first < 1).toBe(true);
        },
      ),
    );
  });

  it('fillUniforms(…, offset, count, firstDraw) writes the same numbers as uniformAt', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat({ max: 20 }), fc.nat({ max: 40 }), fc.nat({ max: 5 }), (seed, sampleIndex, firstDraw, count, offset) => {
        const out = new Float64Array(offset + count);
        fillUniforms(seed, sampleIndex, 7, out, offset, count, firstDraw);
        for (let k = 0; k < count; k++) expect(out[offset + k]).toBe(uniformAt(seed, sampleIndex, 7, firstDraw + k));
      }),
    );
  });

  it('unitFromWords maps the extreme words strictly inside (0, 1), symmetrically', () => {
    expect(unitFromWords(0, 0)).toBe(2 ** -53);
    expect(unitFromWords(0xffffffff, 0xffffffff)).toBe(1 - 2 ** -53);
    expect(1 - unitFromWords(0xffffffff, 0xffffffff)).toBe(unitFromWords(0, 0));
  });

  it('uniformAt draws along the draw counter pass χ² (100 bins) and KS tests at the 0.001 level, seed 20240611', () => {
    const values = draws(20240611, 3, () => 0, (k) => k);
    expect(chiSquareUniform(histogram(values, 100))).toBeLessThan(CHI_SQUARE_99_AT_0_999);
    expect(kolmogorovSmirnovUniform(values)).toBeLessThan(kolmogorovSmirnovCritical(SAMPLES));
  });

  it('uniformAt draws across sample indices pass χ² and KS tests at the 0.001 level, seed 7', () => {
    const values = draws(7, 1, (k) => k, () => 0);
    expect(chiSquareUniform(histogram(values, 100))).toBeLessThan(CHI_SQUARE_99_AT_0_999);
    expect(kolmogorovSmirnovUniform(values)).toBeLessThan(kolmogorovSmirnovCritical(SAMPLES));
  });

  it('uniformAt streams, neighbouring seeds and consecutive draws are independent: pairs fill a 10×10 grid evenly', () => {
    const pairs: [string, (k: number) => [number, number]][] = [
      ['streams 1 and 2', (k) => [uniformAt(11, k, 1, 0), uniformAt(11, k, 2, 0)]],
      ['seeds 11 and 12', (k) => [uniformAt(11, k, 1, 0), uniformAt(12, k, 1, 0)]],
      ['draws 0 and 1', (k) => [uniformAt(11, k, 1, 0), uniformAt(11, k, 1, 1)]],
      ['samples k and k + 1', (k) => [uniformAt(11, k, 1, 0), uniformAt(11, k + 1, 1, 0)]],
    ];
    for (const [name, pair] of pairs) {
      const counts = new Uint32Array(100);
      let product = 0;
      for (let k = 0; k < SAMPLES; k++) {
        const [x, y] = pair(k);
        counts[Math.floor(x * 10) * 10 + Math.floor(y * 10)]++;
        product += (x - 0.5) * (y - 0.5);
      }
      // Correlation of independent uniforms: mean of 12(x − ½)(y − ½) has sd 1/√n; 3.3 sd is the 0.001 level.
      expect(Math.abs((12 * product) / SAMPLES), name).toBeLessThan(3.3 / Math.sqrt(SAMPLES));
      expect(chiSquareUniform(counts), name).toBeLessThan(CHI_SQUARE_99_AT_0_999);
    }
  });
});

describe('checkSeed', () => {
  it('checkSeed accepts integers in [0, 2^53 − 1] and names the option otherwise', () => {
    expect(checkSeed(0)).toBe(0);
    expect(checkSeed(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of [-1, 0.5, 2 ** 53, NaN]) {
      expect(() => checkSeed(bad, 'sweep.seed')).toThrow(OptionsError);
      expect(() => checkSeed(bad, 'sweep.seed')).toThrow(/^options\.sweep\.seed must be an integer/);
    }
  });
});
