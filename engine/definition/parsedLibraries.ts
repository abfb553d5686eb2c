import { createHash } from 'node:crypto';
import type { FactorLibrary, FactorTable } from './factorLibrary.js';

/**
 * The shipped factor libraries, parsed and checked by `npm run build` and kept as JSON beside the
 * built loader (PARSED_LIBRARIES in loadModelFile.ts), so that a load does not parse their YAML:
 * reading the IPCC library's 16 kB took ~45 ms of `metabolis validate`. A kept library is used only
 * for the very text it was made from (its SHA-256); a library edited since, or a run from source,
 * parses the YAML as before, with its errors where they are.
 */
export interface ParsedLibrariesJson {
  readonly [name: string]: { readonly sha256: string; readonly library: LibraryJson };
}

/** A FactorLibrary without its file (the installed path is known only when it is read); NaN as null. */
interface LibraryJson {
  readonly name: string;
  readonly dimensions: FactorLibrary['dimensions'];
  readonly tables: readonly (Omit<FactorTable, 'values'> & { readonly values: readonly (number | null)[] })[];
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The entry `npm run build` keeps for a library parsed from `text`, or undefined when JSON cannot
 * hold it to the bit (a −0 would come back as 0): that library is then parsed at every load.
 */
export function libraryJson(library: FactorLibrary, text: string): ParsedLibrariesJson[string] | undefined {
  const values = [...library.tables.values()].flatMap((table) => [...table.values]);
  if (values.some((value) => Object.is(value, -0))) return undefined;
  const tables = [...library.tables.values()].map((table) => ({ ...table, values: Array.from(table.values, (value) => (Number.isNaN(value) ? null : value)) }));
  return { sha256: textHash(text), library: { name: library.name, dimensions: library.dimensions, tables } };
}

/** Library `name` as kept in `kept`, read from `file`, when it was made from exactly `text`; undefined otherwise. */
export function keptLibrary(kept: ParsedLibrariesJson | undefined, name: string, text: string, file: string): FactorLibrary | undefined {
  const entry = kept !== undefined && Object.hasOwn(kept, name) ? kept[name] : undefined;
  if (entry === undefined || entry.sha256 !== textHash(text)) return undefined;
  const { library } = entry;
  const tables = new Map(library.tables.map((table) => [table.name, { ...table, values: Float64Array.from(table.values, (value) => value ?? NaN) }]));
  return { file, name: library.name, dimensions: library.dimensions, tables };
}
