import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { meanRankShift, rankUncertainty, type RankUncertainty } from '../../../engine/index/index.js';
import { reversalIndex } from './indexHelpers.js';

const bytes = (array: Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
const arrays = (result: RankUncertainty) => [result.medianRank, result.meanRank, result.rankP05, result.rankP95, result.rankProbability, result.sobol.first, result.sobol.total, result.sobol.firstLow, result.sobol.totalHigh];

describe('rankUncertainty', () => {
  const { spec, data } = reversalIndex();

  it('rankUncertainty gives bit-identical results for 1, 2 and 3 threads and any batch size', async () => {
    const reference = await rankUncertainty(data, spec.method, spec.uncertainty, { threads: 1 });
    for (const options of [{ threads: 1, batchSize: 5 }, { threads: 2, batchSize: 7 }, { threads: 3, batchSize: 64 }]) {
      const other = await rankUncertainty(data, spec.method, spec.uncertainty, options);
      arrays(other).forEach((array, k) => expect(bytes(array).equals(bytes(arrays(reference)[k]))).toBe(true));
    }
  });

  it('rankUncertainty is a function of the seed: the same seed repeats, another one differs', async () => {
    const first = await rankUncertainty(data, spec.method, spec.uncertainty);
    const again = await rankUncertainty(data, spec.method, spec.uncertainty);
    const other = await rankUncertainty(data, spec.method, { ...spec.uncertainty, seed: 4 });
    expect(bytes(again.sobol.total).equals(bytes(first.sobol.total))).toBe(true);
    expect(bytes(other.sobol.total).equals(bytes(first.sobol.total))).toBe(false);
  });

  it('rankUncertainty gives each city a distribution of ranks: probabilities summing to 1, percentiles in order', async () => {
    const result = await rankUncertainty(data, spec.method, spec.uncertainty);
    const cities = data.cities.length;
    expect(result.factors).toEqual(['normalisation', 'aggregation', 'weights', 'values']);
    expect(result.runs).toBe(64 * (4 + 2));
    expect(result.draws).toBe(128);
    for (let c = 0; c < cities; c++) {
      const probabilities = Array.from(result.rankProbability.subarray(c * cities, (c + 1) * cities));
      expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
      probabilities.forEach((p) => expect(Number.isInteger(p * result.draws)).toBe(true));
      expect(result.rankP05[c]).toBeLessThanOrEqual(result.medianRank[c]);
      expect(result.medianRank[c]).toBeLessThanOrEqual(result.rankP95[c]);
    }
  });

  it('rankUncertainty shows the compensation: the aggregation moves A and B, and no choice moves D much', async () => {
    const result = await rankUncertainty(data, spec.method, spec.uncertainty);
    const d = result.factors.length;
    const aggregation = result.factors.indexOf('aggregation');
    const total = (city: number, factor: number) => result.sobol.total[city * d + factor];
    // A and B swap places between the means (arithmetic A B, geometric B A).
    expect(total(0, aggregation)).toBeGreaterThan(0.2);
    expect(total(1, aggregation)).toBeGreaterThan(0.2);
    expect(result.rankProbability[0 * 4 + 0]).toBeGreaterThan(0.2);
    expect(result.rankProbability[1 * 4 + 0]).toBeGreaterThan(0.2);
    // D is last unless its value draw lifts it above C.
    expect(result.medianRank[3]).toBe(4);
  });

  it('rankUncertainty over no choice at all is an OptionsError that says what to vary', async () => {
    const still = { ...spec.uncertainty, normalisations: ['min-max' as const], aggregations: ['arithmetic' as const], weightSpread: 0, values: false };
    await expect(rankUncertainty(data, spec.method, still)).rejects.toThrow(OptionsError);
    await expect(rankUncertainty(data, spec.method, still)).rejects.toThrow('options.uncertainty varies nothing');
  });
});

describe('meanRankShift', () => {
  it('meanRankShift weighs each rank\'s distance from the base rank by its probability, and averages over cities', () => {
    // City 1: rank 1 (base) with 0.75, rank 2 with 0.25 → 0.25; city 2: base 2, rank 1 with 0.25 → 0.25.
    const { perCity, average } = meanRankShift(Float64Array.of(0.75, 0.25, 0.25, 0.75), Float64Array.of(1, 2));
    expect(Array.from(perCity)).toEqual([0.25, 0.25]);
    expect(average).toBe(0.25);
  });
});
