import { z } from 'zod';
import { ModelError } from '../errors.js';
import { createLoadContext, type LoadContext } from './loadContext.js';
import { dimensionSpace } from './dimensionSpace.js';
import { itemValues } from './itemTree.js';
import { numberTree } from './numberTree.js';
import { parseModelText } from './parseModelText.js';
import { LABEL_PATTERN, NAME_PATTERN } from './schema.js';
import { schemaError } from './schemaIssues.js';
import { childPath } from './sourceMap.js';
import type { DimensionDefinition } from './types.js';

/**
 * A factor library (models/factors/*.yaml): cited tables of default values — IPCC defaults, route
 * factors, GWP sets — over the library's own dimensions. Models take tables from it instead of
 * retyping numbers (see loadLibraries.ts); every table names its source and where it was read.
 */
export interface FactorLibrary {
  readonly file: string;
  readonly name: string;
  readonly dimensions: readonly DimensionDefinition[];
  readonly tables: ReadonlyMap<string, FactorTable>;
}

export interface FactorTable {
  readonly name: string;
  readonly unit: string;
  readonly dims: readonly string[];
  /** In the library's order of dimensions; values row-major over them, NaN where the source gives no value. */
  readonly values: Float64Array;
  readonly source: string;
  readonly readIn: string;
  readonly path: string;
}

const table = z.strictObject({
  unit: z.union([z.string().min(1), z.literal(1)]),
  dims: z.array(z.string().regex(NAME_PATTERN)),
  values: numberTree,
  source: z.string().min(1),
  read_in: z.string().min(1),
  note: z.string().optional(),
});

const librarySchema = z.strictObject({
  'metabolis-factors': z.literal(1),
  name: z.string().min(1),
  dimensions: z.record(z.string().regex(NAME_PATTERN), z.array(z.string().regex(LABEL_PATTERN)).min(1)).optional(),
  tables: z.record(z.string().regex(NAME_PATTERN), table),
});

/** Parses a library file's text; mistakes are ModelErrors in that file. */
export function parseFactorLibrary(text: string, file: string): FactorLibrary {
  const { data, sourceMap } = parseModelText(text, file);
  const context: LoadContext = createLoadContext(file, sourceMap, {
    readFile: () => {
      throw new ModelError(`a factor library reads no other files: ${file}`, { file, path: '' }, 'give the values inline');
    },
  });
  const parsed = librarySchema.safeParse(data);
  if (!parsed.success) throw schemaError(parsed.error.issues, librarySchema, data, context, 'the factor library');
  const dimensions = Object.entries(parsed.data.dimensions ?? {}).map(([name, items]) => ({ name, items: [...items] }));
  const tables = new Map<string, FactorTable>();
  for (const [name, raw] of Object.entries(parsed.data.tables)) {
    const path = childPath('tables', name);
    const space = dimensionSpace(raw.dims, { time: { start: 0, end: 0 }, dimensions }, childPath(path, 'dims'), context, `table ${name}`);
    const values = itemValues(raw.values, space, childPath(path, 'values'), context, 'nan');
    tables.set(name, { name, unit: String(raw.unit), dims: space.dims, values, source: raw.source, readIn: raw.read_in, path });
  }
  return { file, name: parsed.data.name, dimensions, tables };
}

/** The value of `table` at one item of each of its dimensions (NaN where the source gives none, or an item is unknown). */
export function tableValue(library: FactorLibrary, table: FactorTable, items: Readonly<Record<string, string>>): number {
  let flat = 0;
  for (const dim of table.dims) {
    const dimension = library.dimensions.find((candidate) => candidate.name === dim)!;
    const item = dimension.items.indexOf(items[dim]);
    if (item < 0) return NaN;
    flat = flat * dimension.items.length + item;
  }
  return table.values[flat];
}
