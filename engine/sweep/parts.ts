import type { RunRange } from './pool/batchTasks.js';

/** Output values a part holds at most (16 MB of doubles): what the main thread buffers per part. */
const VALUES_PER_PART = 2 ** 21;
const MAX_RUNS_PER_PART = 2 ** 16;

/**
 * A part is the unit of output on disk: runs [from, to) of one cell of a fixed grid of `partSize`
 * runs, cut where a shard begins or ends. Its files are written when all its runs are in, to a
 * temporary name first, so a part on disk is always whole.
 */
export interface Part extends RunRange {
  /** Cell of the grid: runs [index·partSize, (index + 1)·partSize). */
  readonly index: number;
}

/**
 * Runs per part: the largest power of two that keeps a part within VALUES_PER_PART output values
 * (at least one run, at most 2^16). It depends on the number of output columns only, so every
 * shard and every resumed run of a sweep cuts the same grid.
 */
export function partSize(columns: number): number {
  const runs = Math.max(1, Math.floor(VALUES_PER_PART / Math.max(1, columns)));
  return Math.min(MAX_RUNS_PER_PART, 2 ** Math.floor(Math.log2(runs)));
}

/** The parts of `range`: the grid cells it overlaps, cut to it. */
export function partsOf(range: RunRange, size: number): Part[] {
  const parts: Part[] = [];
  for (let index = Math.floor(range.from / size); index * size < range.to; index++) {
    parts.push({ index, from: Math.max(range.from, index * size), to: Math.min(range.to, (index + 1) * size) });
  }
  return parts;
}

/** `part-00012`: the file name (without extension) of grid cell 12. */
export function partName(index: number): string {
  return `part-${String(index).padStart(5, '0')}`;
}
