import { workerData } from 'node:worker_threads';
import { batchHandler } from '../sweep/pool/batchWorker.js';
import { evaluateDraws } from './evaluateDraws.js';
import type { DrawSetup } from './uncertaintyFactors.js';

/** A worker thread of an index's uncertainty analysis: evaluates batches of design rows. */
const setup = workerData as DrawSetup;

export default batchHandler((task) => evaluateDraws(setup, task));
