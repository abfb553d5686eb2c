import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '../../dist/cli/main.js');

/**
 * The CLI as a user runs it: the compiled bin (`npm test` builds first), in a child process
 * started in the repository's root, reading only its exit code and output.
 */
export function metabolisBin(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
