import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FuzzCase, FuzzOutcome } from './fuzzProcess.js';

export type RunnerOutcome = FuzzOutcome | { readonly index: number; readonly outcome: 'hang' | 'crash'; readonly message: string };

/**
 * Runs the cases one by one in a child process (through tsx, as the test itself runs through
 * vitest). A case that has not ended by `deadlineMs` is a hang, and one that ends the process
 * (an abort, a signal, memory exhausted) a crash: either way the process is replaced for the
 * next case, and the outcome names the case.
 */
export async function runCases(cases: readonly FuzzCase[], deadlineMs: number): Promise<RunnerOutcome[]> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const entry = fileURLToPath(new URL('./fuzzProcess.ts', import.meta.url));
  let child: ChildProcess | undefined;
  const outcomes: RunnerOutcome[] = [];
  for (const fuzz of cases) {
    child ??= fork(entry, { execArgv: ['--import', tsx, '--max-old-space-size=1024'], serialization: 'advanced', stdio: 'ignore' });
    const current = child;
    let onMessage: ((result: FuzzOutcome) => void) | undefined;
    let onExit: ((code: number | null, signal: string | null) => void) | undefined;
    const outcome = await new Promise<RunnerOutcome>((resolve) => {
      const timer = setTimeout(() => resolve({ index: fuzz.index, outcome: 'hang', message: `no answer in ${deadlineMs} ms` }), deadlineMs);
      onMessage = (result) => {
        clearTimeout(timer);
        resolve(result);
      };
      onExit = (code, signal) => {
        clearTimeout(timer);
        resolve({ index: fuzz.index, outcome: 'crash', message: `the process ended (code ${code}, signal ${signal})` });
      };
      current.on('message', onMessage).on('exit', onExit);
      current.send(fuzz);
    });
    current.off('message', onMessage!).off('exit', onExit!);
    if (outcome.outcome === 'hang' || outcome.outcome === 'crash') {
      current.kill('SIGKILL');
      child = undefined;
    }
    outcomes.push(outcome);
  }
  child?.disconnect();
  return outcomes;
}
