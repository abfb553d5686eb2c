import { fileURLToPath } from 'node:url';

/**
 * Where a worker thread starts. Built, the worker is the `.js` file next to its importer; run
 * from source (tests, tsx), only the `.ts` exists, and the worker needs tsx's loader too, which
 * `--import tsx` registers in the worker thread as it would in a process.
 */
export function workerEntry(file: URL): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = fromSource ? new URL(file.href.replace(/\.js$/, '.ts')) : file;
  return { filename: fileURLToPath(url), execArgv: fromSource ? ['--import', 'tsx'] : [] };
}
