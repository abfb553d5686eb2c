/**
 * metabolis: dynamic material-flow analysis for cities. The public API:
 *
 *   const definition = loadModel('models/singapore/model.yaml'); // parse, validate, read data
 *   const model = compile(definition);                           // once
 *   const solution = run(model, { scenario: 'zero-waste' });     // many times
 *   const peaks = solutionPeaks(solution);
 */
export { loadModel } from './definition/loadModelFile.js';
export { loadModelFromText, type LoadOptions } from './definition/loadModel.js';
export type * from './definition/types.js';
export { compile } from './compile/compileModel.js';
export type { CompiledModel } from './compile/compiledModel.js';
export { run, type RunOptions } from './simulate/run.js';
export type * from './simulate/solution.js';
export { findPeak, type Peak } from './analysis/peaks.js';
export { solutionPeaks, type SeriesPeak } from './analysis/solutionPeaks.js';
export { tidyTable, type TidyTable } from './analysis/tidyTable.js';
export { ModelError, OptionsError, type SourceLocation } from './errors.js';
export { loadSweepFromText, resolveSweep, modelSweepJob, runBatches, type SweepSpec, type SweepJob } from './sweep/index.js';
export * as designs from './sweep/design/index.js';
export * as estimators from './sweep/estimators/index.js';
export * as indices from './index/index.js';
export { compileObservations } from './observations/compileObservations.js';
export { observationFit, type ObservedSeriesFit } from './observations/observationFit.js';
export { reconcileModel, type ModelReconciliation, type ModelReconciliationOptions } from './observations/reconcileModel.js';
export { fitParameters, type FitOptions, type ParameterFit } from './calibrate/fitParameters.js';
