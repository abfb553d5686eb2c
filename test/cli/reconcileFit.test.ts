import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { loadSweepFromText } from '../../engine/sweep/spec/loadSweep.js';
import { resolveSweep } from '../../engine/sweep/spec/resolveSweep.js';

/** `metabolis reconcile`, `fit` and the fit report of `run`, as a user runs them (the built bin). */
const bin = join(import.meta.dirname, '../../dist/cli/main.js');
const fixture = join(import.meta.dirname, '../fixtures/observations/city');
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-observations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function metabolis(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The fixture city with its observations replaced by `observations`, in a folder of its own. */
function cityWith(name: string, observations: string): string {
  const folder = join(scratch, name);
  cpSync(fixture, folder, { recursive: true });
  const text = readFileSync(join(fixture, 'model.yaml'), 'utf8');
  writeFileSync(join(folder, 'model.yaml'), `${text.slice(0, text.indexOf('observations:'))}observations:\n${observations}`);
  return join(folder, 'model.yaml');
}

const csvRows = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(','));
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe('metabolis reconcile', () => {
  it('metabolis reconcile <model> reconciles every observed year, writes the tables and a Sankey, and exits 0', () => {
    const out = join(scratch, 'reconciled');
    const { code, stdout, stderr } = metabolis('reconcile', join(fixture, 'model.yaml'), '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/reconciliation of 3 years \(2018–2020\)/);
    expect(stdout).toMatch(/non-redundant.*\n\s+change of stock landfilled \(2018–2020\)/);
    const table = csvRows(join(out, 'reconciled.csv'));
    expect(table[0]).toEqual(['year', 'variable', 'kind', 'id', 'item', 'observation', 'role', 'classification', 'model', 'measured', 'measured_sd', 'reconciled', 'reconciled_sd', 'adjustment', 'test_statistic', 'unit', 'substance']);
    const collected2019 = table.find((row) => row[0] === '2019' && row[1] === 'collected')!;
    expect(collected2019.slice(5, 8)).toEqual(['collected_total', 'measured', 'redundant']);
    // 470,000 t/yr in the CSV, read in the model's kt/yr, with a cv of 2 %.
    expect(Number(collected2019[9])).toBe(470);
    expect(Number(collected2019[10])).toBeCloseTo(9.4, 10);
    expect(csvRows(join(out, 'tests.csv')).map((row) => row.slice(0, 2))).toEqual([['year', 'status'], ['2018', 'converged'], ['2019', 'converged'], ['2020', 'converged']]);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ model: 'Observed city', status: 'converged', kind: 'reconciliation' });
    for (const file of ['suspects.csv', 'sankey.svg', 'sankey.png']) expect(existsSync(join(out, file))).toBe(true);
    expect(readFileSync(join(out, 'sankey.svg'), 'utf8')).toMatch(/Global test: χ²/);
  });

  it('metabolis reconcile --year Y --covariance reconciles that year and writes the covariance, both triangles', () => {
    const out = join(scratch, 'one-year');
    expect(metabolis('reconcile', join(fixture, 'model.yaml'), '--year', '2019', '--covariance', '--out', out).code).toBe(0);
    const entries = csvRows(join(out, 'covariance.csv')).slice(1);
    expect(new Set(entries.map((row) => row[0]))).toEqual(new Set(['2019']));
    const entry = (a: string, b: string) => Number(entries.find((row) => row[1] === a && row[2] === b)?.[3]);
    expect(entry('collected', 'separate')).toBe(entry('separate', 'collected'));
    expect(entry('collected', 'collected')).toBeGreaterThan(0);
  });

  it('metabolis reconcile of contradicting exact values says which balance, writes the tables, draws nothing and exits 3', () => {
    const model = cityWith('exact', '  a: { flow: collected, values: { 2019: 470 }, sd: 0 }\n  b: { flow: generated, values: { 2019: 480 }, sd: 0 }\n');
    const out = join(scratch, 'exact-out');
    const { code, stdout } = metabolis('reconcile', model, '--out', out);
    expect(code).toBe(3);
    expect(stdout).toMatch(/NOT A VALID RECONCILIATION in:\n\s+2019 inconsistent: .*balance of households/);
    expect(stdout).toMatch(/no figure: no year converged/);
    expect(existsSync(join(out, 'reconciled.csv'))).toBe(true);
    expect(existsSync(join(out, 'sankey.svg'))).toBe(false);
  });

  it('metabolis reconcile of an observation of a flow that does not exist, or in a wrong unit, names file and line and exits 1', () => {
    const unknown = metabolis('reconcile', cityWith('unknown-flow', '  a: { flow: colected, values: { 2019: 470 }, sd: 1 }\n'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/model\.yaml:\d+:\d+ \(observations\.a\.flow\): unknown flow: colected\n  hint: did you mean 'collected'/);
    noStackTrace(unknown.stderr);
    const unit = metabolis('reconcile', cityWith('wrong-unit', '  a: { flow: collected, unit: kt, values: { 2019: 470 }, sd: 1 }\n'));
    expect(unit.code).toBe(1);
    expect(unit.stderr).toMatch(/unit mismatch: observation a is in kt, not a mass per time/);
    const none = metabolis('reconcile', join(import.meta.dirname, '../../models/reference-city/model.yaml'));
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no observations: nothing to reconcile/);
  });

  it('metabolis reconcile with a year without observations or a bad significance exits 2', () => {
    const model = join(fixture, 'model.yaml');
    const year = metabolis('reconcile', model, '--year', '2016');
    expect(year.stderr).toMatch(/--year 2016 has no observations: nothing to reconcile \(observed years: 2018, 2019, 2020\)/);
    expect(year.code).toBe(2);
    expect(metabolis('reconcile', model, '--significance', '5').code).toBe(2);
  });
});

describe('metabolis fit', () => {
  it('metabolis fit --parameters writes estimates, residuals and sweep factors that a sweep file of the model accepts', () => {
    const out = join(scratch, 'fit');
    const { code, stdout, stderr } = metabolis('fit', join(fixture, 'model.yaml'), '--parameters', 'waste_per_capita,separate_collection', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/status: converged — converged: χ² = /);
    expect(stdout).toMatch(/correlation of the estimates/);
    expect(stdout).toMatch(/collected_total \(flow collected\): 3 values 2018–2020, MAPE \d/);
    const estimates = csvRows(join(out, 'estimates.csv'));
    expect(estimates.map((row) => row[0])).toEqual(['parameter', 'waste_per_capita', 'separate_collection']);
    expect(Number(estimates[1][6])).toBeGreaterThan(0);
    expect(csvRows(join(out, 'residuals.csv')).length).toBe(1 + 19);
    const factors = readFileSync(join(out, 'fitted-factors.yaml'), 'utf8');
    expect(factors).toMatch(/correlation between the estimates is not carried/);
    const sweepText = `metabolis-sweep: 1\nmodel: model.yaml\nsampler: monte-carlo\nn: 4\n${factors}outputs:\n  landfill: { flow: bottom_ash }\n`;
    const resolved = resolveSweep(loadSweepFromText(sweepText, join(fixture, 'sweep.yaml')), compile(loadModel(join(fixture, 'model.yaml'))));
    expect(resolved.factors.map((factor) => factor.symbol)).toEqual(['waste_per_capita', 'separate_collection']);
  });

  it('metabolis fit of a parameter the data do not determine exits 3; of an unknown one, 2', () => {
    const onlyCollected = cityWith('only-collected', '  collected: { flow: collected, values: { 2019: 470 }, sd: 9 }\n');
    const singular = metabolis('fit', onlyCollected, '--parameters', 'ash_share,waste_per_capita', '--out', join(scratch, 'singular'));
    expect(singular.stdout).toMatch(/do not determine ash_share/);
    expect(singular.stdout).toMatch(/status: singular/);
    expect(singular.code).toBe(3);
    const unknown = metabolis('fit', join(fixture, 'model.yaml'), '--parameters', 'waste_per_capta');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown parameter: waste_per_capta \(did you mean 'waste_per_capita'/);
  });
});

describe('metabolis run of a model with observations', () => {
  it('metabolis run reports its fit to each observed series on the console and in summary.json', () => {
    const out = join(scratch, 'run');
    const { code, stdout } = metabolis('run', join(fixture, 'model.yaml'), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/fit to the observations \(error = model − observed\):\n {2}collected_total \(flow collected\): 3 values 2018–2020, MAPE 0\.6 %/);
    expect(stdout.match(/^ {2}\S+.*: \d+ values? /gm)).toHaveLength(7);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.observations).toHaveLength(7);
    expect(summary.observations[0].points[0]).toEqual({ year: 2018, observed: 465, sd: 9.3, model: 463.5, error: -1.5, relativeError: -1.5 / 465 });
  });

  it('metabolis reconcile --help and fit --help show an example and the exit codes', () => {
    for (const command of ['reconcile', 'fit']) {
      const { code, stdout } = metabolis(command, '--help');
      expect(code).toBe(0);
      expect(stdout).toMatch(/Example/);
      expect(stdout).toMatch(/Exit codes/);
    }
  });
});
