import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Part } from '../../engine/sweep/parts.js';
import type { Shard } from '../../engine/sweep/shard.js';
import type { FailureCounts } from '../../engine/sweep/failureCounts.js';
import type { OutputColumn } from '../../engine/sweep/sweepJob.js';
import { UsageError } from '../failure.js';
import { writeTextAtomically } from './atomicFile.js';
import { checkSweepFiles, fileChecksum } from './checksums.js';

export const MANIFEST_FILE = 'manifest.json';

/**
 * manifest.json: everything a reader (Python, R, a resumed run, a merge) needs to find and trust
 * the files of a sweep. `design` and the fields next to it say what was computed; `shard`, `parts`
 * and `complete` say how much of it is on disk. Finished parts are listed only once both their
 * files are in place, so a part listed here is never half-written; `checksums` lets every reader
 * check that the files are still those that were written (checksums.ts).
 */
export interface SweepManifest {
  readonly format: 'metabolis-sweep';
  readonly formatVersion: 1;
  /** The metabolis version that computed it: another version may compute other numbers. */
  readonly metabolis: string;
  /** The sweep job's description: model and hash, sampler, seed, N, factors and ranges, outputs. */
  readonly design: Readonly<Record<string, unknown>>;
  readonly runs: number;
  readonly factors: readonly string[];
  readonly columns: readonly ManifestColumn[];
  readonly partSize: number;
  /** This folder's slice of the design; a merged sweep is shard 0 of 1 and lists its sources in `mergedFrom`. */
  readonly shard: Shard & { readonly from: number; readonly to: number };
  readonly parts: readonly PartRecord[];
  readonly complete: boolean;
  /** Per output column statistics over all runs, once complete (not written for a single shard). */
  readonly summary: string | null;
  readonly mergedFrom?: readonly string[];
  /**
   * Unit of each output's yearly values and peak value (a total is that unit times a year), for
   * figures to state; absent in folders of stand-in jobs and of versions that did not record it.
   */
  readonly units?: Readonly<Record<string, string>>;
  /** What figures and tables call factors and outputs that have a `label` in the sweep file. */
  readonly labels?: SweepLabels;
  /**
   * `sha256:<hex>` of every part file, the summary and every spill of an interrupted run, by path
   * in the folder; absent in folders of versions that did not record them.
   */
  readonly checksums?: Readonly<Record<string, string>>;
}

export interface SweepLabels {
  readonly factors: Readonly<Record<string, string>>;
  readonly outputs: Readonly<Record<string, string>>;
}

/** An output column as JSON: `year` is null for statistics that are not per year. */
export interface ManifestColumn {
  readonly output: string;
  readonly statistic: OutputColumn['statistic'];
  readonly year: number | null;
}

export interface PartRecord extends Part {
  readonly samples: string;
  readonly results: string;
  /** Runs of the part whose status is not success. */
  readonly failed: number;
  /** Those runs by status (absent in folders of versions that did not record them). */
  readonly failures?: FailureCounts;
}

export function manifestColumns(columns: readonly OutputColumn[]): ManifestColumn[] {
  return columns.map(({ output, statistic, year }) => ({ output, statistic, year: year ?? null }));
}

export function outputColumns(manifest: SweepManifest): OutputColumn[] {
  return manifest.columns.map(({ output, statistic, year }) => ({ output, statistic, year: year ?? undefined }));
}

/** The fields that say what a sweep computes: equal for a resumed run, for every shard of a sweep, and for its merge. */
export function designKey(manifest: SweepManifest): string {
  const { metabolis, design, runs, factors, columns, partSize } = manifest;
  return JSON.stringify({ metabolis, design, runs, factors, columns, partSize });
}

export function hasManifest(folder: string): boolean {
  return existsSync(join(folder, MANIFEST_FILE));
}

export function readManifest(folder: string): SweepManifest {
  const path = join(folder, MANIFEST_FILE);
  let manifest: Partial<SweepManifest>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<SweepManifest>;
  } catch (error) {
    throw new UsageError(`cannot read sweep manifest ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (manifest.format !== 'metabolis-sweep' || manifest.formatVersion !== 1) throw new UsageError(`not a metabolis sweep manifest: ${path}`);
  return manifest as SweepManifest;
}

/**
 * The manifest of a whole sweep with every run done, its files checked against their checksums:
 * what the summary, the indices and the figures read.
 */
export function readCompleteManifest(folder: string): SweepManifest {
  const manifest = readManifest(folder);
  if (!manifest.complete || manifest.shard.count !== 1) {
    throw new UsageError(`${folder} is not a complete sweep${manifest.shard.count > 1 ? ' (it is one shard: merge the shards first)' : ': finish it with --resume'}`);
  }
  checkSweepFiles(folder, manifest);
  return manifest;
}

export function writeManifest(folder: string, manifest: SweepManifest): void {
  const parts = [...manifest.parts].sort((a, b) => a.index - b.index || a.from - b.from);
  const checksums = manifest.checksums && Object.fromEntries(Object.entries(manifest.checksums).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeTextAtomically(join(folder, MANIFEST_FILE), `${JSON.stringify({ ...manifest, parts, checksums }, null, 2)}\n`);
}

/** The manifest with `files` given their current checksums, and `dropped` forgotten. */
export function withChecksums(manifest: SweepManifest, folder: string, files: readonly string[], dropped: readonly string[] = []): SweepManifest {
  const checksums: Record<string, string> = { ...manifest.checksums };
  for (const file of dropped) delete checksums[file];
  for (const file of files) checksums[file] = fileChecksum(join(folder, file));
  return { ...manifest, checksums };
}
