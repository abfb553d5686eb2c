import { Piscina } from 'piscina';
import type { BatchOutcome, BatchTask } from './batch.js';

type Movable = Parameters<typeof Piscina.move>[0];

/**
 * Turns a function that evaluates one batch into a piscina task handler whose result travels back
 * by transfer: piscina moves the buffers listed under its transferable symbol instead of cloning
 * them. A worker module does `export default batchHandler(evaluate)`.
 */
export function batchHandler(evaluate: (task: BatchTask) => BatchOutcome): (task: BatchTask) => unknown {
  return (task) => {
    const outcome = evaluate(task);
    const transferable = {
      [Piscina.transferableSymbol]: [outcome.outputs.buffer, outcome.status.buffer],
      [Piscina.valueSymbol]: outcome,
    };
    return Piscina.move(transferable as unknown as Movable);
  };
}
