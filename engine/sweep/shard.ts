import { OptionsError } from '../errors.js';
import type { RunRange } from './pool/batchTasks.js';

/** Shard `index` of `count` (0 ≤ index < count): one machine's slice of a sweep. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE_SWEEP: Shard = { index: 0, count: 1 };

/** Parses `k/K` as written after --shard (k counts from 0, as Slurm's array task ids do). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new OptionsError('shard', `must be k/K with K ≥ 1 and 0 ≤ k < K, e.g. 0/4 (got ${JSON.stringify(text)})`);
  }
  return { index, count };
}

/**
 * Shard k of K takes runs [⌊N·k/K⌋, ⌊N·(k+1)/K⌋): the slices tile [0, N) exactly, whatever N and
 * K, and differ in size by at most one run. (N·k stays exact: N and K are far below 2^26.)
 */
export function shardRange(runs: number, shard: Shard): RunRange {
  return { from: Math.floor((runs * shard.index) / shard.count), to: Math.floor((runs * (shard.index + 1)) / shard.count) };
}

/** `shard-2-of-8`: the folder of a shard's output inside the sweep's folder. */
export function shardFolderName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}`;
}
