import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TidyKind, TidyTable } from '../../engine/analysis/tidyTable.js';
import { parseCsv } from '../../engine/definition/csv.js';
import type { FactorSource } from '../../engine/definition/loadLibraries.js';
import { ModelError } from '../../engine/errors.js';
import { UsageError } from '../failure.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { SERIES_KINDS, tableRun, type EmissionFacts, type SavedRun, type SeriesRef } from '../../viz/adapters/index.js';

const SUMMARY = 'summary.json';
const TABLES = ['results.csv', 'results.json'];

/** Whether a folder holds what `metabolis run --out` writes: summary.json and the tidy table. */
export function isRunFolder(folder: string): boolean {
  return existsSync(join(folder, SUMMARY)) && TABLES.some((name) => existsSync(join(folder, name)));
}

interface RunSummary {
  readonly model: string;
  readonly scenario: string | null;
  readonly status: Solution['status'];
  readonly issues: Solution['issues'];
  readonly unit: string;
  readonly wasteGeneration?: readonly SeriesRef[];
  readonly flowLabels?: Readonly<Record<string, string>>;
  readonly indicatorLabels?: Readonly<Record<string, string>>;
  readonly emissions?: { readonly gwp: EmissionFacts['gwp']; readonly biogenicCO2: string; readonly routeLabels?: Readonly<Record<string, string>> };
}

/** The run a results folder holds, rebuilt from its tidy table and summary.json without running the model again. */
export function readRunFolder(folder: string): SavedRun {
  const summaryPath = join(folder, SUMMARY);
  const summary = readJson(summaryPath) as Partial<RunSummary> & { kind?: string };
  if (summary.kind === 'comparison') {
    throw new UsageError(`${folder} holds a comparison of scenarios (metabolis compare), not one run; plot from the model (metabolis plot <model> -s <scenario>), or open its waste-generated figure`);
  }
  if (typeof summary.model !== 'string' || typeof summary.unit !== 'string' || typeof summary.status !== 'string' || !Array.isArray(summary.issues)) {
    throw new ModelError('invalid run summary: it needs model, unit, status and issues', { file: summaryPath, path: '' }, 'run the model again with metabolis run --out to write the folder anew');
  }
  const csv = join(folder, TABLES[0]);
  const table = existsSync(csv) ? csvTable(csv) : jsonTable(join(folder, TABLES[1]));
  return tableRun(table, {
    model: summary.model,
    scenario: summary.scenario ?? undefined,
    status: summary.status,
    issues: summary.issues,
    unit: summary.unit,
    wasteGeneration: summary.wasteGeneration,
    flowLabels: Object.entries(summary.flowLabels ?? {}).map(([id, label]) => ({ id, label })),
    indicatorLabels: Object.entries(summary.indicatorLabels ?? {}).map(([id, label]) => ({ id, label })),
    emissionFacts: summary.emissions && {
      gwp: summary.emissions.gwp,
      biogenicCO2: summary.emissions.biogenicCO2,
      routeLabels: Object.entries(summary.emissions.routeLabels ?? {}).map(([id, label]) => ({ id, label })),
    },
  });
}

/** What summary.json says beside the run's series: its conventions and the factor-library tables it took. */
export interface RunFacts {
  readonly survival: string | undefined;
  readonly stockSurvival: Readonly<Record<string, string>>;
  readonly peakTolerance: number;
  readonly emissions: { readonly gwp: ReportGwp; readonly biogenicCO2: string } | undefined;
  readonly factorSources: readonly FactorSource[];
}

type ReportGwp = { readonly name: string; readonly CH4: number; readonly CH4_fossil: number; readonly N2O: number; readonly source: string };

/** The facts of a results folder's summary.json (readRunFolder checks that it is one); what an older version did not record is left out. */
export function readRunFacts(folder: string): RunFacts {
  const summary = readJson(join(folder, SUMMARY)) as {
    survival?: string;
    stockSurvival?: Record<string, string>;
    peakTolerance?: number;
    emissions?: { gwp: ReportGwp; biogenicCO2: string } | null;
    factorSources?: FactorSource[];
  };
  return {
    survival: summary.survival,
    stockSurvival: summary.stockSurvival ?? {},
    peakTolerance: summary.peakTolerance ?? 0,
    emissions: summary.emissions ? { gwp: summary.emissions.gwp, biogenicCO2: summary.emissions.biogenicCO2 } : undefined,
    factorSources: summary.factorSources ?? [],
  };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ModelError(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`, { file: path, path: '' });
  }
}

/** An empty tidy table over these columns (year, kind, id, one per dimension, value, unit). */
function emptyTable(header: readonly string[], file: string): TidyTable {
  const expected = ['year', 'kind', 'id'];
  if (expected.some((name, i) => header[i] !== name) || header.at(-2) !== 'value' || header.at(-1) !== 'unit') {
    throw new ModelError(`invalid results table: columns ${header.join(', ')}`, { file, path: '' }, 'a results table has the columns year, kind, id, one per dimension, value, unit');
  }
  const dimensionNames = header.slice(3, -2);
  return { dimensionNames, year: [], kind: [], id: [], items: dimensionNames.map(() => []), value: [], unit: [] };
}

function addRow(table: TidyTable, cells: readonly unknown[], file: string, line: number | undefined): void {
  const [year, kind, id, ...rest] = cells;
  if (!SERIES_KINDS.includes(kind as TidyKind)) throw new ModelError(`invalid kind: ${String(kind)}`, { file, path: 'kind', ...(line === undefined ? {} : { line }) }, `kind is one of ${SERIES_KINDS.join(', ')}`);
  table.year.push(Number(year));
  table.kind.push(kind as TidyKind);
  table.id.push(String(id));
  table.dimensionNames.forEach((_, d) => table.items[d].push(String(rest[d] ?? '')));
  // JSON writes NaN and ±Infinity as null; CSV writes them by name, which Number reads.
  const value = rest[table.dimensionNames.length];
  table.value.push(value === null || value === '' ? NaN : Number(value));
  table.unit.push(String(rest[table.dimensionNames.length + 1]));
}

function csvTable(file: string): TidyTable {
  const csv = parseCsv(readFileSync(file, 'utf8'), file);
  const table = emptyTable(csv.header, file);
  for (const row of csv.rows) addRow(table, row.cells, file, row.line);
  return table;
}

function jsonTable(file: string): TidyTable {
  const rows = readJson(file);
  if (!Array.isArray(rows) || rows.length === 0) throw new ModelError('invalid results table: expected an array of rows', { file, path: '' });
  const header = Object.keys(rows[0] as object);
  const table = emptyTable(header, file);
  rows.forEach((row: Record<string, unknown>) => addRow(table, header.map((name) => row[name]), file, undefined));
  return table;
}
