import { ModelError, type SourceLocation } from '../errors.js';
import type { Weighting } from './indexMethod.js';
import type { IndexData } from './indexData.js';

export interface IndexWeights {
  /** Per indicator, summing to 1 over the indicators kept (0 for one dropped). */
  readonly indicators: Float64Array;
  /** Per dimension: the sum of its indicators' weights (0 for a dimension with none kept). */
  readonly dimensions: Float64Array;
}

/**
 * The weight of every indicator kept, normalised to sum 1 (OECD/JRC Handbook, step 6).
 *   equal:  1/K for each of the K indicators kept;
 *   nested: dimension weight (1 unless given) × indicator weight (1 unless given) / the sum of the
 *           indicator weights of its dimension, then normalised over the dimensions kept;
 *   given:  the indicators' own weights, normalised.
 * `factors` (indicators first, then dimensions) multiply the weights before normalising: the
 * uncertainty analysis draws them around 1. With nested weights, the dimension score is the
 * aggregate of its indicators weighted w_i / W_d and the index the aggregate of the dimension
 * scores weighted W_d, which for both the arithmetic and the geometric mean equals the aggregate
 * of all indicators weighted w_i. Weights that sum to 0 cannot be normalised: a ModelError.
 */
export function indexWeights(data: IndexData, kept: readonly boolean[], weighting: Weighting, at: (path: string) => SourceLocation, factors?: Float64Array): IndexWeights {
  const indicatorCount = data.indicators.length;
  const indicators = new Float64Array(indicatorCount);
  const dimensions = new Float64Array(data.dimensions.length);
  const factor = (k: number) => (factors === undefined ? 1 : factors[k]);
  if (weighting === 'nested') {
    const within = new Float64Array(data.dimensions.length);
    data.indicators.forEach((indicator, i) => {
      if (!kept[i]) return;
      indicators[i] = (indicator.weight ?? 1) * factor(i);
      within[indicator.dimension] += indicators[i];
    });
    data.dimensions.forEach((dimension, d) => {
      if (!data.indicators.some((indicator, i) => kept[i] && indicator.dimension === d)) return;
      if (within[d] === 0) throw weightsError(`the indicators of dimension ${dimension.id} all weigh 0`, at(dimension.path), 'give one of its indicators a weight above 0, or remove the dimension');
      dimensions[d] = (dimension.weight ?? 1) * factor(indicatorCount + d);
    });
    data.indicators.forEach((indicator, i) => {
      if (kept[i]) indicators[i] = (indicators[i] / within[indicator.dimension]) * dimensions[indicator.dimension];
    });
  } else {
    data.indicators.forEach((indicator, i) => {
      if (kept[i]) indicators[i] = (weighting === 'equal' ? 1 : indicator.weight!) * factor(i);
    });
  }
  const total = indicators.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0 && Number.isFinite(total))) throw weightsError(`the weights sum to ${total}`, at('dimensions'), 'give at least one dimension and indicator kept a weight above 0');
  dimensions.fill(0);
  data.indicators.forEach((indicator, i) => {
    indicators[i] /= total;
    dimensions[indicator.dimension] += indicators[i];
  });
  return { indicators, dimensions };
}

function weightsError(problem: string, at: SourceLocation, hint: string): ModelError {
  return new ModelError(`invalid weights: ${problem}, so they cannot be normalised`, at, hint);
}
