import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addFailureCounts } from '../../engine/sweep/failureCounts.js';
import { partName, type Part } from '../../engine/sweep/parts.js';
import { shardRange } from '../../engine/sweep/shard.js';
import { UsageError } from '../failure.js';
import { checkSweepFiles } from './checksums.js';
import { designKey, hasManifest, outputColumns, readManifest, withChecksums, writeManifest, type PartRecord, type SweepManifest } from './manifest.js';
import { readResultColumns, readSamplesPart, writeResultsPart, writeSamplesPart } from './parquetParts.js';
import { writeSummary } from './summaryFile.js';

const SHARD_FOLDER = /^shard-(\d+)-of-(\d+)$/;

/**
 * Combines the shard folders `<folder>/shard-k-of-K` into `<folder>` as if the sweep had run in
 * one process: it checks that every shard 0 … K−1 is there, complete, of the same design and with
 * every file matching its checksum; a
 * part that lies wholly in one shard is copied, a part that two shards cut is joined and written
 * again by the same writer, so the merged files are byte for byte those of a one-process run.
 */
export async function mergeShards(folder: string): Promise<SweepManifest> {
  const shards = findShards(folder);
  const manifests = shards.map((name) => ({ name, manifest: readManifest(join(folder, name)) }));
  const first = manifests[0].manifest;
  for (const { name, manifest } of manifests) {
    if (designKey(manifest) !== designKey(first)) throw new UsageError(`cannot merge ${name}: it is a shard of another sweep than ${shards[0]} (model, design or metabolis version differ)`);
    if (!manifest.complete) {
      const done = manifest.parts.reduce((sum, part) => sum + part.to - part.from, 0);
      throw new UsageError(`cannot merge: ${name} is not complete (${done} of ${manifest.shard.to - manifest.shard.from} runs); run it again with --resume`);
    }
    const expected = shardRange(first.runs, manifest.shard);
    if (manifest.shard.from !== expected.from || manifest.shard.to !== expected.to) throw new UsageError(`cannot merge ${name}: it covers runs [${manifest.shard.from}, ${manifest.shard.to}), not [${expected.from}, ${expected.to})`);
    checkSweepFiles(join(folder, name), manifest);
  }
  if (hasManifest(folder) && readManifest(folder).mergedFrom === undefined) throw new UsageError(`${folder} already holds a sweep that was not merged from shards; merge into a folder of shards only`);

  const pieces = new Map<number, { shard: string; part: PartRecord }[]>();
  for (const { name, manifest } of manifests) {
    for (const part of manifest.parts) pieces.set(part.index, [...(pieces.get(part.index) ?? []), { shard: name, part }]);
  }
  mkdirSync(join(folder, 'samples'), { recursive: true });
  mkdirSync(join(folder, 'results'), { recursive: true });
  const parts: PartRecord[] = [];
  const cells = [...pieces.keys()].sort((a, b) => a - b);
  for (const index of cells) {
    const cell = pieces.get(index)!.sort((a, b) => a.part.from - b.part.from);
    const part: Part = { index, from: cell[0].part.from, to: cell[cell.length - 1].part.to };
    checkContiguous(cell.map((piece) => piece.part), part, first);
    const record: PartRecord = {
      ...part,
      samples: `samples/${partName(index)}.parquet`,
      results: `results/${partName(index)}.parquet`,
      failed: cell.reduce((sum, piece) => sum + piece.part.failed, 0),
      failures: addFailureCounts(cell.map((piece) => piece.part.failures ?? {})),
    };
    if (cell.length === 1) {
      copyFileSync(join(folder, cell[0].shard, cell[0].part.samples), join(folder, record.samples));
      copyFileSync(join(folder, cell[0].shard, cell[0].part.results), join(folder, record.results));
    } else {
      await joinPieces(folder, cell, record, first);
    }
    parts.push(record);
  }
  const covered = parts.reduce((sum, part) => sum + part.to - part.from, 0);
  if (covered !== first.runs) throw new UsageError(`cannot merge: the shards hold ${covered} runs, the sweep has ${first.runs}`);

  const files = parts.flatMap((part) => [part.samples, part.results]);
  let merged: SweepManifest = withChecksums({ ...first, shard: { index: 0, count: 1, from: 0, to: first.runs }, parts, complete: false, summary: null, mergedFrom: shards, checksums: {} }, folder, files);
  writeManifest(folder, merged);
  const summary = await writeSummary(folder, merged);
  merged = withChecksums({ ...merged, complete: true, summary }, folder, [summary]);
  writeManifest(folder, merged);
  return merged;
}

function findShards(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    throw new UsageError(`no sweep folder: ${folder}`);
  }
  const found = entries.flatMap((name) => {
    const match = SHARD_FOLDER.exec(name);
    return match ? [{ name, index: Number(match[1]), count: Number(match[2]) }] : [];
  });
  if (found.length === 0) throw new UsageError(`no shard folders (shard-k-of-K) in ${folder}: run the sweep with --shard k/K --out ${folder} first`);
  const counts = new Set(found.map((shard) => shard.count));
  if (counts.size > 1) throw new UsageError(`cannot merge: ${folder} holds shards of different splits (${[...counts].map((count) => `of ${count}`).join(', ')})`);
  const count = found[0].count;
  const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !found.some((shard) => shard.index === index));
  if (missing.length > 0) throw new UsageError(`cannot merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} in ${folder}`);
  return found.sort((a, b) => a.index - b.index).map((shard) => shard.name);
}

function checkContiguous(pieces: readonly Part[], part: Part, manifest: SweepManifest): void {
  const cellFrom = part.index * manifest.partSize;
  const cellTo = Math.min(manifest.runs, cellFrom + manifest.partSize);
  let at = cellFrom;
  for (const piece of pieces) {
    if (piece.from !== at) throw new UsageError(`cannot merge: runs [${at}, ${piece.from}) of ${partName(part.index)} are in no shard`);
    at = piece.to;
  }
  if (at !== cellTo) throw new UsageError(`cannot merge: runs [${at}, ${cellTo}) of ${partName(part.index)} are in no shard`);
}

/** Reads the pieces of one part from their shards and writes the whole part. */
async function joinPieces(folder: string, cell: readonly { shard: string; part: PartRecord }[], record: PartRecord, manifest: SweepManifest): Promise<void> {
  const rows = record.to - record.from;
  const width = manifest.factors.length;
  const columns = manifest.columns.length;
  const inputs = new Float64Array(rows * width);
  const outputs = new Float64Array(rows * columns);
  const status = new Uint8Array(rows);
  const messages: (string | null)[] = [];
  for (const { shard, part } of cell) {
    const offset = part.from - record.from;
    const samples = await readSamplesPart(join(folder, shard, part.samples), manifest.factors);
    inputs.set(samples.inputs, offset * width);
    status.set(samples.status, offset);
    messages.push(...samples.messages);
    await readResultColumns(join(folder, shard, part.results), part.to - part.from, 0, columns, outputs, offset, columns);
  }
  writeSamplesPart(join(folder, record.samples), { from: record.from, to: record.to, factors: manifest.factors, inputs, status, messages });
  writeResultsPart(join(folder, record.results), { from: record.from, to: record.to, columns: outputColumns(manifest), outputs });
}
