/**
 * Composite indices of cities (OECD/JRC Handbook, Nardo et al. 2008): an index file is loaded
 * (loadIndexFromText), its model values resolved (resolveModelValues), laid out (indexData) and
 * computed for one set of choices (computeIndex) or over a Monte Carlo of choices
 * (rankUncertainty). Files are read and written by cli/index.
 */
export { AGGREGATIONS, DEFAULT_METHOD, IMPUTATIONS, NORMALISATIONS, WEIGHTINGS, type Aggregation, type Imputation, type IndexMethod, type Normalisation, type Weighting } from './indexMethod.js';
export type { CitySpec, CityValue, DimensionSpec, IndexSpec, IndicatorSpec, ModelSeriesRef, SourceSpec, UncertaintySettings, ValueUncertainty } from './indexSpec.js';
export { loadIndexFromText, type IndexOverrides } from './loadIndex.js';
export { indexJsonSchema } from './indexJsonSchema.js';
export { resolveModelValues, type ModelLoader } from './modelValues.js';
export { indexData, type IndexData } from './indexData.js';
export { computeIndex, type IndexDraw, type IndexResult } from './computeIndex.js';
export { compensation, type Compensation, type RankReversal } from './compensation.js';
export { normaliseColumn, SCALE_MAX, SCALE_MIN } from './normalise.js';
export { indexWeights, type IndexWeights } from './weights.js';
export { weightedMean } from './aggregate.js';
export { imputeColumn } from './impute.js';
export { competitionRanks } from './ranks.js';
export { rankUncertainty, type RankUncertainty, type UncertaintyOptions } from './rankUncertainty.js';
export { meanRankShift } from './rankShift.js';
export { INDEX_FACTORS, type IndexFactor } from './uncertaintyFactors.js';
