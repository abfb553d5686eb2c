import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects, asyncBufferFromFile } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { readManifest } from '../../cli/sweep/manifest.js';
import { mergeShards } from '../../cli/sweep/mergeShards.js';
import { standInJob } from '../fixtures/sweeps/standIn/standInJob.js';
import { expectSameFiles, folderBytes } from './folderBytes.js';
import { stoppedSweep } from './stoppedSweep.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-sweep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const newFolder = () => join(scratch, `sweep-${counter++}`);

// 29 runs in parts of 8: four parts, the last one short; shards of 3 cut two of them.
const job = standInJob({ runs: 29, throwAt: [11] });
const layout = { partSize: 8 };

describe('executeSweep', async () => {
  const referenceFolder = newFolder();
  const reference = await executeSweep(job, { ...layout, out: referenceFolder, threads: 1, batchSize: 29 });
  const referenceFiles = folderBytes(referenceFolder);

  it('executeSweep(job) writes a complete manifest, one samples and one results file per part, and a summary', async () => {
    expect(reference.complete).toBe(true);
    expect(reference.failed).toBe(1);
    const manifest = readManifest(referenceFolder);
    expect(manifest.parts.map((part) => [part.from, part.to])).toEqual([[0, 8], [8, 16], [16, 24], [24, 29]]);
    expect(manifest.summary).toBe('summary.parquet');
    const samples = await parquetReadObjects({ file: await asyncBufferFromFile(join(referenceFolder, 'samples/part-00001.parquet')) });
    expect(samples.map((row) => row.sample)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(samples[3]).toMatchObject({ status: 'error', message: 'stand-in failure at sample 11' });
    const results = await parquetReadObjects({ file: await asyncBufferFromFile(join(referenceFolder, 'results/part-00003.parquet')) });
    expect(results).toHaveLength(5 * job.columns.length);
    expect(results[0]).toMatchObject({ sample: 24, output: 'alpha', statistic: 'value', year: 2000 });
    expect(results[results.length - 1]).toMatchObject({ sample: 28, output: 'beta', statistic: 'total', year: null });
  });

  it('executeSweep(job) writes the same bytes for 2 and 4 threads and other batch sizes', async () => {
    for (const [threads, batchSize] of [[2, 3], [4, 1]]) {
      const folder = newFolder();
      await executeSweep(job, { ...layout, out: folder, threads, batchSize });
      expect(expectSameFiles(folderBytes(folder), referenceFiles)).toEqual([]);
    }
  });

  it('executeSweep(job, shard) for every shard, then mergeShards, gives the files of a one-process run', async () => {
    const folder = newFolder();
    for (let index = 0; index < 3; index++) await executeSweep(job, { ...layout, out: folder, shard: { index, count: 3 }, threads: 2, batchSize: 4 });
    const merged = await mergeShards(folder);
    expect(merged.complete).toBe(true);
    expect(merged.mergedFrom).toEqual(['shard-0-of-3', 'shard-1-of-3', 'shard-2-of-3']);
    expect(expectSameFiles(folderBytes(folder), referenceFiles)).toEqual([]);
    const { mergedFrom, ...rest } = merged;
    expect(mergedFrom).toBeDefined();
    expect(rest).toEqual(readManifest(referenceFolder));
  });

  it('executeSweep(job, resume) after an abort computes only what is missing and gives the same files', async () => {
    const folder = newFolder();
    const stopped = await stoppedSweep(job, { ...layout, out: folder }, 12);
    expect(stopped.complete).toBe(false);
    // One thread delivers batches in order: runs past the last whole part are kept in .partial.
    expect(existsSync(join(folder, '.partial'))).toBe(stopped.done % layout.partSize !== 0);
    const kept = stopped.done;
    let first = -1;
    const resumed = await executeSweep(job, {
      ...layout,
      out: folder,
      threads: 2,
      batchSize: 5,
      resume: true,
      onProgress: ({ done }) => {
        if (first < 0) first = done;
      },
    });
    expect(first).toBe(kept);
    expect(resumed.complete).toBe(true);
    expect(existsSync(join(folder, '.partial'))).toBe(false);
    expect(expectSameFiles(folderBytes(folder), referenceFiles)).toEqual([]);
  });

  it('executeSweep(job) refuses a folder that holds a sweep unless resuming, and a different sweep even then', async () => {
    await expect(executeSweep(job, { ...layout, out: referenceFolder })).rejects.toThrow(/already holds a sweep: pass --resume/);
    await expect(executeSweep(standInJob({ runs: 30 }), { ...layout, out: referenceFolder, resume: true })).rejects.toThrow(/holds a different sweep/);
  });

  it('mergeShards(folder) names a missing shard and an incomplete one', async () => {
    const folder = newFolder();
    await executeSweep(job, { ...layout, out: folder, shard: { index: 0, count: 3 }, threads: 1 });
    await expect(mergeShards(folder)).rejects.toThrow('missing shards 1, 2 of 3');
    const controller = new AbortController();
    controller.abort();
    await executeSweep(job, { ...layout, out: folder, shard: { index: 1, count: 3 }, threads: 1, signal: controller.signal });
    await executeSweep(job, { ...layout, out: folder, shard: { index: 2, count: 3 }, threads: 1 });
    await expect(mergeShards(folder)).rejects.toThrow(/shard-1-of-3 is not complete \(0 of 10 runs\)/);
  });
});
