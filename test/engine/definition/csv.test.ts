import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellNumber, parseCsv } from '../../../engine/definition/csv.js';
import { modelError } from './loadHelpers.js';


describe('parseCsv(text, file)', () => {
  it('parseCsv(text) reads quotes, doubled quotes, CRLF, comments and blank lines', () => {
    const table = parseCsv('\uFEFF# source: fixture\r\n"year","note"\r\n2020,"a, ""quoted"" b"\r\n\r\n# trailing comment\r\n2021,plain\r\n\r\n\r\n', 'f.csv');
    expect(table.header).toEqual(['year', 'note']);
    expect(table.headerLine).toBe(2);
    expect(table.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [3, '2020', 'a, "quoted" b'],
      [6, '2021', 'plain'],
    ]);
    expect(table.rows[0].columns).toEqual([1, 6]);
  });

  it('parseCsv(text) round-trips any cells written with quotes', () => {
    const cell = fc.string({ maxLength: 8 }).filter((text) => !/[\r\n]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
        const text = ['a,b,c', ...rows.map((row) => row.map(quote).join(','))].join('\n');
        expect(parseCsv(text, 'f.csv').rows.map((row) => row.cells)).toEqual(rows);
      }),
    );
  });

  it('parseCsv(text) rejects a row with a different number of cells than the header', () => {
    const error = modelError(() => parseCsv('year,value\n2020,1,2\n', 'f.csv'));
    expect(error.message).toBe('invalid CSV row: 3 cells where the header has 2');
    expect(error.at).toMatchObject({ file: 'f.csv', line: 2 });
    expect(error.hint).toMatch(/year, value/);
  });

  it('parseCsv(text) rejects an unterminated quote at its line and column', () => {
    const error = modelError(() => parseCsv('year,value\n2020,"1\n', 'f.csv'));
    expect(error.message).toBe('invalid CSV: unterminated quote');
    expect(error.at).toMatchObject({ line: 2, column: 6 });
    expect(error.hint).toBeDefined();
  });

  it('parseCsv(text) rejects a file with no header', () => {
    const error = modelError(() => parseCsv('# only a comment\n\n', 'f.csv'));
    expect(error.message).toBe('empty CSV file: f.csv');
    expect(error.hint).toMatch(/header/);
  });
});

describe('cellNumber(table, row, column)', () => {
  const table = parseCsv('year,value\n2020, 1.5e3 \n2021,-.25\n2022,1,5\n2023,Infinity\n2024,0x10\n2025,1e999\n'.replace('1,5', '"1,5"'), 'f.csv');

  it('cellNumber(cell) reads plain decimals with exponents and surrounding spaces', () => {
    expect(cellNumber(table, table.rows[0], 1)).toBe(1500);
    expect(cellNumber(table, table.rows[1], 1)).toBe(-0.25);
  });

  it('cellNumber(cell) rejects thousands separators, Infinity, hex and overflow, naming line and column', () => {
    for (const [index, cell] of [[2, '1,5'], [3, 'Infinity'], [4, '0x10'], [5, '1e999']] as const) {
      const error = modelError(() => cellNumber(table, table.rows[index], 1));
      expect(error.message).toBe(`invalid number: ${JSON.stringify(cell)} in column value`);
      expect(error.at).toEqual({ file: 'f.csv', path: 'value', line: index + 2, column: 6 });
    }
  });
});
