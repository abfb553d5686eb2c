import { asyncBufferFromFile, parquetRead, type ParquetReadOptions } from 'hyparquet';
import { ModelError } from '../../engine/errors.js';
import { fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { OutputColumn } from '../../engine/sweep/sweepJob.js';
import { SAMPLE_STATUSES } from '../../engine/sweep/sweepJob.js';
import { version } from '../version.js';
import { writeAtomically } from './atomicFile.js';

/**
 * The two Parquet files of a part. Both are plain flat tables that pandas, R arrow and DuckDB read
 * as they are, alone or as a folder of parts:
 *
 * samples: one row per run: `sample` (int32), one double column per factor, `status` (string:
 *   success, a run status, or error) and `message` (string, null for a success).
 * results: long format, one row per run and output column: `sample`, `output`, `statistic`
 *   (value, peak_year, peak_value, total), `year` (int32, null unless a per-year value), `value`
 *   (double, NaN where a run has no value). Rows go column by column, each output column of the
 *   part in row groups of its own (of at most ROW_GROUP_ROWS runs), so a reader of a few columns
 *   (the summary, the sensitivity indices) decodes only their row groups.
 */

const CREATED_BY = `metabolis ${version}`;

const required = (name: string, type: 'INT32' | 'DOUBLE'): SchemaElement => ({ name, type, repetition_type: 'REQUIRED' });
const text = (name: string, nullable: boolean): SchemaElement => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: nullable ? 'OPTIONAL' : 'REQUIRED' });

export interface SamplesPart {
  readonly from: number;
  readonly to: number;
  readonly factors: readonly string[];
  /** (to − from) × factors, row-major. */
  readonly inputs: Float64Array;
  readonly status: Uint8Array;
  readonly messages: readonly (string | null)[];
}

export function writeSamplesPart(path: string, part: SamplesPart): void {
  const rows = part.to - part.from;
  const width = part.factors.length;
  const schema: SchemaElement[] = [
    { name: 'root', num_children: width + 3 },
    required('sample', 'INT32'),
    ...part.factors.map((factor) => required(factor, 'DOUBLE')),
    text('status', false),
    text('message', true),
  ];
  const columnData = [
    { name: 'sample', data: Int32Array.from({ length: rows }, (_, row) => part.from + row) },
    ...part.factors.map((factor, f) => ({ name: factor, data: Float64Array.from({ length: rows }, (_, row) => part.inputs[row * width + f]) })),
    { name: 'status', data: Array.from(part.status, (code) => SAMPLE_STATUSES[code]) },
    { name: 'message', data: [...part.messages] },
  ];
  writeAtomically(path, (temporary) => {
    const writer = new ParquetWriter({ writer: fileWriter(temporary), schema, createdBy: CREATED_BY });
    writer.write({ columnData, rowGroupSize: Math.max(1, rows) });
    writer.finish();
  });
}

export interface ResultsPart {
  readonly from: number;
  readonly to: number;
  readonly columns: readonly OutputColumn[];
  /** (to − from) × columns, row-major. */
  readonly outputs: Float64Array;
}

/**
 * Rows per row group of a results file. A JavaScript array of 16,384 values (a part's runs) is just
 * over V8's 128 kB limit for ordinary objects, so the string and year columns of each output column,
 * and the copies the writer slices from them, went to the large-object space, which only a full
 * collection frees: 28 MB of garbage the main thread carried per part written. At 8,192 they
 * die young.
 */
const ROW_GROUP_ROWS = 8192;

export function writeResultsPart(path: string, part: ResultsPart): void {
  const rows = part.to - part.from;
  const width = part.columns.length;
  const schema: SchemaElement[] = [
    { name: 'root', num_children: 5 },
    required('sample', 'INT32'),
    text('output', false),
    text('statistic', false),
    { name: 'year', type: 'INT32', repetition_type: 'OPTIONAL' },
    required('value', 'DOUBLE'),
  ];
  writeAtomically(path, (temporary) => {
    const writer = new ParquetWriter({ writer: fileWriter(temporary), schema, createdBy: CREATED_BY });
    part.columns.forEach((column, c) => {
      for (let start = 0; start < rows; start += ROW_GROUP_ROWS) {
        const length = Math.min(ROW_GROUP_ROWS, rows - start);
        const value = new Float64Array(length);
        for (let row = 0; row < length; row++) value[row] = part.outputs[(start + row) * width + c];
        writer.write({
          columnData: [
            { name: 'sample', data: Int32Array.from({ length }, (_, row) => part.from + start + row) },
            { name: 'output', data: new Array<string>(length).fill(column.output) },
            { name: 'statistic', data: new Array<string>(length).fill(column.statistic) },
            { name: 'year', data: new Array<number | null>(length).fill(column.year ?? null) },
            { name: 'value', data: value },
          ],
          rowGroupSize: length,
        });
      }
    });
    writer.finish();
  });
}

/** Reads a whole samples part back (merge joins the pieces of a part that shards cut). */
export async function readSamplesPart(path: string, factors: readonly string[]): Promise<SamplesPart> {
  const columns = await readColumns(path, ['sample', ...factors, 'status', 'message']);
  const samples = columns.get('sample')!;
  const rows = samples.length;
  const inputs = new Float64Array(rows * factors.length);
  factors.forEach((factor, f) => {
    const values = columns.get(factor)!;
    for (let row = 0; row < rows; row++) inputs[row * factors.length + f] = values[row] as number;
  });
  const status = Uint8Array.from(columns.get('status')!, (name) => SAMPLE_STATUSES.indexOf(name as (typeof SAMPLE_STATUSES)[number]));
  const from = rows > 0 ? (samples[0] as number) : 0;
  return { from, to: from + rows, factors, inputs, status, messages: Array.from(columns.get('message')!, (message) => (message ?? null) as string | null) };
}

/**
 * Output columns [first, last) of a results part of `rows` runs, written into
 * `out[(rowOffset + row) · stride + (column − first)]`: the runs × columns layout of the estimators.
 */
export async function readResultColumns(path: string, rows: number, first: number, last: number, out: Float64Array, rowOffset: number, stride: number): Promise<void> {
  await readParquet(path, {
    columns: ['value'],
    rowStart: first * rows,
    rowEnd: last * rows,
    onChunk: ({ columnData, rowStart }) => {
      for (let i = 0; i < columnData.length; i++) {
        const at = rowStart + i;
        const column = Math.floor(at / rows);
        if (column < first || column >= last) continue;
        out[(rowOffset + (at - column * rows)) * stride + (column - first)] = columnData[i] as number;
      }
    },
  });
}

/** The status of each run of a samples part (an index into SAMPLE_STATUSES) and its message. */
export async function readSampleStatuses(path: string): Promise<{ status: Uint8Array; messages: (string | null)[] }> {
  const columns = await readColumns(path, ['status', 'message']);
  const status = Uint8Array.from(columns.get('status')!, (name) => SAMPLE_STATUSES.indexOf(name as (typeof SAMPLE_STATUSES)[number]));
  return { status, messages: Array.from(columns.get('message')!, (message) => (message ?? null) as string | null) };
}

/**
 * parquetRead of a part file. The files' checksums are checked before they are read; a file of a
 * folder without checksums that cannot be decoded is reported as damaged, never as a bug.
 */
async function readParquet(path: string, options: Pick<ParquetReadOptions, 'columns' | 'rowStart' | 'rowEnd' | 'onChunk'>): Promise<void> {
  try {
    await parquetRead({ ...options, file: await asyncBufferFromFile(path) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelError(`incomplete sweep folder: cannot read ${path} (${reason})`, { file: path, path: '' }, 'metabolis sweep <sweep file> --out <folder> --resume recomputes damaged parts');
  }
}

async function readColumns(path: string, names: readonly string[]): Promise<Map<string, ArrayLike<unknown>>> {
  const columns = new Map<string, unknown[]>(names.map((name) => [name, []]));
  await readParquet(path, {
    columns: [...names],
    onChunk: ({ columnName, columnData, rowStart }) => {
      const target = columns.get(columnName)!;
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i];
    },
  });
  return columns;
}
