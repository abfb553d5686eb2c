import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A path inside the repository, whether the benchmark runs from source (benchmarks/) or compiled
 * (dist/benchmarks/): the root is the nearest folder up whose package.json is metabolis's.
 */
export function repoPath(relative: string): string {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'metabolis') return join(folder, relative);
    if (dirname(folder) === folder) throw new Error(`no metabolis package.json above ${fileURLToPath(import.meta.url)}`);
  }
}
