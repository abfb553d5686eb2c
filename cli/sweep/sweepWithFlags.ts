import { slug } from '../output/slug.js';
import { availableParallelism } from 'node:os';
import { totalFailures } from '../../engine/sweep/failureCounts.js';
import { parseShard, shardFolderName } from '../../engine/sweep/shard.js';
import { designWarnings } from '../../engine/sweep/spec/designWarnings.js';
import { SAMPLERS, type SamplerName } from '../../engine/sweep/spec/sweepSpec.js';
import { UsageError } from '../failure.js';
import { executeSweep, type SweepProgress } from './executeSweep.js';
import { peakCountLines } from './exclusionNotes.js';
import { failureSentence } from './failuresAction.js';
import { dataFolders } from '../dataRoots.js';
import { openSweep } from './openSweep.js';
import { chooseBatchSize } from './batchSize.js';
import { readSummary } from './summaryFile.js';

export interface SweepFlags {
  readonly sampler?: string;
  readonly n?: string;
  readonly seed?: string;
  readonly threads?: string;
  readonly batchSize?: string;
  readonly out?: string;
  readonly shard?: string;
  readonly resume?: boolean;
  readonly quiet?: boolean;
  readonly dataRoot?: string[];
}

/** Exit code of a sweep stopped by Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;

/** Where a sweep's messages go: its progress, and text for stdout and stderr. */
export interface SweepOutput {
  progress(progress: SweepProgress): void;
  /** The progress is over: later text starts on a line of its own. */
  progressDone(): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The work of `metabolis sweep <sweep>`: run (or resume) the sweep, or one shard of it, until done
 * or until `signal` aborts, and say what it did. Returns the exit code (0, or 130 when stopped).
 */
export async function sweepWithFlags(path: string, flags: SweepFlags, signal: AbortSignal, output: SweepOutput): Promise<number> {
  const sampler = flags.sampler === undefined ? undefined : checkSampler(flags.sampler);
  const n = optionalInteger('--n', flags.n, 1);
  const seed = optionalInteger('--seed', flags.seed, 0);
  const threads = optionalInteger('--threads', flags.threads, 1) ?? availableParallelism();
  const shard = flags.shard === undefined ? undefined : parseShardFlag(flags.shard);
  const { spec, job } = openSweep(path, { sampler, n, seed }, dataFolders(flags));
  for (const warning of designWarnings(spec)) output.stderr(`warning: ${warning}\n`);
  const batchSize = optionalInteger('--batch-size', flags.batchSize, 1) ?? chooseBatchSize(job);
  const model = job.description.model as { name: string };
  const out = flags.out ?? `results/${slug(model.name)}-sweep`;

  const report = await executeSweep(job, { out, shard, threads, batchSize, resume: flags.resume, signal, onProgress: flags.quiet ? undefined : output.progress });
  output.progressDone();
  for (const repair of report.repaired) output.stderr(`repaired: ${repair}\n`);
  const where = shard ? `${out}/${shardFolderName(shard)}` : out;
  const which = shard ? `shard ${shard.index} of ${shard.count}: ` : '';
  const failed = totalFailures(report.failures) === 0 ? '' : `\n${failureSentence(report.failures, where)}`;
  if (!report.complete) {
    output.stdout(`interrupted: ${which}${report.done} of ${report.total} runs kept in ${where}\nfinish with: metabolis sweep ${path} --out ${out}${shard ? ` --shard ${flags.shard}` : ''} --resume\n`);
    return EXIT_INTERRUPTED;
  }
  const peaks = shard ? [] : peakCountLines(await readSummary(where, report.manifest));
  output.stdout(`${which}${report.total} runs in ${where}${failed}\n${peaks.map((line) => `${line}\n`).join('')}${shard ? `when every shard is done: metabolis merge ${out}\n` : ''}`);
  return 0;
}

function checkSampler(name: string): SamplerName {
  if ((SAMPLERS as readonly string[]).includes(name)) return name as SamplerName;
  throw new UsageError(`--sampler must be one of ${SAMPLERS.join(', ')} (got ${name})`);
}

function optionalInteger(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} must be an integer of at least ${min} (got ${text})`);
  return value;
}

function parseShardFlag(text: string) {
  try {
    return parseShard(text);
  } catch {
    throw new UsageError(`--shard must be k/K with 0 ≤ k < K, e.g. 0/4 (got ${text})`);
  }
}

