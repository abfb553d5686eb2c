import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { readManifest } from '../../cli/sweep/manifest.js';
import { openSweep } from '../../cli/sweep/openSweep.js';
import { standInJob } from '../fixtures/sweeps/standIn/standInJob.js';
import { expectSameFiles, folderBytes } from './folderBytes.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixtures = fileURLToPath(new URL('../fixtures/sweeps/', import.meta.url));

/** Starts `node --import tsx <script> …args` and resolves with its exit code and signal once `until` holds (polled) and `act` has been done to it. */
function runUntil(script: string, args: string[], until: (stderr: string) => boolean, act: (pid: number) => void, timeoutMs = 60_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let acted = false;
    const poll = setInterval(() => {
      if (!acted && until(stderr)) {
        acted = true;
        act(child.pid!);
      }
    }, 20);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal, stdout });
    });
  });
}

const partsWritten = (folder: string) => (existsSync(join(folder, 'manifest.json')) ? (JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { parts: unknown[] }).parts.length : 0);

describe('interrupted sweeps', () => {
  it('executeSweep killed outright keeps its finished parts, and --resume completes the same files', async () => {
    const runs = 64;
    const reference = join(scratch, 'reference');
    await executeSweep(standInJob({ runs }), { out: reference, partSize: 8, threads: 2, batchSize: 5 });
    const folder = join(scratch, 'killed');
    const killed = await runUntil(join(fixtures, 'standIn/runStandIn.ts'), [folder, String(runs)], () => partsWritten(folder) >= 2, (pid) => process.kill(pid, 'SIGKILL'));
    expect(killed.signal).toBe('SIGKILL');
    const kept = readManifest(folder);
    expect(kept.complete).toBe(false);
    expect(kept.parts.length).toBeGreaterThanOrEqual(2);
    expect(kept.parts.length).toBeLessThan(8);
    const resumed = await executeSweep(standInJob({ runs }), { out: folder, partSize: 8, threads: 1, batchSize: 3, resume: true });
    expect(resumed.complete).toBe(true);
    expect(expectSameFiles(folderBytes(folder), folderBytes(reference))).toEqual([]);
  });

  it('metabolis sweep stopped by Ctrl-C exits 130 and keeps its runs; --resume finishes with the files of an uninterrupted run', async () => {
    const cli = join(fixtures, 'sweepCli.ts');
    const sweep = join(fixtures, 'tiny/sweep.yaml');
    const folder = join(scratch, 'ctrl-c');
    const flags = ['--n', '1000', '--threads', '2', '--batch-size', '20', '--out', folder];
    // Without a terminal, progress comes as a line per tenth of the work: stop at the first one past 0%.
    const stopped = await runUntil(cli, ['sweep', sweep, ...flags], (stderr) => /\n *[1-9]\d?% /.test(stderr), (pid) => process.kill(pid, 'SIGINT'));
    expect(stopped.code).toBe(130);
    const kept = Number(/^interrupted: (\d+) of 10000 runs kept/.exec(stopped.stdout)?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(10000);
    expect(existsSync(join(folder, '.partial'))).toBe(true);
    const resumed = await runUntil(cli, ['sweep', sweep, ...flags, '--resume'], () => false, () => undefined);
    expect(resumed.code).toBe(0);
    const reference = join(scratch, 'ctrl-c-reference');
    await executeSweep(openSweep(sweep, { n: 1000 }).job, { out: reference, threads: 1, batchSize: 333 });
    expect(expectSameFiles(folderBytes(folder), folderBytes(reference))).toEqual([]);
  });
});
