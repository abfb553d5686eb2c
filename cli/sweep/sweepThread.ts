/**
 * The thread `metabolis sweep` runs on (see sweepOnThread.ts): runs the sweep with the flags it is
 * given and posts everything it would print, then its exit code, to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { reportFailure } from '../failure.js';
import type { SweepThreadMessage } from './sweepOnThread.js';
import { sweepWithFlags, type SweepFlags } from './sweepWithFlags.js';

const port = parentPort!;
const { path, flags } = workerData as { path: string; flags: SweepFlags };
const post = (message: SweepThreadMessage) => port.postMessage(message);
const controller = new AbortController();
port.on('message', (message: unknown) => {
  if (message === 'abort') controller.abort();
});

async function sweepThread(): Promise<number> {
  try {
    return await sweepWithFlags(path, flags, controller.signal, {
      progress: (progress) => post({ kind: 'progress', progress }),
      progressDone: () => post({ kind: 'progress-done' }),
      stdout: (text) => post({ kind: 'stdout', text }),
      stderr: (text) => post({ kind: 'stderr', text }),
    });
  } catch (error) {
    return reportFailure(error, (text) => post({ kind: 'stderr', text }));
  }
}

// Not a top-level await: from source, this file is required (see startWorker).
void sweepThread().then((code) => {
  post({ kind: 'exit', code });
  // Nothing else holds the thread: letting go of the port lets it end.
  port.close();
});
