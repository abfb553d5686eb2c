import { workerData } from 'node:worker_threads';
import { batchHandler } from '../pool/batchWorker.js';
import { sampleRunner, type SweepWorkerData } from './sampleRunner.js';

/** The worker thread of a model sweep: compiles the model once, when the thread starts, then evaluates batches. */
export default batchHandler(sampleRunner(workerData as SweepWorkerData));
