import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { excludeRuns, summarizeColumns, type ColumnSummary, type ExcludedRuns } from '../../engine/sweep/summary.js';
import { version } from '../version.js';
import { writeAtomically } from './atomicFile.js';
import { columnBlocks, readColumnBlock } from './columnBlocks.js';
import type { ManifestColumn, SweepManifest } from './manifest.js';
import { readRunStatuses } from './runStatuses.js';

export const SUMMARY_FILE = 'summary.parquet';

/**
 * summary.parquet: one row per output column (per output, statistic and year; peak_status has
 * none: its counts are in the peak rows) with the distribution over the runs that succeeded:
 * `runs` (runs with a value), `missing` (successful runs without one), `failed` (runs that did not
 * succeed, left out whatever values they have), `rising` and `falling` (peak year and value only:
 * successful runs whose largest value is in the last or the first year, censored, left out, so
 * the peak rows describe real peaks), `mean`, `sd`, `min`, `p05`, `p25`, `p50`, `p75`, `p95`,
 * `max`; runs + missing + failed + rising + falling is every run. Computed from the parts, a block
 * of columns at a time, so it is the same file whether the sweep ran in one process or was merged
 * from shards.
 */
export async function writeSummary(folder: string, manifest: SweepManifest): Promise<string> {
  const runs = manifest.shard.to - manifest.shard.from;
  const columns = manifest.columns;
  const counts = ['runs', 'missing', 'failed', 'rising', 'falling'];
  const schema: SchemaElement[] = [
    { name: 'root', num_children: 3 + counts.length + 9 },
    { name: 'output', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
    { name: 'statistic', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
    { name: 'year', type: 'INT32', repetition_type: 'OPTIONAL' },
    ...counts.map((name): SchemaElement => ({ name, type: 'INT32', repetition_type: 'REQUIRED' })),
    ...['mean', 'sd', 'min', 'p05', 'p25', 'p50', 'p75', 'p95', 'max'].map((name): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' })),
  ];
  const path = join(folder, SUMMARY_FILE);
  const { status } = await readRunStatuses(folder, manifest, 0);
  const peakStatus = await peakStatusColumns(folder, manifest);
  const blocks = columnBlocks(columns.length, runs);
  const summaries: { summary: ColumnSummary; excluded: ExcludedRuns }[] = [];
  for (const [first, last] of blocks) {
    const values = await readColumnBlock(folder, manifest, first, last);
    const excluded = excludeRuns(values, last - first, status, columns.slice(first, last).map((column) => (column.statistic === 'peak_year' || column.statistic === 'peak_value' ? peakStatus.get(column.output) : undefined)));
    summaries.push({ summary: summarizeColumns(values, last - first), excluded });
  }
  writeAtomically(path, (temporary) => {
    const writer = new ParquetWriter({ writer: fileWriter(temporary), schema, createdBy: `metabolis ${version}` });
    blocks.forEach(([first, last], b) => {
      const { summary, excluded } = summaries[b];
      const kept = Array.from({ length: last - first }, (_, c) => c).filter((c) => columns[first + c].statistic !== 'peak_status');
      if (kept.length === 0) return;
      const slice = kept.map((c) => columns[first + c]);
      const pick = (array: ArrayLike<number>) => Float64Array.from(kept, (c) => array[c]);
      const count = (array: ArrayLike<number>) => Int32Array.from(kept, (c) => array[c]);
      const quantile = (k: number) => Float64Array.from(kept, (c) => summary.quantiles[c * summary.probabilities.length + k]);
      const missing = kept.map((c) => summary.missing[c] - excluded.failed[c] - excluded.rising[c] - excluded.falling[c]);
      writer.write({
        columnData: [
          { name: 'output', data: slice.map((column) => column.output) },
          { name: 'statistic', data: slice.map((column) => column.statistic) },
          { name: 'year', data: slice.map((column) => column.year) },
          { name: 'runs', data: count(summary.runs) },
          { name: 'missing', data: Int32Array.from(missing) },
          { name: 'failed', data: count(excluded.failed) },
          { name: 'rising', data: count(excluded.rising) },
          { name: 'falling', data: count(excluded.falling) },
          { name: 'mean', data: pick(summary.mean) },
          { name: 'sd', data: pick(summary.sd) },
          { name: 'min', data: pick(summary.min) },
          ...[0, 1, 2, 3, 4].map((k) => ({ name: ['p05', 'p25', 'p50', 'p75', 'p95'][k], data: quantile(k) })),
          { name: 'max', data: pick(summary.max) },
        ],
        rowGroupSize: kept.length,
      });
    });
    writer.finish();
  });
  return SUMMARY_FILE;
}

/** The peak_status column of every output that records a peak, over all runs. */
export async function peakStatusColumns(folder: string, manifest: SweepManifest): Promise<Map<string, Float64Array>> {
  const columns = new Map<string, Float64Array>();
  for (const [index, column] of manifest.columns.entries()) {
    if (column.statistic === 'peak_status') columns.set(column.output, await readColumnBlock(folder, manifest, index, index + 1));
  }
  return columns;
}

/** A row of summary.parquet: one output column's distribution over the runs. */
export interface SummaryRow extends ManifestColumn {
  readonly runs: number;
  readonly missing: number;
  readonly failed: number;
  readonly rising: number;
  readonly falling: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly max: number;
}

/** The rows of a complete sweep's summary.parquet, in the order of the manifest's columns. */
export async function readSummary(folder: string, manifest: SweepManifest): Promise<SummaryRow[]> {
  const file = await asyncBufferFromFile(join(folder, manifest.summary ?? SUMMARY_FILE));
  return (await parquetReadObjects({ file })) as unknown as SummaryRow[];
}
