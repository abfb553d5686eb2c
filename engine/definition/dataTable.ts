import { ModelError, unknownNameError, type SourceLocation } from '../errors.js';
import { cellNumber, parseCsv, type CsvRow, type CsvTable } from './csv.js';
import type { DimensionSpace } from './dimensionSpace.js';
import type { LoadContext } from './loadContext.js';
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
  const wide = space.listed.length === 1 && !table.header.includes(space.listed[0].name) && !table.header.includes('value');
  const expected = wide ? ['year', ...space.listed[0].items] : ['year', ...space.listed.map((dimension) => dimension.name), 'value'];
  const unknown = table.header.find((column) => !expected.includes(column));
  const missing = expected.find((column) => !table.header.includes(column));
  // In a wide table a misspelt item is both unknown and missing; its nearest item names help more.
  if (wide && unknown !== undefined) throw unknownNameError(`item of ${space.listed[0].name}`, unknown, space.listed[0].items, headerAt(unknown));
  if (missing !== undefined) {
    throw new ModelError(`missing column: ${missing} in ${table.file}`, headerAt(''), `found columns: ${table.header.join(', ')}; expected: ${expected.join(', ')}`);
  }
  if (unknown !== undefined) throw new ModelError(`unexpected column: ${unknown} in ${table.file}`, headerAt(unknown), `expected exactly these columns: ${expected.join(', ')}`);
  const column = (name: string) => table.header.indexOf(name);
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

/** A CSV data file named at `path` of the model file, read over a dimension space. */
export function readCsvData(relativePath: string, space: DimensionSpace, path: string, context: LoadContext, subject: string): YearPoints {
  const { text, file } = context.readData(relativePath, path);
  return readDataTable(parseCsv(text, file), space, subject);
}

function cellYear(table: CsvTable, row: CsvRow, column: number): number {
  const year = cellNumber(table, row, column);
  if (!Number.isInteger(year)) {
    throw new ModelError(`invalid year: ${row.cells[column].trim()}`, { file: table.file, path: 'year', line: row.line, column: row.columns[column] }, 'years are whole numbers');
  }
  return year;
}
