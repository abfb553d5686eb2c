import { OptionsError } from '../errors.js';
import { RandomStream } from '../random/streams.js';
import { fillUniforms } from '../random/uniform.js';
import { inverseNormalCdf } from '../sweep/design/inverseNormal.js';
import type { IndexDraw } from './computeIndex.js';
import { SPREAD_NORMAL, SPREAD_UNIFORM, type IndexData } from './indexData.js';
import type { IndexMethod } from './indexMethod.js';
import type { UncertaintySettings } from './indexSpec.js';

/** The choices the uncertainty analysis varies, each one factor of the Saltelli design. */
export const INDEX_FACTORS = ['normalisation', 'aggregation', 'weights', 'imputation', 'values'] as const;
export type IndexFactor = (typeof INDEX_FACTORS)[number];

/** What every draw starts from: plain data, cloned into each worker thread once. */
export interface DrawSetup {
  readonly data: IndexData;
  readonly method: IndexMethod;
  readonly settings: UncertaintySettings;
  /** The factors varied, in design column order. */
  readonly factors: readonly IndexFactor[];
}

const TWO_POW_32 = 2 ** 32;

/**
 * The factors worth varying: a choice with more than one option, weights when they spread,
 * imputation when a value is missing, values when one has an uncertainty. Throws OptionsError
 * when nothing varies.
 */
export function drawSetup(data: IndexData, method: IndexMethod, settings: UncertaintySettings): DrawSetup {
  const hasMissing = data.values.some((value) => Number.isNaN(value));
  const varies: Record<IndexFactor, boolean> = {
    normalisation: settings.normalisations.length > 1,
    aggregation: settings.aggregations.length > 1,
    weights: settings.weightSpread > 0,
    imputation: hasMissing && settings.imputations.length > 1,
    values: settings.values && data.spreadKind.some((kind) => kind !== 0),
  };
  const factors = INDEX_FACTORS.filter((factor) => varies[factor]);
  if (factors.length === 0) throw new OptionsError('uncertainty', 'varies nothing: list more than one normalisation or aggregation, spread the weights, or give values an uncertainty');
  return { data, method, settings, factors };
}

/**
 * One draw from a row of the design (coordinates in (0, 1), one per factor). A choice among m
 * options takes option ⌊u·m⌋. Weights and values are many numbers but one factor each, so that
 * the Sobol' indices answer "how much do the weights matter" rather than one weight at a time:
 * the coordinate u names one realisation, k = ⌊u·2^32⌋, and each weight factor is
 * 1 + spread·(2v − 1) and each value its normal or uniform draw, with v draw j of
 * (seed, k) in the stream of weights or of values. A row's draw depends on the row alone, so
 * results are the same for any batch or thread.
 */
export function decodeDraw(setup: DrawSetup, row: Float64Array, offset: number): { method: IndexMethod; draw: IndexDraw } {
  const { data, settings } = setup;
  let method = setup.method;
  const draw: { values?: Float64Array; weightFactors?: Float64Array; imputation?: IndexDraw['imputation'] } = {};
  setup.factors.forEach((factor, f) => {
    const u = row[offset + f];
    const pick = <T>(options: readonly T[]) => options[Math.min(options.length - 1, Math.floor(u * options.length))];
    const key = Math.floor(u * TWO_POW_32);
    if (factor === 'normalisation') method = { ...method, normalisation: pick(settings.normalisations) };
    else if (factor === 'aggregation') method = { ...method, aggregation: pick(settings.aggregations) };
    else if (factor === 'imputation') draw.imputation = pick(settings.imputations);
    else if (factor === 'weights') {
      const factors = new Float64Array(data.indicators.length + data.dimensions.length);
      fillUniforms(settings.seed, key, RandomStream.indexWeights, factors);
      for (let k = 0; k < factors.length; k++) factors[k] = 1 + settings.weightSpread * (2 * factors[k] - 1);
      draw.weightFactors = factors;
    } else {
      const values = new Float64Array(data.values.length);
      fillUniforms(settings.seed, key, RandomStream.indexValues, values);
      for (let k = 0; k < values.length; k++) {
        const kind = data.spreadKind[k];
        const v = values[k];
        values[k] = kind === SPREAD_NORMAL ? data.values[k] + data.spreadA[k] * inverseNormalCdf(v) : kind === SPREAD_UNIFORM ? data.spreadA[k] + (data.spreadB[k] - data.spreadA[k]) * v : data.values[k];
      }
      draw.values = values;
    }
  });
  return { method, draw };
}
