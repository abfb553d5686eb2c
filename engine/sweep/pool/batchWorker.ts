import type { BatchOutcome, BatchTask } from './batch.js';

/**
 * Turns a function that evaluates one batch into a piscina task handler. The result travels back
 * copied, not transferred: transferring detaches the worker's buffers, and the first ArrayBuffer
 * detached in a thread makes V8 check every typed-array access of that thread's optimised code
 * for detachment from then on (its "array buffer detaching protector"). That made every run of a
 * worker about a third slower than the same run on the main thread; copying a batch's outputs
 * (16 runs × 69 columns: 9 kB) costs microseconds. A worker module does
 * `export default batchHandler(evaluate)`.
 */
export function batchHandler(evaluate: (task: BatchTask) => BatchOutcome): (task: BatchTask) => BatchOutcome {
  return evaluate;
}
