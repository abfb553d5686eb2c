import { abbreviate, listNames, ModelError } from '../errors.js';
import { parseDecimal } from './decimal.js';

/**
 * CSV as the model's data files use it: a header row, commas, optional double quotes (`""` is a
 * quote inside them), CRLF or LF, `#` comment lines and blank lines skipped. Numbers are read
 * strictly: an empty cell, `NaN` or `1,5` is an error, never a zero or a NaN that travels on.
 */
export interface CsvTable {
  /** The file as the messages should name it. */
  readonly file: string;
  readonly header: readonly string[];
  /** 1-based line of the header row. */
  readonly headerLine: number;
  readonly rows: readonly CsvRow[];
}

export interface CsvRow {
  /** 1-based line of the row in the file. */
  readonly line: number;
  readonly cells: readonly string[];
  /** 1-based character column where each cell starts. */
  readonly columns: readonly number[];
}

export function parseCsv(text: string, file: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const records: CsvRow[] = [];
  lines.forEach((content, index) => {
    if (content.trim() === '' || content.trimStart().startsWith('#')) return;
    records.push(splitLine(content, index + 1, file));
  });
  if (records.length === 0) throw new ModelError(`empty CSV file: ${file}`, { file, path: '' }, 'a data file starts with a header row such as year,value');
  const [headerRow, ...rows] = records;
  const header = headerRow.cells.map((cell) => cell.trim());
  for (const row of rows) {
    if (row.cells.length !== header.length) {
      throw new ModelError(
        `invalid CSV row: ${row.cells.length} cells where the header has ${header.length}`,
        { file, path: '', line: row.line },
        `every row needs one cell per column: ${listNames(header)}`,
      );
    }
  }
  return { file, header, headerLine: headerRow.line, rows };
}

function splitLine(content: string, line: number, file: string): CsvRow {
  const cells: string[] = [];
  const columns: number[] = [];
  let position = 0;
  for (;;) {
    columns.push(position + 1);
    if (content[position] === '"') {
      let cell = '';
      let cursor = position + 1;
      for (;;) {
        const close = content.indexOf('"', cursor);
        if (close < 0) throw new ModelError('invalid CSV: unterminated quote', { file, path: '', line, column: position + 1 }, 'close the quoted cell with "');
        cell += content.slice(cursor, close);
        if (content[close + 1] !== '"') {
          cursor = close + 1;
          break;
        }
        cell += '"';
        cursor = close + 2;
      }
      if (cursor < content.length && content[cursor] !== ',') {
        throw new ModelError('invalid CSV: text after a closing quote', { file, path: '', line, column: cursor + 1 }, 'a quoted cell ends at the quote; put a comma after it');
      }
      cells.push(cell);
      position = cursor;
    } else {
      const comma = content.indexOf(',', position);
      const end = comma < 0 ? content.length : comma;
      cells.push(content.slice(position, end));
      position = end;
    }
    if (position >= content.length) return { line, cells, columns };
    position++;
  }
}

/** The number in a cell: a plain decimal (exponent allowed), nothing else. */
export function cellNumber(table: CsvTable, row: CsvRow, column: number): number {
  const value = parseDecimal(row.cells[column]);
  if (value === undefined) {
    throw new ModelError(
      `invalid number: ${quotedCell(row.cells[column])} in column ${abbreviate(table.header[column])}`,
      { file: table.file, path: table.header[column], line: row.line, column: row.columns[column] },
      'write a plain decimal number such as 1200 or 0.35 (no empty cells, no NaN, no thousands separators)',
    );
  }
  return value;
}

/** A cell as messages quote it: in quotes, control characters escaped, abbreviated. */
export function quotedCell(cell: string): string {
  return JSON.stringify(abbreviate(cell, 40));
}
