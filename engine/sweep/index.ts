/**
 * Sweeps: a model run many times over a design of parameter and driver values. A sweep file is
 * loaded (loadSweepFromText), checked against the compiled model (resolveSweep) and made a job
 * (modelSweepJob); runBatches executes any job on a piscina pool. Designs and estimators have
 * their own entries (./design/index.js, ./estimators/index.js); files are written by cli/sweep.
 */
export { SAMPLE_STATUSES, statusCode, type OutputColumn, type OutputStatistic, type SampleStatus, type SweepJob, type WorkerSpec } from './sweepJob.js';
export { loadSweepFromText, type SweepOverrides } from './spec/loadSweep.js';
export { SAMPLERS, type FactorSpec, type OutputSpec, type SamplerName, type SweepSpec } from './spec/sweepSpec.js';
export { designWarnings } from './spec/designWarnings.js';
export { resolveSweep, type FactorBinding, type OutputBinding, type ResolvedSweep } from './spec/resolveSweep.js';
export { modelSweepJob } from './job/modelSweepJob.js';
export { modelHash } from './job/modelHash.js';
export { sampleRunner, type SweepWorkerData } from './job/sampleRunner.js';
export { runBatches, type PoolOptions } from './pool/runBatches.js';
export { batchTasks, type RunRange } from './pool/batchTasks.js';
export { batchHandler } from './pool/batchWorker.js';
export type { BatchOutcome, BatchResult, BatchTask } from './pool/batch.js';
export { parseShard, shardFolderName, shardRange, WHOLE_SWEEP, type Shard } from './shard.js';
export { partName, partSize, partsOf, type Part } from './parts.js';
export { addBatch, createPartBuffer, failures, missingRanges, type PartBuffer } from './partBuffer.js';
export { censoredPeaks, PEAK_STATUS, PEAK_STATUS_CODES, peakStatusCode, type RecordedPeakStatus } from './peakStatus.js';
export { addFailureCounts, failureCounts, formatFailureCounts, totalFailures, type FailureCounts } from './failureCounts.js';
export { excludeRuns, summarizeColumns, type ColumnSummary, type ExcludedRuns } from './summary.js';
