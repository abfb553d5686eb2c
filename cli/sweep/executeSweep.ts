import { join } from 'node:path';
import { addFailureCounts, failureCounts, type FailureCounts } from '../../engine/sweep/failureCounts.js';
import type { BatchResult } from '../../engine/sweep/pool/batch.js';
import { batchTasks, type RunRange } from '../../engine/sweep/pool/batchTasks.js';
import { runBatches } from '../../engine/sweep/pool/runBatches.js';
import { addBatch, createPartBuffer, failures, missingRanges, type PartBuffer } from '../../engine/sweep/partBuffer.js';
import { partName, partSize, partsOf } from '../../engine/sweep/parts.js';
import { shardFolderName, WHOLE_SWEEP, type Shard } from '../../engine/sweep/shard.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';
import { fileChecksum } from './checksums.js';
import { withChecksums, writeManifest, type PartRecord, type SweepManifest } from './manifest.js';
import { writeResultsPart, writeSamplesPart } from './parquetParts.js';
import { openOutputFolder, type FolderJob } from './outputFolder.js';
import { hasSpill, isSpillFile, readSpill, removeSpill, removeSpills, spillFile, writeSpill } from './spill.js';
import { writeSummary } from './summaryFile.js';

export interface ExecuteOptions {
  /** The sweep's folder; a shard writes to `<out>/shard-k-of-K`. */
  readonly out: string;
  readonly shard?: Shard;
  readonly threads?: number;
  /** Runs per batch sent to a worker (default 32); changes speed, never results. */
  readonly batchSize?: number;
  /** Runs per part (default: partSize(columns)); part of the design's identity, so every shard must use the same. */
  readonly partSize?: number;
  /** Finish the sweep already in the folder instead of refusing to touch it. */
  readonly resume?: boolean;
  /** Stop cleanly: running batches finish, unfinished parts are kept for --resume. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SweepProgress) => void;
}

export interface SweepProgress {
  /** Runs of this shard that are done (including those done before a resume). */
  readonly done: number;
  readonly total: number;
  readonly failed: number;
}

export interface SweepReport extends SweepProgress {
  readonly folder: string;
  readonly complete: boolean;
  readonly manifest: SweepManifest;
  /** Runs that did not succeed, by status. */
  readonly failures: FailureCounts;
  /** What resuming found missing or damaged and computed again, one sentence each. */
  readonly repaired: readonly string[];
}

/**
 * Executes a sweep job (or one shard of it) into a folder: manifest.json, samples/ and results/
 * with one Parquet file per part, and summary.parquet once a whole sweep is complete. Parts are
 * written as soon as all their runs are in and then listed in the manifest with their checksums,
 * so a sweep that is stopped keeps them; --resume computes only what is missing or damaged and
 * gives the same files. A job with units and labels (a model's) has them recorded in the manifest.
 */
export async function executeSweep(job: FolderJob, options: ExecuteOptions): Promise<SweepReport> {
  const shard = options.shard ?? WHOLE_SWEEP;
  const folder = shard.count > 1 ? join(options.out, shardFolderName(shard)) : options.out;
  const opened = openOutputFolder(folder, job, shard, options.partSize ?? partSize(job.columns.length), options.resume === true);
  let manifest = opened.manifest;
  const repaired = [...opened.repaired];
  const finished = new Set(manifest.parts.map((part) => part.index));
  const range = { from: manifest.shard.from, to: manifest.shard.to };
  const todo = partsOf(range, manifest.partSize).filter((part) => !finished.has(part.index));
  const todoByIndex = new Map(todo.map((part) => [part.index, part]));
  const open = new Map<number, PartBuffer>();
  const width = job.factors.length;
  const columns = job.columns.length;

  let done = manifest.parts.reduce((sum, part) => sum + part.to - part.from, 0);
  let failed = manifest.parts.reduce((sum, part) => sum + part.failed, 0);
  const total = range.to - range.from;
  const report = () => options.onProgress?.({ done, total, failed });

  const finishPart = (buffer: PartBuffer): void => {
    const { part } = buffer;
    const name = partName(part.index);
    const record: PartRecord = { ...part, samples: `samples/${name}.parquet`, results: `results/${name}.parquet`, failed: failures(buffer.status), failures: failureCounts(buffer.status) };
    writeSamplesPart(join(folder, record.samples), { from: part.from, to: part.to, factors: job.factors, inputs: buffer.inputs, status: buffer.status, messages: buffer.messages });
    writeResultsPart(join(folder, record.results), { from: part.from, to: part.to, columns: job.columns, outputs: buffer.outputs });
    manifest = withChecksums({ ...manifest, parts: [...manifest.parts, record] }, folder, [record.samples, record.results], [spillFile(part.index)]);
    writeManifest(folder, manifest);
    removeSpill(folder, part.index);
    open.delete(part.index);
  };

  // Parts an interrupted run left unfinished come back with the runs it kept, if their spill is intact; the others start empty when their first batch is in.
  for (const part of todo) {
    const file = spillFile(part.index);
    const recorded = manifest.checksums?.[file];
    if (!hasSpill(folder, part.index)) {
      if (recorded !== undefined) repaired.push(`${file} is missing: the runs it kept are computed again`);
      continue;
    }
    if (recorded === undefined || recorded !== fileChecksum(join(folder, file))) {
      repaired.push(`${file} ${recorded === undefined ? 'has no checksum in manifest.json' : 'is damaged (its bytes do not match the checksum in manifest.json)'}: the runs it kept are computed again`);
      removeSpill(folder, part.index);
      continue;
    }
    const buffer = readSpill(folder, part, width, columns);
    open.set(part.index, buffer);
    done += part.to - part.from - buffer.remaining;
    failed += failures(buffer.status);
  }
  function* rangesToRun(): Generator<RunRange> {
    for (const part of todo) {
      const buffer = open.get(part.index);
      if (buffer === undefined) yield part;
      else if (buffer.remaining === 0) finishPart(buffer);
      else yield* missingRanges(buffer);
    }
  }

  const deliver = (result: BatchResult): void => {
    const index = Math.floor(result.from / manifest.partSize);
    let buffer = open.get(index);
    if (buffer === undefined) {
      buffer = createPartBuffer(todoByIndex.get(index)!, width, columns);
      open.set(index, buffer);
    }
    addBatch(buffer, result);
    done += result.to - result.from;
    failed += failures(result.status);
    report();
    if (buffer.remaining === 0) finishPart(buffer);
  };

  report();
  const completed = await runBatches(job.worker, batchTasks(job, rangesToRun(), options.batchSize ?? 32), columns, deliver, {
    threads: options.threads,
    signal: options.signal,
  });
  const spills = [...open.values()].filter((buffer) => buffer.remaining < buffer.part.to - buffer.part.from).map((buffer) => writeSpill(folder, buffer));
  manifest = withChecksums(manifest, folder, spills);

  if (completed) {
    const summary = shard.count === 1 ? await writeSummary(folder, manifest) : null;
    const stale = Object.keys(manifest.checksums ?? {}).filter(isSpillFile);
    manifest = withChecksums({ ...manifest, complete: true, summary }, folder, summary === null ? [] : [summary], stale);
    removeSpills(folder);
  }
  writeManifest(folder, manifest);
  return { folder, complete: completed, done, total, failed, manifest, failures: addFailureCounts(manifest.parts.map((part) => part.failures ?? {})), repaired };
}
