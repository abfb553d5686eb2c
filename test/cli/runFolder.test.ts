import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metabolisBin as metabolis } from './builtBin.js';

/** `metabolis run` as a user runs it: statuses that do not hide, and results folders that hold one run. */
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-run-folder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function modelFile(name: string, correction: boolean): string {
  const path = join(scratch, `${name}.yaml`);
  writeFileSync(
    path,
    `metabolis: 1
name: shrinking city
time: { start: 2020, end: 2030 }
unit: t
processes: [buildings]
flows:
  - { from: outside, to: buildings, demand: true }
  - { from: buildings, to: outside, share: 1 }
stocks:
  built:
    process: buildings
    kind: stock-driven
    target: "1000 - 80 * (year - 2020)"
    lifetime: { normal: { mean: 50, sd: 10 } }
    negative_inflow_correction: ${correction}
    initial: { cohorts: { 1990: 500, 2000: 500 } }
`,
  );
  return path;
}

describe('metabolis run: statuses that do not hide', () => {
  it('metabolis run of a model whose solution fails exits 3, says so first with amounts and a hint, and draws no figure', () => {
    const out = join(scratch, 'failed');
    const { code, stdout } = metabolis('run', modelFile('negative', false), '--out', out);
    expect(code).toBe(3);
    const lines = stdout.split('\n');
    expect(lines[1]).toMatch(/^status: negative-inflow — NOT A VALID SOLUTION/);
    expect(stdout).toMatch(/stock built needs a negative inflow in 2021–2030: -720\.1 t in all, the largest -76\.7 t\/yr in 2021/);
    expect(stdout).toMatch(/hint: set negative_inflow_correction: true on stocks\.built/);
    expect(stdout).not.toMatch(/waste peaks/);
    expect(readdirSync(out).sort()).toEqual(['peaks.csv', 'results.csv', 'summary.json']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('negative-inflow');
    expect(summary.explanations[0].findings[0]).toMatch(/2021–2030/);
  });

  it('metabolis sankey and plot of a failed run exit 3 with its status, instead of drawing it or failing on its numbers', () => {
    const model = modelFile('negative-figures', false);
    const out = join(scratch, 'failed-for-plot');
    expect(metabolis('run', model, '--out', out).code).toBe(3);
    for (const args of [['sankey', model, '--year', '2025', '-o', join(scratch, 'no.svg')], ['plot', model, '-o', join(scratch, 'no.svg')], ['plot', out, '-o', join(scratch, 'no.svg')]]) {
      const { code, stderr } = metabolis(...args);
      expect(code).toBe(3);
      expect(stderr).toMatch(/^error: the run ended with status negative-inflow \(stock built needs a negative inflow/);
    }
    expect(existsSync(join(scratch, 'no.svg'))).toBe(false);
  });

  it('metabolis run reports the years where negative-inflow correction acted, on the console and in summary.json', () => {
    const out = join(scratch, 'corrected');
    const { code, stdout } = metabolis('run', modelFile('corrected', true), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/negative-inflow correction: stock built retired older cohorts pro rata in 2021–2030/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.negativeInflowCorrections).toEqual([{ stock: 'built', years: [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030] }]);
  });
});

describe('metabolis run: a results folder holds one run', () => {
  const model = () => modelFile('ok', true);

  it('metabolis run into a folder that holds an earlier run refuses without --overwrite and leaves it as it was', () => {
    const out = join(scratch, 'twice');
    expect(metabolis('run', model(), '--out', out, '--cohorts').code).toBe(0);
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const again = metabolis('run', model(), '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/holds an earlier run \(model shrinking city, the base model\); add --overwrite/);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
  });

  it('metabolis run --overwrite replaces the earlier run whole: none of its files stay beside the new ones', () => {
    const out = join(scratch, 'replaced');
    expect(metabolis('run', model(), '--out', out, '--cohorts').code).toBe(0);
    expect(existsSync(join(out, 'cohorts.csv'))).toBe(true);
    expect(metabolis('run', model(), '--out', out, '--format', 'json', '--overwrite').code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['peaks.json', 'results.json', 'sankey.png', 'sankey.svg', 'summary.json', 'waste-peaks.png', 'waste-peaks.svg']);
    expect(readdirSync(scratch).filter((name) => name.startsWith('.replaced'))).toEqual([]);
  });

  it('metabolis run never replaces a folder of other files, even with --overwrite', () => {
    const out = join(scratch, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    const { code, stderr } = metabolis('run', model(), '--out', out, '--overwrite');
    expect(code).toBe(2);
    expect(stderr).toMatch(/holds files that are not the results of a metabolis run \(notes\.txt\)/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });
});
