export { sobolIndices, type SobolIndices, type SobolIndicesOptions } from './sobolIndices.js';
export { morrisEffects, type MorrisEffects, type MorrisEffectsOptions } from './morrisEffects.js';
export { DEFAULT_PROBABILITIES, columnQuantiles, sortedQuantile, type ColumnQuantiles } from './quantiles.js';
export { integerHistogram, type IntegerHistogram } from './integerHistogram.js';
export { completeBlocks, keepBlocks } from './completeBlocks.js';
export { splitPeakYears, type PeakYears } from './peakYears.js';
