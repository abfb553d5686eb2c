import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metabolisBin as metabolis } from './builtBin.js';

/** `metabolis reconcile` of the observed city with cadmium observed in 2019, as a user runs it (the built bin). */
const fixture = join(import.meta.dirname, '../fixtures/observations/city');
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-substances-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The fixture city with `observations` added to its own, in a folder of its own. */
function cityWith(name: string, observations: string): string {
  const folder = join(scratch, name);
  cpSync(fixture, folder, { recursive: true });
  appendFileSync(join(folder, 'model.yaml'), observations);
  return join(folder, 'model.yaml');
}

const CADMIUM = `  cd_collected: { concentration: collected, substance: cadmium, unit: mg/kg, values: { 2019: 3.0 }, cv: 0.1 }
  cd_recovered: { concentration: recovered, substance: cadmium, unit: mg/kg, values: { 2019: 1.0 }, cv: 0.2 }
  cd_flue_gas: { flow: flue_gas, substance: cadmium, unit: kg/yr, values: { 2019: 20 }, cv: 0.3 }
  cd_bottom_ash: { concentration: bottom_ash, substance: cadmium, unit: g/t, values: { 2019: 15 }, cv: 0.15 }
`;

describe('metabolis reconcile with substance observations', () => {
  it('metabolis reconcile <model with cadmium observed> reconciles the cadmium layer, names what it leaves undetermined, and writes substance rows', () => {
    const out = join(scratch, 'reconciled');
    const { code, stdout, stderr } = metabolis('reconcile', cityWith('cadmium', CADMIUM), '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/2019 {2}converged .* 4 {4}/);
    expect(stdout).toMatch(/not determined by the data[^\n]*\n(  .*\n)*  concentration of cadmium in flow residual \(2019\)/);
    expect(stdout).toMatch(/cadmium in 2019 \(reconciled; every year in reconciled.csv\):\n  flow +concentration \(mg\/kg\) +cadmium \(kt\/yr\)/);
    expect(stdout).toMatch(/\n {2}residual +not determined +not determined\n/);
    expect(stdout).toMatch(/\n {2}Δ landfilled +[\d.]+ ± [\d.]+\n/);
    const rows = readFileSync(join(out, 'reconciled.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(rows[0].at(-1)).toBe('substance');
    const column = (name: string) => rows[0].indexOf(name);
    const row = (year: string, variable: string) => rows.find((candidate) => candidate[0] === year && candidate[1] === variable)!;
    const ash = row('2019', 'concentration of cadmium in bottom_ash');
    expect([ash[column('kind')], ash[column('observation')], ash[column('classification')], ash[column('unit')], ash[column('substance')]]).toEqual(['concentration', 'cd_bottom_ash', 'redundant', '1', 'cadmium']);
    expect(Number(ash[column('measured')])).toBeCloseTo(15e-6, 18);
    // In the goods' rows the column is empty; years without cadmium observations have no cadmium rows.
    expect(row('2019', 'collected')[column('substance')]).toBe('');
    expect(rows.some((candidate) => candidate[0] === '2018' && candidate[column('substance')] === 'cadmium')).toBe(false);
  });

  it('metabolis reconcile of a concentration of a flow that does not exist, or in a unit that is not a mass fraction, names file and line and exits 1', () => {
    const unknown = metabolis('reconcile', cityWith('unknown-flow', '  cd: { concentration: colected, substance: cadmium, values: { 2019: 0.000003 }, sd: 0.000001 }\n'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/model\.yaml:\d+:\d+ \(observations\.cd\.concentration\): unknown flow: colected\n  hint: did you mean 'collected'/);
    const unit = metabolis('reconcile', cityWith('volume', '  cd: { concentration: collected, substance: cadmium, unit: mg/L, values: { 2019: 3 }, sd: 1 }\n'));
    expect(unit.code).toBe(1);
    expect(unit.stderr).toMatch(/model\.yaml:\d+:\d+ \(observations\.cd\.unit\): unit mismatch: observation cd is in mg\/L, not a mass fraction\n  hint: a concentration of cadmium is a mass over a mass/);
    for (const text of [unknown.stderr, unit.stderr]) expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
