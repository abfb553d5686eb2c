import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchResult } from '../../engine/sweep/pool/batch.js';
import { batchTasks, type RunRange } from '../../engine/sweep/pool/batchTasks.js';
import { runBatches } from '../../engine/sweep/pool/runBatches.js';
import { addBatch, createPartBuffer, failures, missingRanges, type PartBuffer } from '../../engine/sweep/partBuffer.js';
import { partName, partSize, partsOf } from '../../engine/sweep/parts.js';
import { shardFolderName, shardRange, WHOLE_SWEEP, type Shard } from '../../engine/sweep/shard.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';
import { UsageError } from '../failure.js';
import { version } from '../version.js';
import { designKey, hasManifest, manifestColumns, readManifest, writeManifest, type PartRecord, type SweepManifest } from './manifest.js';
import { writeResultsPart, writeSamplesPart } from './parquetParts.js';
import { hasSpill, readSpill, removeSpill, writeSpill } from './spill.js';
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
}

/**
 * Executes a sweep job (or one shard of it) into a folder: manifest.json, samples/ and results/
 * with one Parquet file per part, and summary.parquet once a whole sweep is complete. Parts are
 * written as soon as all their runs are in and then listed in the manifest, so a sweep that is
 * stopped keeps them; --resume computes only what is missing and gives the same files. A job with
 * units (a model's) has them recorded in the manifest.
 */
export async function executeSweep(job: SweepJob & Pick<SweepManifest, 'units'>, options: ExecuteOptions): Promise<SweepReport> {
  const shard = options.shard ?? WHOLE_SWEEP;
  const folder = shard.count > 1 ? join(options.out, shardFolderName(shard)) : options.out;
  let manifest = openManifest(folder, job, shard, options.partSize ?? partSize(job.columns.length), options.resume === true);
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
    const record: PartRecord = { ...part, samples: `samples/${name}.parquet`, results: `results/${name}.parquet`, failed: failures(buffer.status) };
    writeSamplesPart(join(folder, record.samples), { from: part.from, to: part.to, factors: job.factors, inputs: buffer.inputs, status: buffer.status, messages: buffer.messages });
    writeResultsPart(join(folder, record.results), { from: part.from, to: part.to, columns: job.columns, outputs: buffer.outputs });
    manifest = { ...manifest, parts: [...manifest.parts, record] };
    writeManifest(folder, manifest);
    removeSpill(folder, part.index);
    open.delete(part.index);
  };

  // Parts an interrupted run left unfinished come back with the runs it kept; the others start empty when their first batch is in.
  for (const part of todo) {
    if (!hasSpill(folder, part.index)) continue;
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
  for (const buffer of open.values()) if (buffer.remaining < buffer.part.to - buffer.part.from) writeSpill(folder, buffer);

  if (completed) {
    const summary = shard.count === 1 ? await writeSummary(folder, manifest) : null;
    manifest = { ...manifest, complete: true, summary };
    rmSync(join(folder, '.partial'), { recursive: true, force: true });
  }
  writeManifest(folder, manifest);
  return { folder, complete: completed, done, total, failed, manifest };
}

/** A new manifest for an empty folder, or the one already there when resuming the same sweep. */
function openManifest(folder: string, job: SweepJob & Pick<SweepManifest, 'units'>, shard: Shard, runsPerPart: number, resume: boolean): SweepManifest {
  const range = shardRange(job.runs, shard);
  const fresh: SweepManifest = {
    format: 'metabolis-sweep',
    formatVersion: 1,
    metabolis: version,
    design: job.description,
    runs: job.runs,
    factors: job.factors,
    columns: manifestColumns(job.columns),
    partSize: runsPerPart,
    shard: { ...shard, ...range },
    parts: [],
    complete: false,
    summary: null,
    ...(job.units === undefined ? {} : { units: job.units }),
  };
  if (!hasManifest(folder)) {
    mkdirSync(join(folder, 'samples'), { recursive: true });
    mkdirSync(join(folder, 'results'), { recursive: true });
    writeManifest(folder, fresh);
    return fresh;
  }
  if (!resume) throw new UsageError(`${folder} already holds a sweep: pass --resume to finish it, or choose another --out`);
  const existing = readManifest(folder);
  if (designKey(existing) !== designKey(fresh) || existing.shard.index !== shard.index || existing.shard.count !== shard.count) {
    throw new UsageError(`cannot resume ${folder}: it holds a different sweep (another model, design, shard or metabolis version); choose another --out`);
  }
  return existing;
}
