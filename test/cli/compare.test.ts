import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../dist/cli/main.js');
const model = 'test/fixtures/compare/model.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function metabolis(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('metabolis compare', () => {
  const out = join(scratch, 'compared');
  const result = metabolis('compare', model, '--out', out);

  it('metabolis compare <model> writes one table of every scenario with a scenario column, and says which scenarios are identical', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/identical in every series and year: status-quo and same/);
    const rows = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('scenario,year,kind,id,value,unit');
    expect(new Set(rows.slice(1).map((row) => row.split(',')[0]))).toEqual(new Set(['status-quo', 'same', 'zero-waste']));
    expect(rows.some((row) => row.startsWith('zero-waste,2030,indicator,diversion,'))).toBe(true);
  });

  it('metabolis compare reports each target per scenario and the savings against the baseline by route', () => {
    expect(result.stdout).toMatch(/diversion_2030 \(≥ 0\.5 in 2030\): status-quo 0\.2 MISSED\*; same 0\.2 MISSED\*; zero-waste 0\.6 met\*/);
    const targets = readFileSync(join(out, 'targets.csv'), 'utf8').trim().split('\n');
    expect(targets).toHaveLength(4);
    const savings = readFileSync(join(out, 'savings.csv'), 'utf8').trim().split('\n');
    expect(savings[0]).toBe('scenario,baseline,year,route,kind,saving,scale,mix,intensity,unit');
    const zeroWaste2030 = savings.find((row) => row.startsWith('zero-waste,status-quo,2030,landfill_methane,direct,'))!.split(',');
    // Less landfilled, less methane: a positive saving, all of it from the mix of routes.
    expect(Number(zeroWaste2030[5])).toBeGreaterThan(0);
    expect(Number(zeroWaste2030[5])).toBeCloseTo(Number(zeroWaste2030[7]) + Number(zeroWaste2030[6]) + Number(zeroWaste2030[8]), 6);
  });

  it('metabolis compare <model> draws the waste generated and the indicators of every scenario side by side, the identical ones as one line, named', () => {
    expect(existsSync(join(out, 'comparison.png'))).toBe(true);
    const svg = readFileSync(join(out, 'comparison.svg'), 'utf8');
    const text = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join(' ').replace(/- /g, '-');
    expect(text).toContain('Waste generated (kt/yr)');
    expect(text).toContain('Diversion (%)');
    // Zero waste recycles more of the same waste: its waste generated is the others', its diversion is not.
    expect(text).toContain('status-quo = same = zero-waste in Waste generated: the same values.');
    expect(text).toContain('status-quo = same in Diversion: the same values.');
    // The target of 50 % diversion in 2030.
    expect(text).toContain('≥ 50 % in 2030');
    expect(result.stdout).toContain(join(out, 'comparison.svg'));
  });

  it('metabolis plot of a comparison folder says it holds a comparison, not a run', () => {
    const plotted = metabolis('plot', out, '-o', join(scratch, 'no.svg'));
    expect(plotted.code).toBe(2);
    expect(plotted.stderr).toMatch(/holds a comparison of scenarios/);
  });

  it('metabolis compare with an unknown scenario or baseline is a usage error', () => {
    expect(metabolis('compare', model, '--scenarios', 'status-quo,zero-wast').code).toBe(2);
    const baseline = metabolis('compare', model, '--scenarios', 'status-quo,zero-waste', '--baseline', 'same');
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toMatch(/--baseline same is not among the scenarios compared/);
  });
});
