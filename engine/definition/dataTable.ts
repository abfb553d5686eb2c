import { abbreviate, listNames, ModelError, unknownNameError, type SourceLocation } from '../errors.js';
import { cellNumber, parseCsv, type CsvRow, type CsvTable } from './csv.js';
import type { DimensionSpace } from './dimensionSpace.js';
import type { LoadContext } from './loadContext.js';
import type { DimensionDefinition } from './types.js';
import { assembleYearPoints, type YearEntry, type YearPoints } from './yearPoints.js';

/**
 * Reads a CSV data table over a dimension space. Three layouts, all with a `year` column:
 * - scalar: `year,value`;
 * - long: `year`, one column per dimension holding item names, and `value`;
 * - wide (one dimension only): `year` and one column per item.
 * A table over one dimension is long when it has a column named after the dimension (or a
 * `value` column, so that a forgotten item column is reported as missing).
 */
export function readDataTable(table: CsvTable, space: DimensionSpace, subject: string): YearPoints {
  const headerAt = (column: string): SourceLocation => ({ file: table.file, path: column, line: table.headerLine });
  const header = new Set<string>();
  for (const column of table.header) {
    if (header.has(column)) throw new ModelError(`duplicate column: ${abbreviate(column)} in ${table.file}`, headerAt(column), 'give each column once: the second would be ignored');
    header.add(column);
  }
  const wide = space.listed.length === 1 && !header.has(space.listed[0].name) && !header.has('value');
  const expected = wide ? ['year', ...space.listed[0].items] : ['year', ...space.listed.map((dimension) => dimension.name), 'value'];
  const allowed = new Set(expected);
  const unknown = table.header.find((column) => !allowed.has(column));
  const missing = expected.filter((column) => !header.has(column));
  if (wide && unknown !== undefined) throw wideHeaderError(table, unknown, missing, space.listed[0]);
  if (missing.length > 0) {
    throw new ModelError(`missing column: ${missing[0]} in ${table.file}`, headerAt(''), `found columns: ${listNames(table.header)}; expected: ${listNames(expected)}`);
  }
  if (unknown !== undefined) throw new ModelError(`unexpected column: ${abbreviate(unknown)} in ${table.file}`, headerAt(unknown), `expected exactly these columns: ${listNames(expected)}`);
  const positions = new Map(table.header.map((name, index) => [name, index]));
  const column = (name: string) => positions.get(name)!;
  const yearColumn = column('year');
  const valueColumn = column('value');
  // Looked up once: a long table has a row per year and item, and dimensions may have many items.
  const itemColumns = wide ? space.listed[0].items.map(column) : space.listed.map((dimension) => column(dimension.name));
  const itemIndex = space.listed.map((dimension) => new Map(dimension.items.map((item, index) => [item, index])));
  const entries: YearEntry[] = [];
  for (const row of table.rows) {
    const year = cellYear(table, row, yearColumn);
    const at: SourceLocation = { file: table.file, path: 'year', line: row.line };
    if (wide) {
      itemColumns.forEach((cell, item) => entries.push({ year, flat: space.flatIndex([item]), value: cellNumber(table, row, cell), at }));
      continue;
    }
    const indices = space.listed.map((dimension, d) => {
      const name = row.cells[itemColumns[d]].trim();
      const item = itemIndex[d].get(name);
      if (item === undefined) throw unknownNameError(`item of ${dimension.name}`, name, dimension.items, { file: table.file, path: dimension.name, line: row.line, column: row.columns[itemColumns[d]] });
      return item;
    });
    entries.push({ year, flat: space.flatIndex(indices), value: cellNumber(table, row, valueColumn), at });
  }
  return assembleYearPoints(entries, space, subject, headerAt(''));
}

/**
 * In a wide table a column that names no item is usually the missing item misspelt (its nearest
 * items help), or left without a name (the missing items say which it should be).
 */
function wideHeaderError(table: CsvTable, column: string, missing: readonly string[], dimension: DimensionDefinition): ModelError {
  const at: SourceLocation = { file: table.file, path: column, line: table.headerLine };
  const missingItems = missing.filter((item) => item !== 'year');
  if (column === '') {
    const position = table.header.indexOf('') + 1;
    const hint = `column ${position} has no name; ${missingItems.length > 0 ? `name it after the missing item (${listNames(missingItems)})` : 'remove it'}`;
    return new ModelError(missingItems.length > 0 ? `missing column: ${missingItems[0]} in ${table.file}` : `unexpected column: ${position} has no name in ${table.file}`, at, hint);
  }
  const error = unknownNameError(`item of ${dimension.name}`, column, dimension.items, at);
  return missingItems.length > 0 ? new ModelError(error.message, error.at, `${error.hint} (missing: ${listNames(missingItems)})`) : error;
}

/** A CSV data file named at `path` of the model file, read over a dimension space. */
export function readCsvData(relativePath: string, space: DimensionSpace, path: string, context: LoadContext, subject: string): YearPoints {
  const { text, file } = context.readData(relativePath, path);
  return readDataTable(parseCsv(text, file), space, subject);
}

function cellYear(table: CsvTable, row: CsvRow, column: number): number {
  const year = cellNumber(table, row, column);
  if (!Number.isInteger(year)) {
    throw new ModelError(`invalid year: ${abbreviate(row.cells[column].trim(), 40)}`, { file: table.file, path: 'year', line: row.line, column: row.columns[column] }, 'years are whole numbers');
  }
  return year;
}
