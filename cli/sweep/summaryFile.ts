import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { summarizeColumns, type ColumnSummary } from '../../engine/sweep/summary.js';
import { version } from '../version.js';
import { writeAtomically } from './atomicFile.js';
import { columnBlocks, readColumnBlock } from './columnBlocks.js';
import type { ManifestColumn, SweepManifest } from './manifest.js';

export const SUMMARY_FILE = 'summary.parquet';

/**
 * summary.parquet: one row per output column (per output, statistic and year) with `runs` (runs
 * with a value), `missing`, `mean`, `sd`, `min`, `p05`, `p25`, `p50`, `p75`, `p95`, `max` over all
 * runs of the sweep. Computed from the result parts, a block of columns at a time, so it is the
 * same file whether the sweep ran in one process or was merged from shards.
 */
export async function writeSummary(folder: string, manifest: SweepManifest): Promise<string> {
  const runs = manifest.shard.to - manifest.shard.from;
  const columns = manifest.columns;
  const schema: SchemaElement[] = [
    { name: 'root', num_children: 14 },
    { name: 'output', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
    { name: 'statistic', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
    { name: 'year', type: 'INT32', repetition_type: 'OPTIONAL' },
    { name: 'runs', type: 'INT32', repetition_type: 'REQUIRED' },
    { name: 'missing', type: 'INT32', repetition_type: 'REQUIRED' },
    ...['mean', 'sd', 'min', 'p05', 'p25', 'p50', 'p75', 'p95', 'max'].map((name): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' })),
  ];
  const path = join(folder, SUMMARY_FILE);
  const blocks = columnBlocks(columns.length, runs);
  const summaries: ColumnSummary[] = [];
  for (const [first, last] of blocks) summaries.push(summarizeColumns(await readColumnBlock(folder, manifest, first, last), last - first));
  writeAtomically(path, (temporary) => {
    const writer = new ParquetWriter({ writer: fileWriter(temporary), schema, createdBy: `metabolis ${version}` });
    blocks.forEach(([first, last], b) => {
      const summary = summaries[b];
      const slice = columns.slice(first, last);
      const quantile = (k: number) => Float64Array.from(slice, (_, c) => summary.quantiles[c * summary.probabilities.length + k]);
      writer.write({
        columnData: [
          { name: 'output', data: slice.map((column) => column.output) },
          { name: 'statistic', data: slice.map((column) => column.statistic) },
          { name: 'year', data: slice.map((column) => column.year) },
          { name: 'runs', data: Int32Array.from(summary.runs) },
          { name: 'missing', data: Int32Array.from(summary.missing) },
          { name: 'mean', data: summary.mean },
          { name: 'sd', data: summary.sd },
          { name: 'min', data: summary.min },
          ...[0, 1, 2, 3, 4].map((k) => ({ name: ['p05', 'p25', 'p50', 'p75', 'p95'][k], data: quantile(k) })),
          { name: 'max', data: summary.max },
        ],
        rowGroupSize: Math.max(1, last - first),
      });
    });
    writer.finish();
  });
  return SUMMARY_FILE;
}

/** A row of summary.parquet: one output column's distribution over the runs. */
export interface SummaryRow extends ManifestColumn {
  readonly runs: number;
  readonly missing: number;
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
