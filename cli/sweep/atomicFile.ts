import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file under a temporary name in the same folder and renames it into place: a reader (a
 * resumed sweep, a merge, another array task) sees the old file or the whole new one, never half.
 */
export function writeAtomically(path: string, write: (temporary: string) => void): void {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    write(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function writeTextAtomically(path: string, text: string): void {
  writeAtomically(path, (temporary) => writeFileSync(temporary, text));
}
