import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../engine/definition/limits.js';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import { HEADER, loadError, modelError } from './loadHelpers.js';

/**
 * A model in its folder and a secret next to that folder:
 *   root/secret.csv           (outside the model's folder)
 *   root/shared/extra.csv     (outside, allowed with a data root)
 *   root/model/model.yaml     (reads data/<file> as named by each test)
 *   root/model/data/population.csv
 */
const root = mkdtempSync(join(tmpdir(), 'metabolis-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folder = join(root, 'model');
mkdirSync(join(folder, 'data'), { recursive: true });
mkdirSync(join(root, 'shared'));
const SECRET = 'year,value\n2020,1\nTOP-SECRET-LINE,1\n';
writeFileSync(join(root, 'secret.csv'), SECRET);
writeFileSync(join(root, 'shared', 'extra.csv'), 'year,value\n2020,1\n2030,2\n');
writeFileSync(join(folder, 'data', 'population.csv'), 'year,value\n2020,1\n2030,2\n');
symlinkSync(join(root, 'secret.csv'), join(folder, 'data', 'link.csv'));
symlinkSync(join(folder, 'data', 'population.csv'), join(folder, 'data', 'inside-link.csv'));

/** Writes model.yaml with one driver read from `csv` and loads it. */
function loadWith(csv: string, dataRoots?: readonly string[]) {
  const file = join(folder, 'model.yaml');
  writeFileSync(file, `${HEADER}drivers:\n  d: { unit: t, csv: ${JSON.stringify(csv)} }\nprocesses: [a]\nflows:\n  - { from: outside, to: a, value: d }\n  - { from: a, to: outside, share: 1 }\n`);
  return loadModel(file, { dataRoots });
}

describe('loadModel(path): data files come from the model folder or a named data root only', () => {
  it('loadModel(path) reads data files inside the model folder, through links that stay inside', () => {
    expect(loadWith('data/population.csv').drivers[0].values[0]).toBe(1);
    expect(loadWith('data/inside-link.csv').drivers[0].values[0]).toBe(1);
    expect(loadWith(join(folder, 'data', 'population.csv')).drivers[0].values[0]).toBe(1);
  });

  it('loadModel(path) refuses paths out of the model folder and never shows their content', () => {
    for (const csv of ['../secret.csv', join(root, 'secret.csv'), 'data/link.csv', 'data/../../secret.csv', '/etc/passwd', '/proc/self/environ']) {
      const error = modelError(() => loadWith(csv));
      expect(error.message, csv).toMatch(/^data file outside the model's folder: /);
      expect(error.at).toMatchObject({ path: 'drivers.d.csv', line: 6 });
      expect(error.hint).toMatch(/--data-root/);
      expect(error.format()).not.toMatch(/TOP-SECRET|root:/);
    }
  });

  it('loadModel(path, { dataRoots }) reads from a folder the user names, and nowhere else', () => {
    expect(loadWith('../shared/extra.csv', [join(root, 'shared')]).drivers[0].values[10]).toBe(2);
    expect(modelError(() => loadWith('../secret.csv', [join(root, 'shared')])).message).toMatch(/^data file outside/);
  });

  it('loadModel(path) refuses devices and pipes without reading them', () => {
    for (const csv of ['/dev/zero', '/dev/null']) {
      const error = modelError(() => loadWith(csv, ['/dev']));
      expect(error.message, csv).toMatch(/^not a regular file: /);
      expect(error.hint).toMatch(/plain file/);
    }
    // /dev/stdin is a link to this process's input (a pipe or a terminal, wherever it lies): refused either way.
    expect(modelError(() => loadWith('/dev/stdin', ['/dev'])).message).toMatch(/^(not a regular file|data file outside the model's folder): /);
    const fifo = join(folder, 'data', 'fifo.csv');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      expect(modelError(() => loadWith('data/fifo.csv')).message).toMatch(/^not a regular file: /);
    }
  });

  it('loadModel(path) refuses a data file larger than the limit before reading it', () => {
    const big = join(folder, 'data', 'big.csv');
    writeFileSync(big, '');
    const handle = spawnSync('truncate', ['-s', String(LIMITS.dataFileBytes + 1), big]);
    expect(handle.status).toBe(0);
    const error = modelError(() => loadWith('data/big.csv'));
    expect(error.message).toMatch(/^data file too large: .*big\.csv has [\d,]+ bytes$/);
    expect(error.hint).toMatch(/MiB/);
  });

  it('loadModel(path) names a missing data file with the folder it was looked for in', () => {
    const error = modelError(() => loadWith('data/nothing.csv'));
    expect(error.message).toBe(`missing data file: ${join(folder, 'data', 'nothing.csv')}`);
  });

  it('loadModel(path) refuses a model file that is not a regular file or is too large', () => {
    expect(modelError(() => loadModel('/dev/stdin.yaml')).message).toMatch(/^missing model file/);
    const fifo = join(root, 'fifo.yaml');
    if (spawnSync('mkfifo', [fifo]).status === 0) expect(modelError(() => loadModel(fifo)).message).toMatch(/^not a regular file: /);
    const big = join(root, 'big.yaml');
    writeFileSync(big, '');
    spawnSync('truncate', ['-s', String(LIMITS.modelFileBytes + 1), big]);
    expect(modelError(() => loadModel(big)).message).toMatch(/^model file too large: /);
  });
});

describe('loadModelFromText(text, options): the folder rule holds for any file reader', () => {
  it('loadModelFromText(text) refuses a path out of the model folder before asking the reader', () => {
    const asked: string[] = [];
    for (const csv of ['../x.csv', '/etc/shadow', 'data/../../x.csv']) {
      const error = loadError(`${HEADER}drivers:\n  d: { unit: t, csv: ${JSON.stringify(csv)} }\nprocesses: [a]\n`, new Proxy({}, { has: (_, key) => (asked.push(String(key)), false) }));
      expect(error.message).toMatch(/^data file outside the model's folder: /);
    }
    expect(asked).toEqual([]);
  });

  it('loadModelFromText(text) shows at most a short part of a cell of a data file it cannot read', () => {
    const long = 'x'.repeat(10_000);
    const error = loadError(`${HEADER}drivers:\n  d: { unit: t, csv: d.csv }\nprocesses: [a]\n`, { 'd.csv': `${long}\n2020,1\n` });
    expect(error.format().length).toBeLessThan(600);
  });
});
