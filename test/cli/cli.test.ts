import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metabolisBin as metabolis } from './builtBin.js';

/**
 * The CLI as a user runs it: the compiled bin (`npm test` builds first), in a child process,
 * reading only its exit code and output.
 */
const demo = 'models/singapore/model.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe('metabolis CLI', () => {
  it('metabolis --help and each command help show an example', () => {
    for (const args of [['--help'], ['run', '--help'], ['validate', '--help'], ['schema', '--help'], ['sankey', '--help'], ['plot', '--help'], ['sweep', '--help'], ['merge', '--help'], ['sensitivity', '--help'], ['failures', '--help'], ['report', '--help']]) {
      const { code, stdout } = metabolis(...args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Example/);
    }
  });

  it('metabolis validate <demo model> says it is valid', () => {
    const { code, stdout } = metabolis('validate', demo);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid/);
  });

  it('metabolis sweep <tiny sweep> --threads 2 runs its worker threads from the built files and writes the summary', () => {
    const out = join(scratch, 'sweep');
    const { code, stderr } = metabolis('sweep', 'test/fixtures/sweeps/tiny/sweep.yaml', '--threads', '2', '--out', out);
    expect(code, stderr).toBe(0);
    expect(existsSync(join(out, 'summary.parquet'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).metabolis).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('metabolis run <demo model> writes tidy results, peaks and a summary with the waste peaks', () => {
    const out = join(scratch, 'demo');
    const { code, stdout, stderr } = metabolis('run', demo, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/waste peaks/);
    const header = readFileSync(join(out, 'results.csv'), 'utf8').split('\n')[0];
    expect(header).toMatch(/^year,kind,id,.*value,unit$/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('success');
    expect(summary.wastePeaks.length).toBeGreaterThan(0);
    expect(existsSync(join(out, 'peaks.csv'))).toBe(true);
    for (const figure of ['sankey.svg', 'sankey.png', 'waste-peaks.svg', 'waste-peaks.png']) expect(existsSync(join(out, figure))).toBe(true);
  });

  it('metabolis run --cohorts writes the stocks by cohort, whose sum is the stock', () => {
    const out = join(scratch, 'cohorts');
    expect(metabolis('run', demo, '--out', out, '--cohorts').code).toBe(0);
    const rows = readFileSync(join(out, 'cohorts.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const header = readFileSync(join(out, 'cohorts.csv'), 'utf8').split('\n')[0].split(',');
    const byCohort = rows.filter((row) => row[0] === '2030' && row[1] === 'eee_stock').reduce((sum, row) => sum + Number(row[header.length - 1]), 0);
    const results = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
    const resultHeader = results[0];
    const level = results
      .filter((row) => row[0] === '2030' && row[1] === 'stock' && row[2] === 'eee_stock')
      .reduce((sum, row) => sum + Number(row[resultHeader.indexOf('value')]), 0);
    expect(byCohort).toBeGreaterThan(0);
    expect(Math.abs(byCohort - level)).toBeLessThan(1e-6 * level);
  });

  it('metabolis run --format json writes JSON rows', () => {
    const out = join(scratch, 'json');
    expect(metabolis('run', demo, '--out', out, '--format', 'json').code).toBe(0);
    const rows = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(rows[0]).toHaveProperty('year');
    expect(rows[0]).toHaveProperty('value');
  });

  it('metabolis plot <results folder> draws from the saved table; a kind that does not fit exits 2, a broken summary 1, no stack trace', () => {
    const out = join(scratch, 'plotted');
    expect(metabolis('run', demo, '--out', out, '--scenario', 'zero-waste').code).toBe(0);
    const drawn = metabolis('plot', out, '-o', join(scratch, 'plotted.svg'));
    expect(drawn.stdout).toMatch(/^wrote .*plotted\.svg\n/);
    expect(drawn.code).toBe(0);
    const wrongKind = metabolis('plot', out, '--kind', 'sobol');
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/--kind sobol does not fit .*, a run folder: it plots waste-peaks, series/);
    noStackTrace(wrongKind.stderr);
    writeFileSync(join(out, 'summary.json'), '{ broken');
    const broken = metabolis('plot', out);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/summary\.json: invalid JSON/);
    noStackTrace(broken.stderr);
  });

  it('metabolis run with malformed YAML names the file and line, exits 1, no stack trace', () => {
    const { code, stderr } = metabolis('run', 'test/fixtures/cli/broken-yaml.yaml');
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken-yaml\.yaml:\d+/);
    noStackTrace(stderr);
  });

  it('metabolis validate with an unknown process suggests the nearest name and exits 1', () => {
    const { code, stderr } = metabolis('validate', 'test/fixtures/cli/unknown-process.yaml');
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown-process\.yaml:8/);
    expect(stderr).toMatch(/unknown process: landfil/);
    expect(stderr).toMatch(/landfill/);
    noStackTrace(stderr);
  });

  it('metabolis run with a missing model file exits 1 with a clear message', () => {
    const { code, stderr } = metabolis('run', 'models/does-not-exist.yaml');
    expect(code).toBe(1);
    expect(stderr).toMatch(/does-not-exist\.yaml/);
    noStackTrace(stderr);
  });

  it('metabolis run with an unknown scenario lists the scenarios and exits 2', () => {
    const { code, stderr } = metabolis('run', demo, '--scenario', 'zero-wast', '--out', join(scratch, 'x'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown scenario: zero-wast/);
    expect(stderr).toMatch(/zero-waste/);
  });
});
