import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The CLI given hostile files: every one ends in a model error (exit 1) that says why, never an internal error. */
const bin = join(import.meta.dirname, '../../dist/cli/main.js');
const root = mkdtempSync(join(tmpdir(), 'metabolis-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function metabolis(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const HEADER = 'metabolis: 1\nname: hostile\ntime: { start: 2020, end: 2025 }\nunit: t\n';
const NETWORK = 'processes: [a]\nflows:\n  - { from: outside, to: a, value: d }\n  - { from: a, to: outside, share: 1 }\n';

mkdirSync(join(root, 'model'));
mkdirSync(join(root, 'shared'));
writeFileSync(join(root, 'secret.csv'), 'year,value\nSECRET-CONTENT,1\n');
writeFileSync(join(root, 'shared', 'd.csv'), 'year,value\n2020,1\n2025,2\n');
writeFileSync(join(root, 'model', 'outside.yaml'), `${HEADER}drivers:\n  d: { unit: t/yr, csv: ../secret.csv }\n${NETWORK}`);
writeFileSync(join(root, 'model', 'shared.yaml'), `${HEADER}drivers:\n  d: { unit: t/yr, csv: ../shared/d.csv }\n${NETWORK}`);

describe('metabolis CLI: hostile input', () => {
  it('metabolis validate refuses a data file outside the model folder without showing it, and reads it with --data-root', () => {
    const refused = metabolis('validate', 'model/outside.yaml');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: model\/outside\.yaml:6:\d+ \(drivers\.d\.csv\): data file outside the model's folder: /);
    expect(refused.stderr).toMatch(/--data-root/);
    expect(refused.stderr).not.toMatch(/SECRET/);
    expect(metabolis('validate', 'model/shared.yaml').code).toBe(1);
    const allowed = metabolis('validate', 'model/shared.yaml', '--data-root', 'shared');
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
  });

  it('metabolis validate refuses /dev/zero and /dev/stdin as data files without reading them', () => {
    for (const device of ['/dev/zero', '/dev/stdin']) {
      writeFileSync(join(root, 'model', 'device.yaml'), `${HEADER}drivers:\n  d: { unit: t/yr, csv: ${device} }\n${NETWORK}`);
      const result = metabolis('validate', 'model/device.yaml', '--data-root', '/dev');
      expect(result.code, device).toBe(1);
      expect(result.stderr).toMatch(/(not a regular file|outside the model's folder)/);
    }
  });

  it('metabolis validate prints control characters from a file as escapes, never raw', () => {
    writeFileSync(join(root, 'model', 'escape.yaml'), `${HEADER}processes: [a]\nflows:\n  - { from: "\\e[2Jx", to: a, value: 1 }\n`);
    const result = metabolis('validate', 'model/escape.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown process: \\u001b\[2Jx/);
    expect(result.stderr).not.toMatch(/\u001b/);
  });

  it('metabolis run writes its figures for a model whose name holds control characters', () => {
    writeFileSync(join(root, 'model', 'named.yaml'), `${HEADER.replace('name: hostile', 'name: "bell\\a and escape\\e"')}drivers:\n  d: { unit: t/yr, values: { 2020: 1, 2025: 2 } }\n${NETWORK}`);
    const result = metabolis('run', 'model/named.yaml', '--out', 'named');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'named', 'sankey.svg'), 'utf8')).toMatch(/<title>[^<]*bell and escape/);
  });

  it('metabolis validate answers deep nesting with model errors (the engine tests cover the other limits)', () => {
    const cases: Record<string, string> = {
      'deep.json': `{"metabolis": 1, "sweep": {"x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`,
      'expression.yaml': `${HEADER}processes: [a]\nflows:\n  - { from: outside, to: a, value: "${'('.repeat(5_000)}1${')'.repeat(5_000)}" }\n`,
    };
    for (const [file, text] of Object.entries(cases)) {
      writeFileSync(join(root, 'model', file), text);
      const result = metabolis('validate', `model/${file}`);
      expect(result.code, file).toBe(1);
      expect(result.stderr, file).toMatch(/^error: model\//);
      expect(result.stderr, file).not.toMatch(/internal error/);
    }
  });

  it('metabolis sweep refuses a model outside the sweep file folder', () => {
    writeFileSync(join(root, 'model', 'sweep.yaml'), 'metabolis-sweep: 1\nmodel: ../shared/model.yaml\nsampler: monte-carlo\nn: 2\nfactors:\n  p: { uniform: { min: 0, max: 1 } }\noutputs:\n  o: { flow: a->outside }\n');
    const result = metabolis('sweep', 'model/sweep.yaml', '--out', 'sweep-out', '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: model\/sweep\.yaml:2:\d+ \(model\): model file outside the sweep's folder: /);
  });
});
