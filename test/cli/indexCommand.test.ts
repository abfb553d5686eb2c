import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `metabolis index` as a user runs it: the compiled bin in a child process (`npm run build` first). */
const bin = join(import.meta.dirname, '../../dist/cli/main.js');
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-index-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function metabolis(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const reversal = 'test/fixtures/index/reversal.yaml';

describe('metabolis index', () => {
  it('metabolis index writes tidy tables, the figures and a summary, and prints the rank reversal', () => {
    const out = join(scratch, 'reversal');
    const { code, stdout, stderr } = metabolis('index', reversal, '--out', out, '--samples', '32');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('rank reversal by compensation: A ahead of B under the arithmetic mean, behind it under the geometric');
    expect(stdout).toMatch(/\n\s+1\s+A\s+65\.35\s+/);
    for (const name of ['scores.csv', 'indicators.csv', 'compensation.csv', 'rank_uncertainty.csv', 'rank_probability.csv', 'sensitivity.csv', 'summary.json', 'scores-by-dimension.png', 'rank-uncertainty.png']) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
    const scores = readFileSync(join(out, 'scores.csv'), 'utf8').split('\n');
    expect(scores[0]).toBe('city,level,dimension,score,rank,normalisation,aggregation,weights');
    expect(scores).toContain('A,index,,65.35,1,min-max,arithmetic,nested');
    expect(readFileSync(join(out, 'compensation.csv'), 'utf8')).toContain('A,geometric,55.407580708780294,2,B');
    const sensitivity = readFileSync(join(out, 'sensitivity.csv'), 'utf8');
    expect(sensitivity.split('\n')[0]).toBe('city,output,choice,first,first_low,first_high,total,total_low,total_high,variance');
    expect(sensitivity).toMatch(/^A,rank,aggregation,/m);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ kind: 'index', uncertainty: { samples: 32, seed: 3, runs: 32 * 6 } });
  });

  it('metabolis index --aggregation geometric --no-uncertainty ranks by the geometric mean and skips the Monte Carlo', () => {
    const out = join(scratch, 'geometric');
    const { code, stdout } = metabolis('index', reversal, '--out', out, '--aggregation', 'geometric', '--no-uncertainty');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n\s+1\s+B\s+60\.40/);
    expect(existsSync(join(out, 'rank_uncertainty.csv'))).toBe(false);
    expect(existsSync(join(out, 'scores-by-dimension.png'))).toBe(true);
  });

  it('metabolis index gives the same tables for --threads 1 and --threads 2', () => {
    const tables = (threads: string) => {
      const out = join(scratch, `threads-${threads}`);
      expect(metabolis('index', reversal, '--out', out, '--samples', '16', '--threads', threads).code).toBe(0);
      return ['rank_probability.csv', 'sensitivity.csv'].map((name) => readFileSync(join(out, name), 'utf8'));
    };
    expect(tables('2')).toEqual(tables('1'));
  });

  it('metabolis index exits with 1 for a city without a value and no imputation, naming the line', () => {
    const { code, stderr } = metabolis('index', 'test/fixtures/index/unfilled.yaml', '--out', join(scratch, 'unfilled'));
    expect(code).toBe(1);
    expect(stderr).toContain('test/fixtures/index/unfilled.yaml:11:47');
    expect(stderr).toContain('missing value: q has no value for a and no imputation');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('metabolis index exits with 2 for a choice it does not know, and replaces an earlier index only with --overwrite', () => {
    const bad = metabolis('index', reversal, '--normalisation', 'minmax');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--normalisation must be one of min-max, z-score, distance-to-target, rank (got minmax)');
    const out = join(scratch, 'again');
    expect(metabolis('index', reversal, '--out', out, '--no-uncertainty').code).toBe(0);
    const again = metabolis('index', reversal, '--out', out, '--no-uncertainty');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('holds an earlier run (index Compensation test)');
    expect(metabolis('index', reversal, '--out', out, '--no-uncertainty', '--overwrite').code).toBe(0);
  });

  it('metabolis index --help shows an example, and schema --index prints the index file schema', () => {
    const help = metabolis('index', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('$ metabolis index models/zero-waste-index/index.yaml');
    const schema = metabolis('schema', '--index');
    expect(JSON.parse(schema.stdout)).toMatchObject({ title: 'metabolis index', required: expect.arrayContaining(['metabolis-index', 'cities', 'dimensions']) });
  });
});
