import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FuzzCase, FuzzOutcome } from './fuzzWorker.js';

export type RunnerOutcome = FuzzOutcome | { readonly index: number; readonly outcome: 'hang' };

/**
 * Runs the cases one by one in a worker thread. A case that has not ended by `deadlineMs` is a
 * hang: the worker is stopped and the next case starts a new one. The worker imports the
 * TypeScript source through tsx, as the test itself does through vitest.
 */
export async function runCases(cases: readonly FuzzCase[], deadlineMs: number): Promise<RunnerOutcome[]> {
  // tsx's ESM build of its API (the CommonJS one names a file that is not shipped).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./fuzzWorker.ts', import.meta.url).href;
  const script = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  let worker: Worker | undefined;
  const outcomes: RunnerOutcome[] = [];
  for (const fuzz of cases) {
    worker ??= new Worker(script, { eval: true });
    const current = worker;
    let onMessage: ((result: FuzzOutcome) => void) | undefined;
    let onError: ((error: Error) => void) | undefined;
    const outcome = await new Promise<RunnerOutcome>((resolve, reject) => {
      const timer = setTimeout(() => resolve({ index: fuzz.index, outcome: 'hang' }), deadlineMs);
      onMessage = (result) => {
        clearTimeout(timer);
        resolve(result);
      };
      onError = (error) => {
        clearTimeout(timer);
        reject(new Error(`case ${fuzz.index} stopped its worker: ${error.message}`));
      };
      current.on('message', onMessage).on('error', onError);
      current.postMessage(fuzz);
    });
    current.off('message', onMessage!).off('error', onError!);
    if (outcome.outcome === 'hang') {
      await current.terminate();
      worker = undefined;
    }
    outcomes.push(outcome);
  }
  await worker?.terminate();
  return outcomes;
}
