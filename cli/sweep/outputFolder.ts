import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { shardRange, type Shard } from '../../engine/sweep/shard.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';
import { UsageError } from '../failure.js';
import { version } from '../version.js';
import { damagedFiles, describeDamage } from './checksums.js';
import { designKey, hasManifest, manifestColumns, readManifest, writeManifest, type SweepManifest } from './manifest.js';

/** A sweep job with what its manifest records beside the design: the outputs' units and the labels (a model's job has both). */
export type FolderJob = SweepJob & Pick<SweepManifest, 'units' | 'labels'>;

/**
 * The manifest of the folder a sweep writes to: a new one for an empty folder, or, when resuming
 * the same sweep, the one already there without the parts whose files are missing or damaged
 * (their files removed, so they are computed again) — with a sentence for each such file.
 */
export function openOutputFolder(folder: string, job: FolderJob, shard: Shard, runsPerPart: number, resume: boolean): { manifest: SweepManifest; repaired: string[] } {
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
    ...(job.labels === undefined ? {} : { labels: job.labels }),
    checksums: {},
  };
  mkdirSync(join(folder, 'samples'), { recursive: true });
  mkdirSync(join(folder, 'results'), { recursive: true });
  if (!hasManifest(folder)) {
    writeManifest(folder, fresh);
    return { manifest: fresh, repaired: [] };
  }
  if (!resume) throw new UsageError(`${folder} already holds a sweep: pass --resume to finish it, or choose another --out`);
  const existing = readManifest(folder);
  if (designKey(existing) !== designKey(fresh) || existing.shard.index !== shard.index || existing.shard.count !== shard.count) {
    throw new UsageError(`cannot resume ${folder}: it holds a different sweep (another model, design, shard or metabolis version); choose another --out`);
  }
  return dropDamagedParts(folder, existing);
}

function dropDamagedParts(folder: string, manifest: SweepManifest): { manifest: SweepManifest; repaired: string[] } {
  const repaired: string[] = [];
  const checksums: Record<string, string> = { ...manifest.checksums };
  const parts = manifest.parts.filter((part) => {
    const damaged = damagedFiles(folder, [part.samples, part.results], manifest.checksums);
    if (damaged.length === 0) return true;
    for (const file of damaged) repaired.push(`${describeDamage(file)}: runs [${part.from}, ${part.to}) are computed again`);
    for (const file of [part.samples, part.results]) {
      rmSync(join(folder, file), { force: true });
      delete checksums[file];
    }
    return false;
  });
  const summary = manifest.summary === null ? [] : damagedFiles(folder, [manifest.summary], manifest.checksums);
  for (const file of summary) repaired.push(`${describeDamage(file)}: it is written again`);
  if (repaired.length === 0) return { manifest, repaired };
  const repairedManifest: SweepManifest = { ...manifest, parts, checksums, complete: false, summary: null };
  writeManifest(folder, repairedManifest);
  return { manifest: repairedManifest, repaired };
}
