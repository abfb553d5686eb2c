import type { SolutionStatus } from '../simulate/solution.js';

/**
 * What a sweep computes, apart from how and where: a table of inputs (one row per run, one column
 * per factor) and, for every run, a row of output columns computed by a worker. The model sweep
 * builds one from a sweep file (job/modelSweepJob.ts); tests build stand-ins. Everything that
 * executes a sweep — pool, parts, files, shards, merge — sees only this.
 */
export interface SweepJob {
  /** Number of runs of the whole design (every shard sees the same number). */
  readonly runs: number;
  /** Factor names: the columns of the input table. */
  readonly factors: readonly string[];
  /** What each output column holds. */
  readonly columns: readonly OutputColumn[];
  /** Writes the inputs of runs [from, to) into out, row-major; rows depend on (design, run) only. */
  fillInputs(from: number, to: number, out: Float64Array): void;
  /** The worker that turns input rows into output rows; see pool/batchWorker.ts. */
  readonly worker: WorkerSpec;
  /**
   * What the manifest records about the design, as plain JSON (model and its hash, sampler, seed,
   * N, factors and their distributions, outputs): two runs with equal descriptions compute the
   * same numbers, which is what resuming and merging check.
   */
  readonly description: Readonly<Record<string, unknown>>;
}

/**
 * One output column: `output` is the name given in the sweep file; `statistic` says which number
 * of it (a value per year, the peak's year, value or status, a total); `year` is set for per-year values.
 */
export interface OutputColumn {
  readonly output: string;
  readonly statistic: OutputStatistic;
  readonly year: number | undefined;
}

/** `peak_status` holds a code of peakStatus.ts: whether the peak year and value are a peak or censored at an end of the years. */
export type OutputStatistic = 'value' | 'peak_year' | 'peak_value' | 'peak_status' | 'total';

/** A worker module (its default export handles batches) and the data it starts from. */
export interface WorkerSpec {
  /** The module's URL as built (`….js`); run from source, the `.ts` next to it is used. */
  readonly file: URL;
  /** Structured-cloned into every worker once (e.g. the model definition it compiles). */
  readonly data: unknown;
}

/**
 * How a run ended, stored as an index into this list: a run's own statuses, plus 'error' for a run
 * that threw or whose worker died. A run that is not 'success' keeps the outputs it has (NaN where
 * it has none) and its message, and the sweep goes on.
 */
export const SAMPLE_STATUSES = [
  'success',
  'negative-inflow',
  'invalid-shares',
  'negative-flow',
  'invalid-lifetime',
  'unreachable-target',
  'singular-loop',
  'non-finite',
  'unbalanced',
  'error',
] as const satisfies readonly (SolutionStatus | 'error')[];

export type SampleStatus = (typeof SAMPLE_STATUSES)[number];


/** The index of `status` in SAMPLE_STATUSES, as stored. */
export function statusCode(status: SampleStatus): number {
  return SAMPLE_STATUSES.indexOf(status);
}
