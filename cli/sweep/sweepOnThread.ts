import { WORKER_LIMITS } from '../../engine/sweep/pool/runBatches.js';
import { startWorker } from '../../engine/sweep/pool/workerEntry.js';
import { reportFailure } from '../failure.js';
import type { SweepProgress } from './executeSweep.js';
import type { SweepFlags, SweepOutput } from './sweepWithFlags.js';

/** What the sweep's thread tells the main thread, in order, on one port. */
export type SweepThreadMessage =
  | { readonly kind: 'progress'; readonly progress: SweepProgress }
  | { readonly kind: 'progress-done' }
  | { readonly kind: 'stdout' | 'stderr'; readonly text: string }
  | { readonly kind: 'exit'; readonly code: number };

export interface SweepThread {
  /** Stop cleanly: the running batches finish and are kept (the sweep's own abort). */
  abort(): void;
  /** The exit code, once the thread has ended. */
  readonly exitCode: Promise<number>;
}

/**
 * Runs `metabolis sweep` on a thread of its own, with the same capped young generation as the pool's
 * workers, and relays its progress and text to `output`. The thread that coordinates a sweep
 * receives every batch and writes every Parquet part; on the main thread, V8 let its young
 * generation grow to its default of up to 16 MiB semi-spaces, most of it garbage at any moment
 * (40,000-run sweeps of the reference city on two threads, coordinated on the main thread: peak
 * 294–299 MiB and mean 239–249 MiB with V8's default, 212–238 and 183–194 MiB with
 * `--max-semi-space-size=2`). A young generation can be sized only when a thread starts, hence the
 * thread. The main thread keeps what must be there: signals and the terminal.
 */
export function startSweepThread(path: string, flags: SweepFlags, output: SweepOutput): SweepThread {
  const thread = startWorker(new URL('./sweepThread.js', import.meta.url), { workerData: { path, flags }, resourceLimits: WORKER_LIMITS });
  let code: number | undefined;
  thread.on('message', (message: SweepThreadMessage) => {
    switch (message.kind) {
      case 'progress':
        return output.progress(message.progress);
      case 'progress-done':
        return output.progressDone();
      case 'stdout':
        return output.stdout(message.text);
      case 'stderr':
        return output.stderr(message.text);
      case 'exit':
        code = message.code;
    }
  });
  let failure: unknown;
  thread.on('error', (error) => (failure = error));
  const exitCode = new Promise<number>((resolve) => {
    thread.on('exit', () => {
      if (code !== undefined) resolve(code);
      // The thread died before it could say how it ended (out of memory, a bug in loading it).
      else resolve(reportFailure(failure ?? new Error('the sweep thread ended without a result'), output.stderr));
    });
  });
  return { abort: () => thread.postMessage('abort'), exitCode };
}
