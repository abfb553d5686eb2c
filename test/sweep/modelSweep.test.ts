import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { readManifest } from '../../cli/sweep/manifest.js';
import { mergeShards } from '../../cli/sweep/mergeShards.js';
import { openSweep } from '../../cli/sweep/openSweep.js';
import { sensitivity } from '../../cli/sweep/sensitivity.js';
import { expectSameFiles, folderBytes } from './folderBytes.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-model-sweep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const sweepFile = fileURLToPath(new URL('../fixtures/sweeps/tiny/sweep.yaml', import.meta.url));

// The tiny model's Sobol' sweep: 8 base points, 4 factors, second order: 80 runs, cut into parts of 16.
const { job } = openSweep(sweepFile);
const layout = { partSize: 16 };

describe('model sweeps', async () => {
  const reference = join(scratch, 'reference');
  await executeSweep(job, { ...layout, out: reference, threads: 1, batchSize: 80 });
  const referenceFiles = folderBytes(reference);

  it('executeSweep(model job) gives bit-identical files for 1, 2 and 4 threads and any batch size', async () => {
    for (const [threads, batchSize] of [[2, 7], [4, 1]]) {
      const folder = join(scratch, `threads-${threads}`);
      await executeSweep(job, { ...layout, out: folder, threads, batchSize });
      expect(expectSameFiles(folderBytes(folder), referenceFiles)).toEqual([]);
    }
  });

  it('executeSweep(model job, shard k/K) for splits of 2 and 3 shards, merged, gives the files of a one-process run', async () => {
    for (const count of [2, 3]) {
      const folder = join(scratch, `shards-${count}`);
      for (let index = count - 1; index >= 0; index--) await executeSweep(job, { ...layout, out: folder, shard: { index, count }, threads: 2, batchSize: 5 });
      await mergeShards(folder);
      expect(expectSameFiles(folderBytes(folder), referenceFiles)).toEqual([]);
    }
  });

  it('executeSweep(model job) records each run: the factor values it drew, its status and its outputs', async () => {
    const manifest = readManifest(reference);
    expect(manifest.runs).toBe(80);
    expect(manifest.design).toMatchObject({ sampler: 'sobol', n: 8, seed: 3, model: { file: 'model.yaml', name: 'Tiny sweep city' } });
    const samples = await parquetReadObjects({ file: await asyncBufferFromFile(join(reference, manifest.parts[0].samples)) });
    expect(Object.keys(samples[0])).toEqual(['sample', 'paper_recycling', 'product_share', 'population', 'product_life', 'status', 'message']);
    expect(samples.every((row) => row.status === 'success' && row.paper_recycling >= 0.2 && row.paper_recycling <= 0.8)).toBe(true);
  });

  it('sensitivity(sweep folder) finds the paper recycling rate the main driver of landfilled waste', async () => {
    const report = await sensitivity(reference, { outputs: ['landfill'], resamples: 50 });
    const total = report.columns.find((entry) => entry.column.statistic === 'total')!;
    const [paper, ...others] = total.factors.map((factor) => ('total' in factor ? factor.total : NaN));
    expect(others.every((index) => index < paper)).toBe(true);
  });

  it("sensitivity(sweep folder, { year: 'all' }) gives indices for every recorded year of a series", async () => {
    const manifest = readManifest(reference);
    const recorded = manifest.columns.filter((column) => column.output === 'landfill' && column.year !== null).map((column) => column.year);
    const report = await sensitivity(reference, { outputs: ['landfill'], year: 'all', resamples: 20 });
    const years = report.columns.filter((entry) => entry.column.statistic === 'value').map((entry) => entry.column.year);
    expect(years).toEqual(recorded);
    expect(years.length).toBeGreaterThan(1);
  });
});

describe('model sweeps with failing runs', () => {
  it('executeSweep(model job) records runs whose shares leave [0, 1] with their status and message, and completes', async () => {
    const { job: failing } = openSweep(sweepFile, { sampler: 'monte-carlo', n: 12 });
    const shares = { ...failing, fillInputs: (from: number, to: number, out: Float64Array) => {
      failing.fillInputs(from, to, out);
      // product_share (factor 1) above 1 for every third run.
      for (let run = from; run < to; run++) if (run % 3 === 0) out[(run - from) * failing.factors.length + 1] = 1.5;
    } };
    const folder = join(scratch, 'failing');
    const report = await executeSweep(shares, { out: folder, threads: 2, batchSize: 5 });
    expect(report.complete).toBe(true);
    expect(report.failed).toBe(4);
    const samples = await parquetReadObjects({ file: await asyncBufferFromFile(join(folder, readManifest(folder).parts[0].samples)) });
    expect(samples.filter((row) => row.status === 'invalid-shares').map((row) => row.sample)).toEqual([0, 3, 6, 9]);
    expect(samples[0].message).toMatch(/share/);
    expect(samples[1]).toMatchObject({ status: 'success', message: null });
  });
});
