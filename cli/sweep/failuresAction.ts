import { formatFailureCounts, totalFailures, type FailureCounts } from '../../engine/sweep/failureCounts.js';
import { UsageError } from '../failure.js';
import { checkSweepFiles } from './checksums.js';
import { readManifest } from './manifest.js';
import { readRunStatuses, type FailureGroup } from './runStatuses.js';

export interface FailuresFlags {
  readonly examples?: string;
  readonly json?: boolean;
}

/** `metabolis failures <sweep-dir>`: list the runs of a sweep that did not succeed. */
export async function listFailures(folder: string, flags: FailuresFlags): Promise<void> {
  const examples = flags.examples === undefined ? 5 : Number(flags.examples);
  if (!(Number.isSafeInteger(examples) && examples >= 0)) throw new UsageError(`--examples must be a non-negative integer (got ${flags.examples})`);
  const manifest = readManifest(folder);
  checkSweepFiles(folder, manifest);
  const { failures } = await readRunStatuses(folder, manifest, examples);
  const runs = manifest.parts.reduce((sum, part) => sum + part.to - part.from, 0);
  process.stdout.write(flags.json ? `${JSON.stringify({ runs, failures }, null, 2)}\n` : `${formatFailures(failures, runs).join('\n')}\n`);
}

/** Characters of a message shown in a listing. */
const MESSAGE_LENGTH = 160;

/** "4 of 80 runs did not succeed": then per status its count and the runs listed, with their messages. */
export function formatFailures(failures: readonly FailureGroup[], runs: number): string[] {
  const failed = failures.reduce((sum, group) => sum + group.count, 0);
  if (failed === 0) return [`every one of the ${runs} runs succeeded`];
  const lines = [`${failed} of ${runs} runs did not succeed (status and message of each are in samples/):`];
  for (const group of failures) {
    lines.push(`  ${group.status}: ${group.count} run${group.count === 1 ? '' : 's'}`);
    for (const { sample, message } of group.examples) {
      const text = message === null ? '(no message)' : message.length > MESSAGE_LENGTH ? `${message.slice(0, MESSAGE_LENGTH - 1)}…` : message;
      lines.push(`    sample ${sample}: ${text}`);
    }
    if (group.examples.length < group.count) lines.push(`    … ${group.count - group.examples.length} more`);
  }
  return lines;
}

/** How many runs failed, by status, and what becomes of them: what `sweep` and `merge` print. */
export function failureSentence(failures: FailureCounts, folder: string): string {
  const count = totalFailures(failures);
  return (
    `${count} run${count === 1 ? '' : 's'} did not succeed (${formatFailureCounts(failures)}): summary.parquet, the figures and the sensitivity indices leave ` +
    `${count === 1 ? 'it' : 'them'} out (the indices with every run of their Saltelli block or Morris trajectory); list them with metabolis failures ${folder}`
  );
}
