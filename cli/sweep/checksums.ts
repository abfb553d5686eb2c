import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelError } from '../../engine/errors.js';
import { shardFolderName } from '../../engine/sweep/shard.js';
import type { SweepManifest } from './manifest.js';

/**
 * Every file of a sweep folder that holds results — each part's samples and results, the summary,
 * each spill of an interrupted run — has its sha256 in the manifest (`checksums`, by path in the
 * folder), taken when it was written. A file that has gone missing, been cut short or had bits
 * flipped no longer matches: resuming computes its runs again, and every reader refuses it.
 */
export function fileChecksum(path: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
}

export interface DamagedFile {
  /** Path in the sweep folder. */
  readonly file: string;
  readonly problem: 'missing' | 'damaged';
}

/**
 * The files among `files` that are missing or whose bytes do not match their recorded checksum.
 * A file with no checksum recorded (a folder of an older version) is only checked to be there.
 */
export function damagedFiles(folder: string, files: readonly string[], checksums: SweepManifest['checksums']): DamagedFile[] {
  return files.flatMap((file): DamagedFile[] => {
    const path = join(folder, file);
    if (!existsSync(path)) return [{ file, problem: 'missing' }];
    const recorded = checksums?.[file];
    return recorded !== undefined && recorded !== fileChecksum(path) ? [{ file, problem: 'damaged' }] : [];
  });
}

/** The result files a manifest lists: both files of every finished part, and the summary. */
export function manifestFiles(manifest: SweepManifest): string[] {
  return [...manifest.parts.flatMap((part) => [part.samples, part.results]), ...(manifest.summary === null ? [] : [manifest.summary])];
}

/** Throws a report of the damaged files of a folder, if any: what is wrong, and that resuming recomputes them. */
export function checkSweepFiles(folder: string, manifest: SweepManifest): void {
  const damaged = damagedFiles(folder, manifestFiles(manifest), manifest.checksums);
  if (damaged.length > 0) throw damagedFolderError(folder, manifest, damaged);
}

export function describeDamage(damaged: DamagedFile): string {
  return `${damaged.file} is ${damaged.problem === 'missing' ? 'missing' : 'damaged (its bytes do not match the checksum in manifest.json: changed or cut short)'}`;
}

/** Damaged files an error names one by one. */
const LISTED = 5;

function damagedFolderError(folder: string, manifest: SweepManifest, damaged: readonly DamagedFile[]): ModelError {
  const shown = damaged.slice(0, LISTED).map(describeDamage).join('; ');
  const more = damaged.length > LISTED ? `; and ${damaged.length - LISTED} more files` : '';
  const { shard } = manifest;
  const sharded = shard.count > 1;
  const out = sharded && folder.endsWith(shardFolderName(shard)) ? join(folder, '..') : folder;
  const command = `metabolis sweep <sweep file> --out ${out}${sharded ? ` --shard ${shard.index}/${shard.count}` : ''} --resume`;
  return new ModelError(`incomplete sweep folder: ${shown}${more}`, { file: join(folder, damaged[0].file), path: '' }, `${command} recomputes the damaged parts and keeps the others`);
}
