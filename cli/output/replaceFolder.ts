import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { UsageError } from '../failure.js';

/**
 * A results folder holds the files of one run and nothing else. `metabolis run` writes into a
 * fresh folder beside the target and, once every file is written, puts it in place of the target:
 * no earlier run's files survive next to the new ones (a `plot` of the folder would draw them
 * under the new run's title), and an interrupted run leaves the earlier folder as it was.
 *
 * Replacing an earlier run takes `overwrite`; a folder that holds anything other than a run of
 * metabolis is never replaced, whatever the flags: it may be the user's own files.
 */
export async function replaceFolder(target: string, overwrite: boolean, write: (folder: string) => Promise<string[]>): Promise<string[]> {
  checkReplaceable(target, overwrite);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.writing-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging);
  let written: string[];
  try {
    written = await write(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (isFolder(target)) {
    const retired = join(parent, `.${basename(target)}.replaced-${randomBytes(4).toString('hex')}`);
    renameSync(target, retired);
    renameSync(staging, target);
    rmSync(retired, { recursive: true, force: true });
  } else {
    renameSync(staging, target);
  }
  return written.map((path) => join(target, relative(staging, path)));
}

function checkReplaceable(target: string, overwrite: boolean): void {
  let entries: string[];
  try {
    if (!statSync(target).isDirectory()) throw new UsageError(`--out ${target} is a file, not a folder; choose a folder for the results`);
    entries = readdirSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length === 0) return;
  const earlier = earlierRun(target);
  if (earlier === undefined) {
    throw new UsageError(`--out ${target} holds files that are not the results of a metabolis run (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); choose a new or empty folder`);
  }
  if (!overwrite) {
    throw new UsageError(`--out ${target} holds an earlier run (${earlier}); add --overwrite to replace it, or choose another folder`);
  }
}

/** "model X, scenario Y" (or "index X") when the folder's summary.json says it is a run of metabolis. */
function earlierRun(folder: string): string | undefined {
  try {
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8')) as { kind?: unknown; model?: unknown; scenario?: unknown; status?: unknown };
    if (typeof summary.model !== 'string' || typeof summary.status !== 'string') return undefined;
    if (summary.kind === 'index') return `index ${summary.model}`;
    return `model ${summary.model}, ${typeof summary.scenario === 'string' ? `scenario ${summary.scenario}` : 'the base model'}`;
  } catch {
    return undefined;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
