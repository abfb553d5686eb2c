import { locate } from '../definition/locate.js';
import { weightedMean } from './aggregate.js';
import { imputeColumn } from './impute.js';
import type { IndexData } from './indexData.js';
import { missingTargetError, missingValueError, missingWeightError, nonPositiveError } from './indexErrors.js';
import type { Imputation, IndexMethod } from './indexMethod.js';
import { normaliseColumn } from './normalise.js';
import { competitionRanks } from './ranks.js';
import { indexWeights } from './weights.js';

/** What one draw of the uncertainty analysis changes; a deterministic computation changes nothing. */
export interface IndexDraw {
  /** Replaces data.values (same layout; NaN where missing). */
  readonly values?: Float64Array;
  /** Multiply the weights: one per indicator, then one per dimension. */
  readonly weightFactors?: Float64Array;
  /** Replaces the declared imputation of every indicator with missing values. */
  readonly imputation?: Imputation;
}

/** Every table of one computation, indicator-major [indicator · cities + city] and dimension-major likewise. */
export interface IndexResult {
  readonly method: IndexMethod;
  /** Per indicator: false when dropped for its missing values (drop-indicator). */
  readonly kept: readonly boolean[];
  /** Values after imputation (NaN for an indicator dropped). */
  readonly filled: Float64Array;
  /** 1 where a value was imputed. */
  readonly imputed: Uint8Array;
  readonly normalised: Float64Array;
  readonly weights: Float64Array;
  readonly dimensionWeights: Float64Array;
  /** NaN for a dimension with no indicator kept. */
  readonly dimensionScores: Float64Array;
  readonly dimensionRanks: Float64Array;
  readonly scores: Float64Array;
  /** 1 for the highest score. */
  readonly ranks: Float64Array;
}

/**
 * The composite index for one set of choices: impute, weight, normalise, aggregate each dimension
 * and then the dimensions, rank. Pure; mistakes the data meets under these choices (a missing
 * value with no imputation, no target, no weight, a non-positive value under the geometric mean)
 * are ModelErrors at their place in the index file.
 */
export function computeIndex(data: IndexData, method: IndexMethod, draw: IndexDraw = {}): IndexResult {
  const cityCount = data.cities.length;
  const indicatorCount = data.indicators.length;
  const dimensionCount = data.dimensions.length;
  const at = (path: string) => locate(data, path);
  const source = draw.values ?? data.values;
  const filled = new Float64Array(source);
  const imputed = new Uint8Array(filled.length);
  const kept = data.indicators.map((indicator, i) => {
    const column = filled.subarray(i * cityCount, (i + 1) * cityCount);
    const missing = column.findIndex((value) => Number.isNaN(value));
    if (missing < 0) return true;
    const rule = draw.imputation ?? indicator.imputation ?? method.imputation;
    if (rule === 'none') throw missingValueError(at(indicator.valuePaths[missing]), data.cities[missing], indicator.id);
    for (let c = 0; c < cityCount; c++) imputed[i * cityCount + c] = Number.isNaN(column[c]) ? 1 : 0;
    if (imputeColumn(column, rule)) return true;
    column.fill(NaN);
    imputed.fill(0, i * cityCount, (i + 1) * cityCount);
    return false;
  });
  if (method.weights === 'given') {
    const unweighted = data.indicators.find((indicator) => indicator.weight === undefined);
    if (unweighted) throw missingWeightError(at(unweighted.path), unweighted.id);
  }
  const weights = indexWeights(data, kept, method.weights, at, draw.weightFactors);

  const normalised = new Float64Array(filled.length).fill(NaN);
  data.indicators.forEach((indicator, i) => {
    if (!kept[i]) return;
    if (method.normalisation === 'distance-to-target' && indicator.target === undefined) throw missingTargetError(at(indicator.path), indicator.id);
    const range = [i * cityCount, (i + 1) * cityCount] as const;
    normaliseColumn(filled.subarray(...range), indicator.higherIsBetter, indicator.target, method.normalisation, normalised.subarray(...range));
  });

  const offender = new Int32Array(1);
  const dimensionScores = new Float64Array(dimensionCount * cityCount).fill(NaN);
  const scores = new Float64Array(cityCount);
  const cityValues = new Float64Array(indicatorCount);
  const within = new Float64Array(indicatorCount);
  const dimensionValues = new Float64Array(dimensionCount);
  for (let c = 0; c < cityCount; c++) {
    for (let i = 0; i < indicatorCount; i++) cityValues[i] = normalised[i * cityCount + c];
    for (let d = 0; d < dimensionCount; d++) {
      const dimensionWeight = weights.dimensions[d];
      if (dimensionWeight === 0 && !data.indicators.some((indicator, i) => kept[i] && indicator.dimension === d)) continue;
      data.indicators.forEach((indicator, i) => {
        within[i] = indicator.dimension === d && kept[i] ? (dimensionWeight === 0 ? 1 : weights.indicators[i] / dimensionWeight) : 0;
      });
      const sum = within.reduce((total, weight) => total + weight, 0);
      for (let i = 0; i < indicatorCount; i++) within[i] /= sum;
      dimensionScores[d * cityCount + c] = weightedMean(cityValues, within, method.aggregation, offender);
      if (offender[0] >= 0) {
        const indicator = data.indicators[offender[0]];
        throw nonPositiveError(at(indicator.valuePaths[c]), data.cities[c], indicator.id, method.normalisation, cityValues[offender[0]]);
      }
      dimensionValues[d] = dimensionScores[d * cityCount + c];
    }
    scores[c] = weightedMean(dimensionValues, weights.dimensions, method.aggregation, offender);
  }

  const dimensionRanks = new Float64Array(dimensionCount * cityCount);
  for (let d = 0; d < dimensionCount; d++) {
    const range = [d * cityCount, (d + 1) * cityCount] as const;
    competitionRanks(dimensionScores.subarray(...range), dimensionRanks.subarray(...range));
  }
  return {
    method,
    kept,
    filled,
    imputed,
    normalised,
    weights: weights.indicators,
    dimensionWeights: weights.dimensions,
    dimensionScores,
    dimensionRanks,
    scores,
    ranks: competitionRanks(scores, new Float64Array(cityCount)),
  };
}
