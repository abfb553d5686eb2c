import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../engine/errors.js';
import { EXIT_MODEL_ERROR, reportFailure } from '../../cli/failure.js';
import { fileChecksum } from '../../cli/sweep/checksums.js';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { readCompleteManifest, readManifest } from '../../cli/sweep/manifest.js';
import { mergeShards } from '../../cli/sweep/mergeShards.js';
import { standInJob } from '../fixtures/sweeps/standIn/standInJob.js';
import { expectSameFiles, folderBytes } from './folderBytes.js';
import { stoppedSweep } from './stoppedSweep.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-damaged-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const newFolder = () => join(scratch, `sweep-${counter++}`);

// 29 runs in parts of 8, as in executeSweep.test.ts.
const job = standInJob({ runs: 29, throwAt: [11] });
const layout = { partSize: 8 };

function thrown(action: () => unknown): ModelError {
  try {
    action();
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

function flipByte(path: string, at: number): void {
  const bytes = readFileSync(path);
  bytes[at] ^= 0xff;
  writeFileSync(path, bytes);
}

describe('damaged sweep folders', async () => {
  const reference = newFolder();
  await executeSweep(job, { ...layout, out: reference, threads: 1, batchSize: 29 });
  const referenceFiles = folderBytes(reference);

  it('executeSweep(job) records the sha256 of every part file and of the summary in the manifest', () => {
    const manifest = readManifest(reference);
    const files = [...manifest.parts.flatMap((part) => [part.samples, part.results]), 'summary.parquet'].sort();
    expect(Object.keys(manifest.checksums!)).toEqual(files);
    for (const file of files) expect(manifest.checksums![file]).toBe(fileChecksum(join(reference, file)));
    expect(manifest.parts[1].failures).toEqual({ error: 1 });
  });

  it('readCompleteManifest(folder with a truncated results part) names the file and says --resume recomputes it, as an exit-1 error', () => {
    const folder = newFolder();
    cpSync(reference, folder, { recursive: true });
    truncateSync(join(folder, 'results/part-00001.parquet'), 100);
    const error = thrown(() => readCompleteManifest(folder));
    expect(error.message).toMatch(/^incomplete sweep folder: results\/part-00001.parquet is damaged \(its bytes do not match the checksum in manifest.json/);
    expect(error.at.file).toBe(join(folder, 'results/part-00001.parquet'));
    expect(error.hint).toBe(`metabolis sweep <sweep file> --out ${folder} --resume recomputes the damaged parts and keeps the others`);
    expect(reportFailure(error, () => undefined)).toBe(EXIT_MODEL_ERROR);
  });

  it('executeSweep(resume) of a complete folder with a truncated results part and a deleted samples part recomputes both, giving the files of an uninterrupted run', async () => {
    const folder = newFolder();
    await executeSweep(job, { ...layout, out: folder, threads: 1, batchSize: 29 });
    truncateSync(join(folder, 'results/part-00001.parquet'), 100);
    unlinkSync(join(folder, 'samples/part-00002.parquet'));
    expect(thrown(() => readCompleteManifest(folder)).message).toContain('samples/part-00002.parquet is missing');
    const resumed = await executeSweep(job, { ...layout, out: folder, threads: 2, batchSize: 3, resume: true });
    expect(resumed.complete).toBe(true);
    expect(resumed.repaired).toEqual([
      'results/part-00001.parquet is damaged (its bytes do not match the checksum in manifest.json: changed or cut short): runs [8, 16) are computed again',
      'samples/part-00002.parquet is missing: runs [16, 24) are computed again',
    ]);
    expect(expectSameFiles(folderBytes(folder), referenceFiles)).toEqual([]);
    expect(readManifest(folder)).toEqual(readManifest(reference));
  });

  it('executeSweep(resume) does not use a spill with flipped bits: it says so and computes its runs again', async () => {
    const folder = newFolder();
    const stopped = await stoppedSweep(job, { ...layout, out: folder }, 1);
    // At most two batches of 3 are in: part 0 is unfinished, kept in its spill.
    const spill = Object.keys(readManifest(folder).checksums!).find((file) => file.startsWith('.partial/'))!;
    expect(stopped.complete).toBe(false);
    expect(spill).toBe('.partial/part-00000.bin');
    // A bit of the outputs, past the header: read as it is, it would be a wrong number in results/.
    flipByte(join(folder, spill), readFileSync(join(folder, spill)).length - 40);
    const resumed = await executeSweep(job, { ...layout, out: folder, threads: 2, batchSize: 5, resume: true });
    expect(resumed.repaired).toEqual(['.partial/part-00000.bin is damaged (its bytes do not match the checksum in manifest.json): the runs it kept are computed again']);
    expect(existsSync(join(folder, '.partial'))).toBe(false);
    expect(expectSameFiles(folderBytes(folder), referenceFiles)).toEqual([]);
  });

  it('mergeShards(folder) refuses a shard with a damaged part, naming it and the --shard to resume', async () => {
    const folder = newFolder();
    for (let index = 0; index < 3; index++) await executeSweep(job, { ...layout, out: folder, shard: { index, count: 3 }, threads: 1 });
    flipByte(join(folder, 'shard-1-of-3/samples/part-00001.parquet'), 10);
    const error = await mergeShards(folder).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toMatch(/^incomplete sweep folder: samples\/part-00001.parquet is damaged/);
    expect((error as ModelError).at.file).toBe(join(folder, 'shard-1-of-3', 'samples/part-00001.parquet'));
    expect((error as ModelError).hint).toContain(`--out ${folder} --shard 1/3 --resume`);
  });
});
