export { solutionSankeyInput, solutionSankeyInputs, type ProcessLook, type SolutionSankeyOptions } from './solutionSankey.js';
export { solutionWastePeakInput, wastePeakSeries, type SolutionWastePeakOptions } from './solutionWastePeak.js';
export { solutionTimeSeriesInput, type SolutionTimeSeriesOptions } from './solutionTimeSeries.js';
export { wasteGenerationSeries } from './wasteGeneration.js';
export { SERIES_KINDS, type ResolvedSeries, type SeriesRef } from './seriesRef.js';
export { sameScaleSankeys } from './sameScale.js';
export { tableRun, type SavedRun, type SavedRunFacts } from './tableRun.js';
export type { RunSeries } from './runSeries.js';
export { displayName, type FlowLook } from './displayName.js';
