import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readColumnBlock } from '../../cli/sweep/columnBlocks.js';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { readManifest } from '../../cli/sweep/manifest.js';
import { openSweep } from '../../cli/sweep/openSweep.js';
import { readRunStatuses } from '../../cli/sweep/runStatuses.js';
import { sensitivity } from '../../cli/sweep/sensitivity.js';
import { formatIndices } from '../../cli/sweep/sensitivityAction.js';
import { readSummary } from '../../cli/sweep/summaryFile.js';
import { morrisDesign } from '../../engine/sweep/design/index.js';
import { completeBlocks, keepBlocks, morrisEffects, sobolIndices } from '../../engine/sweep/estimators/index.js';
import { PEAK_STATUS } from '../../engine/sweep/peakStatus.js';
import { statusCode } from '../../engine/sweep/sweepJob.js';
import { sweepCommand } from './sweepCommands.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-failed-runs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sweeps/tiny/${name}`, import.meta.url));

/** Every value of one output column and the status of every run. */
async function column(folder: string, output: string, statistic: string): Promise<Float64Array> {
  const manifest = readManifest(folder);
  const index = manifest.columns.findIndex((entry) => entry.output === output && entry.statistic === statistic);
  return readColumnBlock(folder, manifest, index, index + 1);
}

describe('sweeps with failed runs', async () => {
  // 16 Sobol' base points of 10 runs; a product share above 1 makes a run's shares invalid.
  const folder = join(scratch, 'sobol');
  const report = await executeSweep(openSweep(fixture('failing.yaml')).job, { out: folder, threads: 2, batchSize: 7 });
  const { status } = await readRunStatuses(folder, readManifest(folder));
  const failed = status.reduce((sum, code) => sum + (code === 0 ? 0 : 1), 0);

  it('executeSweep(sweep with failing runs) counts them by status, in its report and in each part of the manifest', () => {
    expect(failed).toBeGreaterThan(0);
    expect(status.every((code) => code === 0 || code === statusCode('invalid-shares'))).toBe(true);
    expect(report.failures).toEqual({ 'invalid-shares': failed });
    expect(readManifest(folder).parts.reduce((sum, part) => sum + (part.failures?.['invalid-shares'] ?? 0), 0)).toBe(failed);
  });

  it('summary.parquet leaves failed runs out of every distribution and counts them in failed', async () => {
    const rows = await readSummary(folder, readManifest(folder));
    const total = rows.find((row) => row.output === 'landfill' && row.statistic === 'total')!;
    expect(total).toMatchObject({ runs: 160 - failed, missing: 0, failed, rising: 0, falling: 0 });
    const values = await column(folder, 'landfill', 'total');
    const kept = Array.from(values).filter((_, run) => status[run] === 0);
    expect(total.mean).toBeCloseTo(kept.reduce((sum, value) => sum + value, 0) / kept.length, 9);
    expect(total.max).toBe(Math.max(...kept));
    for (const row of rows) expect(row.runs + row.missing + row.failed + row.rising + row.falling).toBe(160);
    expect(rows.some((row) => row.statistic === 'peak_status')).toBe(false);
  });

  it('summary.parquet counts peaks still rising at the end apart: its peak rows describe real peaks only', async () => {
    const rows = await readSummary(folder, readManifest(folder));
    const peakStatus = await column(folder, 'discarded_paper', 'peak_status');
    const rising = Array.from(peakStatus).filter((code, run) => status[run] === 0 && code === PEAK_STATUS.rising).length;
    expect(rising).toBeGreaterThan(0);
    for (const statistic of ['peak_year', 'peak_value']) {
      const row = rows.find((entry) => entry.output === 'discarded_paper' && entry.statistic === statistic)!;
      expect(row).toMatchObject({ rising, failed });
      expect(row.runs).toBe(Array.from(peakStatus).filter((code, run) => status[run] === 0 && code === PEAK_STATUS.peak).length);
    }
  });

  it('sensitivity(sobol sweep with failed runs) drops every Saltelli block with a failed run and estimates from the complete ones', async () => {
    const indices = await sensitivity(folder, { outputs: ['landfill'], resamples: 20 });
    const keep = completeBlocks(status, 10);
    const dropped = keep.length - keep.reduce((sum, flag) => sum + flag, 0);
    expect(dropped).toBeGreaterThan(0);
    expect(indices).toMatchObject({ runs: 160, used: 160 - 10 * dropped, excluded: { block: 'Saltelli block', blocks: 16, runsPerBlock: 10, dropped } });
    const expected = sobolIndices(keepBlocks(await column(folder, 'landfill', 'total'), 1, 10, keep), { factors: 4, outputs: 1, seed: 3, resamples: 20 });
    const total = indices.columns.find((entry) => entry.column.statistic === 'total')!;
    expect(total.factors.map((factor) => ('first' in factor ? factor.first : NaN))).toEqual(Array.from(expected.first));
    expect(total.factors.map((factor) => ('first' in factor ? factor.totalHigh : NaN))).toEqual(Array.from(expected.totalHigh));
  });

  it('formatIndices(report) says how many runs and blocks were left out, why, and lists the failures by status with their first messages', async () => {
    const text = formatIndices(await sensitivity(folder, { outputs: ['landfill'], resamples: 20 }));
    expect(text).toMatch(/^Sobol' indices from \d+ of 160 runs/);
    expect(text).toMatch(/\nleft out: \d+ of 16 Saltelli blocks \(\d+ runs\), each with a run that did not succeed \(invalid-shares \d+\): the estimators need every run of a Saltelli block\n/);
    expect(text).toContain(`\n${failed} of 160 runs did not succeed (status and message of each are in samples/):\n  invalid-shares: ${failed} runs\n    sample `);
    expect(text).toMatch(/share of flow households->products is 1\.\d+ in 2020, outside \[0, 1\]/);
    // Labels of the sweep file stand for the ids.
    expect(text).toContain('\nLandfilled waste total\n');
    expect(text).toMatch(/\n {2}Paper recycling rate +-?\d/);
    expect(text).toMatch(/Landfilled waste peak year {2}\(.*still rising at the end: their peak is censored/);
  });

  it('sensitivity(morris sweep with a failed run) drops the trajectory of that run', async () => {
    const { job } = openSweep(fixture('morris.yaml'));
    // Run 7 (trajectory 1 of 6, of 5 runs each) gets a product share above 1.
    const broken = { ...job, fillInputs: (from: number, to: number, out: Float64Array) => {
      job.fillInputs(from, to, out);
      if (from <= 7 && 7 < to) out[(7 - from) * 4 + 1] = 1.5;
    } };
    const morris = join(scratch, 'morris');
    await executeSweep(broken, { out: morris, threads: 1 });
    const indices = await sensitivity(morris, { outputs: ['exported'] });
    expect(indices).toMatchObject({ used: 25, excluded: { block: 'trajectory', blocks: 6, dropped: 1 } });
    const design = morrisDesign({ factors: 4, trajectories: 6, levels: 4, placement: 'centred', seed: 5 });
    const points = new Float64Array(30 * 4);
    design.fill(0, 30, points);
    const keep = Uint8Array.of(1, 0, 1, 1, 1, 1);
    const expected = morrisEffects(keepBlocks(points, 4, 5, keep), keepBlocks(await column(morris, 'exported', 'total'), 1, 5, keep), { factors: 4, outputs: 1 });
    expect(indices.columns[0].factors.map((factor) => ('muStar' in factor ? factor.muStar : NaN))).toEqual(Array.from(expected.muStar));
  });

  it('metabolis failures <dir> lists the failures by status with counts and the first messages', async () => {
    const { stdout } = await sweepCommand('failures', folder, '--examples', '2');
    expect(stdout).toMatch(new RegExp(`^${failed} of 160 runs did not succeed .*\\n  invalid-shares: ${failed} runs\\n    sample \\d+: share of flow .*\\n    sample \\d+: .*\\n    … ${failed - 2} more\\n$`));
  });

  it('metabolis sweep warns of a Sobol\' n that is not a power of two, says how many runs failed, by status, and how many peaks are censored', async () => {
    const out = join(scratch, 'cli');
    const { stdout, stderr } = await sweepCommand('sweep', fixture('failing.yaml'), '--n', '12', '--threads', '1', '--out', out, '-q');
    expect(stderr).toContain("warning: n = 12 is not a power of two: the Sobol' sequence is balanced only for N = 2^k, so the indices converge more slowly; use n = 8 or 16\n");
    expect(stdout).toMatch(/^120 runs in .*\n\d+ runs did not succeed \(invalid-shares \d+\): summary.parquet, the figures and the sensitivity indices leave them out \(the indices with every run of their Saltelli block or Morris trajectory\); list them with metabolis failures /);
    // What summary.parquet says of the peaks, censored ones counted apart.
    expect(stdout).toMatch(/\npeaks, of the runs that succeeded:\n  landfill: 0 of (\d+) peak within its years \(\1 still rising at the end\)\n  discarded_paper: /);
  });
});
