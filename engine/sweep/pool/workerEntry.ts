import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker thread starts. Built, the worker is the `.js` file next to its importer; run
 * from source (tests, tsx), only the `.ts` exists, and the worker needs tsx's loader too, which
 * `--import` registers in the worker thread as it would in a process. The loader is named by its
 * absolute URL, so workers start whatever the working directory (a Slurm job's is its log folder).
 */
export function workerEntry(file: URL): { filename: string; execArgv: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { filename: fileURLToPath(file), execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename: fileURLToPath(new URL(file.href.replace(/\.js$/, '.ts'))), execArgv: ['--import', tsx] };
}

/**
 * A thread of its own (not one of a piscina pool) that runs `file`: the built .js directly; from
 * source, through requireEntry.cjs, as piscina requires its workers' files.
 */
export function startWorker(file: URL, options: Omit<WorkerOptions, 'execArgv' | 'argv'>): Worker {
  const { filename, execArgv } = workerEntry(file);
  if (execArgv.length === 0) return new Worker(filename, options);
  return new Worker(fileURLToPath(new URL('./requireEntry.cjs', import.meta.url)), { ...options, execArgv, argv: [filename] });
}
