import { join } from 'node:path';
import { ModelError } from '../../engine/errors.js';
import { morrisDesign, saltelliRunsPerBase } from '../../engine/sweep/design/index.js';
import { completeBlocks, keepBlocks, morrisEffects, sobolIndices } from '../../engine/sweep/estimators/index.js';
import type { MorrisPlacement } from '../../engine/sweep/design/index.js';
import { censoredPeaks } from '../../engine/sweep/peakStatus.js';
import { UsageError } from '../failure.js';
import { readColumnBlock } from './columnBlocks.js';
import { readCompleteManifest, type ManifestColumn, type SweepLabels, type SweepManifest } from './manifest.js';
import { readRunStatuses, type FailureGroup } from './runStatuses.js';

export interface SensitivityOptions {
  /** Outputs to analyse (default: all). */
  readonly outputs?: readonly string[];
  /** The year of per-year outputs (default: each output's last year); 'all' for every year. */
  readonly year?: number | 'all';
  readonly resamples?: number;
  readonly level?: number;
}

/** Indices of one output column, per factor (and per factor pair for second order). */
export interface ColumnIndices {
  readonly column: ManifestColumn;
  /** Runs used without a value in this column: they make the indices NaN. */
  readonly missing: number;
  /** A peak's year or value: runs used whose largest value is in the last year (rising) or the first (falling), so that year and value are censored. */
  readonly rising?: number;
  readonly falling?: number;
  /** Sobol': the variance of the output over the runs of A and B; 0 means the output never changes, and has no indices. */
  readonly variance?: number;
  readonly factors: readonly FactorIndices[];
  /** Sobol' second order, [i][k], NaN on the diagonal. */
  readonly second?: readonly (readonly number[])[];
}

export type FactorIndices =
  | { readonly factor: string; readonly first: number; readonly firstLow: number; readonly firstHigh: number; readonly total: number; readonly totalLow: number; readonly totalHigh: number }
  | { readonly factor: string; readonly mu: number; readonly muStar: number; readonly sigma: number };

export interface SensitivityReport {
  readonly sampler: 'sobol' | 'morris';
  /** Runs of the sweep. */
  readonly runs: number;
  /** Runs the estimators used: those of the blocks in which every run succeeded. */
  readonly used: number;
  readonly excluded: BlockExclusion;
  readonly level: number | undefined;
  readonly resamples: number | undefined;
  readonly columns: readonly ColumnIndices[];
  readonly labels: SweepLabels | undefined;
}

/**
 * The estimators need complete blocks of runs (a Saltelli base point: A, AB_i, BA_i, B; a Morris
 * trajectory): a block with a run that did not succeed is left out whole.
 */
export interface BlockExclusion {
  /** 'Saltelli block' or 'trajectory'. */
  readonly block: string;
  readonly blocks: number;
  readonly runsPerBlock: number;
  /** Blocks left out. */
  readonly dropped: number;
  /** The runs that did not succeed, by status, with the first messages. */
  readonly failures: readonly FailureGroup[];
}

/**
 * Sensitivity indices of a complete sweep folder: Sobol' first-order, total and second-order
 * indices with bootstrap confidence intervals for a 'sobol' sweep; Morris μ, μ* and σ for a
 * 'morris' sweep. Runs that did not succeed are left out with their whole block (see
 * BlockExclusion). Each output column is read alone (its own row groups in every part), so memory stays at
 * one column of every run.
 */
export async function sensitivity(folder: string, options: SensitivityOptions = {}): Promise<SensitivityReport> {
  const manifest = readCompleteManifest(folder);
  const design = manifest.design as { sampler?: string; n?: number; seed?: number; secondOrder?: boolean; levels?: number; placement?: MorrisPlacement };
  if (design.sampler !== 'sobol' && design.sampler !== 'morris') {
    throw new UsageError(`sensitivity indices need a sweep with sampler sobol or morris; ${folder} used ${design.sampler}`);
  }
  const selected = selectColumns(manifest, options);
  const factors = manifest.factors.length;
  const morris = design.sampler === 'morris';
  const runsPerBlock = morris ? factors + 1 : saltelliRunsPerBase(factors, design.secondOrder ?? true);
  const { status, failures } = await readRunStatuses(folder, manifest);
  const keep = completeBlocks(status, runsPerBlock);
  const kept = keep.reduce((sum, flag) => sum + flag, 0);
  const excluded: BlockExclusion = { block: morris ? 'trajectory' : 'Saltelli block', blocks: keep.length, runsPerBlock, dropped: keep.length - kept, failures };
  if (kept === 0) {
    throw new ModelError(
      `no sensitivity indices: every ${excluded.block} of ${folder} has a run that did not succeed (${failures.map((group) => `${group.status} ${group.count}`).join(', ')})`,
      { file: join(folder, 'samples'), path: '' },
      `see why with metabolis failures ${folder}; then fix the model or narrow the factors' distributions`,
    );
  }
  const columns: ColumnIndices[] = [];
  const points = morris ? keepBlocks(morrisPoints(manifest, design), factors, runsPerBlock, keep) : undefined;
  const read = async (index: number) => keepBlocks(await readColumnBlock(folder, manifest, index, index + 1), 1, runsPerBlock, keep);
  for (const index of selected) {
    const values = await read(index);
    const column = manifest.columns[index];
    const missing = values.reduce((count, value) => count + (Number.isNaN(value) ? 1 : 0), 0);
    const censored = column.statistic === 'peak_year' || column.statistic === 'peak_value' ? censoredPeaks(await read(manifest.columns.findIndex((other) => other.output === column.output && other.statistic === 'peak_status'))) : {};
    if (points) {
      const effects = morrisEffects(points, values, { factors, outputs: 1 });
      columns.push({ column, missing, ...censored, factors: manifest.factors.map((factor, i) => ({ factor, mu: effects.mu[i], muStar: effects.muStar[i], sigma: effects.sigma[i] })) });
      continue;
    }
    const indices = sobolIndices(values, {
      factors,
      outputs: 1,
      secondOrder: design.secondOrder ?? true,
      seed: design.seed ?? 0,
      ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
      ...(options.level === undefined ? {} : { level: options.level }),
    });
    const second = indices.second;
    columns.push({
      column,
      missing,
      ...censored,
      variance: indices.variance[0],
      factors: manifest.factors.map((factor, i) => ({
        factor,
        first: indices.first[i],
        firstLow: indices.firstLow[i],
        firstHigh: indices.firstHigh[i],
        total: indices.total[i],
        totalLow: indices.totalLow[i],
        totalHigh: indices.totalHigh[i],
      })),
      ...(second ? { second: manifest.factors.map((_, i) => manifest.factors.map((__, k) => second[i * factors + k])) } : {}),
    });
  }
  return {
    sampler: design.sampler,
    runs: manifest.runs,
    used: kept * runsPerBlock,
    excluded,
    level: morris ? undefined : (options.level ?? 0.95),
    resamples: morris ? undefined : (options.resamples ?? 1000),
    columns,
    labels: manifest.labels,
  };
}

/** Scalar statistics (peak, total) and per-year values at the chosen year (default: the last year of each output), or at every year. */
function selectColumns(manifest: SweepManifest, options: SensitivityOptions): number[] {
  const known = new Set(manifest.columns.map((column) => column.output));
  for (const output of options.outputs ?? []) if (!known.has(output)) throw new UsageError(`unknown output: ${output} (outputs: ${[...known].join(', ')})`);
  const lastYear = new Map<string, number>();
  const years = new Map<string, number[]>();
  for (const column of manifest.columns) {
    if (column.year === null) continue;
    lastYear.set(column.output, Math.max(lastYear.get(column.output) ?? -Infinity, column.year));
    years.set(column.output, [...(years.get(column.output) ?? []), column.year]);
  }
  for (const [output, recorded] of years) {
    if (options.year === undefined || options.year === 'all' || recorded.includes(options.year) || (options.outputs && !options.outputs.includes(output))) continue;
    throw new UsageError(`no values of ${output} for ${options.year} (it has ${recorded[0]}–${recorded[recorded.length - 1]})`);
  }
  const picked = manifest.columns.flatMap((column, index) => {
    // A status code has no sensitivity indices; it qualifies the peak's year and value.
    if (column.statistic === 'peak_status') return [];
    if (options.outputs && !options.outputs.includes(column.output)) return [];
    if (column.year === null) return [index];
    if (options.year === 'all') return [index];
    return column.year === (options.year ?? lastYear.get(column.output)) ? [index] : [];
  });
  return picked;
}

/** The unit points of the Morris design, made again from the manifest: the estimator needs the step each run took. */
function morrisPoints(manifest: SweepManifest, design: { n?: number; seed?: number; levels?: number; placement?: MorrisPlacement }): Float64Array {
  const morris = morrisDesign({ factors: manifest.factors.length, trajectories: design.n!, levels: design.levels, placement: design.placement, seed: design.seed ?? 0 });
  const points = new Float64Array(morris.size * manifest.factors.length);
  morris.fill(0, morris.size, points);
  return points;
}

