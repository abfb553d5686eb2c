import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes files into a folder (made if need be) and keeps the paths written, in order. */
export function folderWriter(directory: string): { write: (name: string, text: string) => void; written: string[] } {
  mkdirSync(directory, { recursive: true });
  const written: string[] = [];
  return {
    write(name, text) {
      const path = join(directory, name);
      writeFileSync(path, text);
      written.push(path);
    },
    written,
  };
}
