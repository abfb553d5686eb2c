import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../engine/definition/csv.js';
import { readDataTable } from '../../../engine/definition/dataTable.js';
import { dimensionSpace } from '../../../engine/definition/dimensionSpace.js';
import { createLoadContext } from '../../../engine/definition/loadContext.js';
import { modelError } from './loadHelpers.js';

const dimensions = [
  { name: 'region', items: ['north', 'south'] },
  { name: 'stream', items: ['food', 'paper'] },
];
const context = createLoadContext('model.yaml', {}, { readFile: () => '' });
const space = (names: string[]) => dimensionSpace(names, { dimensions, time: { start: 2020, end: 2030 } }, 'dims', context, 'driver d');
const read = (text: string, names: string[]) => readDataTable(parseCsv(text, 'd.csv'), space(names), 'driver d');


describe('readDataTable(table, space)', () => {
  it('readDataTable(scalar) reads year,value in any row order', () => {
    const points = read('value,year\n2,2021\n1,2020\n', []);
    expect(points.years).toEqual([2020, 2021]);
    expect(Array.from(points.values)).toEqual([1, 2]);
  });

  it('readDataTable(long) places items in the declared order of the dimensions', () => {
    const text = 'year,stream,region,value\n2020,food,north,1\n2020,paper,north,2\n2020,food,south,3\n2020,paper,south,4\n';
    const points = read(text, ['stream', 'region']);
    expect(Array.from(points.values)).toEqual([1, 2, 3, 4]);
    expect(points.locations.map((location) => location.line)).toEqual([2, 3, 4, 5]);
  });

  it('readDataTable(wide) takes one column per item in any column order', () => {
    const points = read('year,paper,food\n2020,2,1\n', ['stream']);
    expect(Array.from(points.values)).toEqual([1, 2]);
  });

  it('readDataTable(long) names a missing dimension column when a value column is there', () => {
    const error = modelError(() => read('year,value\n2020,1\n', ['stream']));
    expect(error.message).toBe('missing column: stream in d.csv');
    expect(error.hint).toBe('found columns: year, value; expected: year, stream, value');
  });

  it('readDataTable(long) rejects a column it does not expect', () => {
    const error = modelError(() => read('year,value,source\n2020,1,x\n', []));
    expect(error.message).toBe('unexpected column: source in d.csv');
    expect(error.at).toMatchObject({ file: 'd.csv', path: 'source', line: 1 });
    expect(error.hint).toMatch(/year, value/);
  });

  it('readDataTable(table) rejects a year that is not whole', () => {
    const error = modelError(() => read('year,value\n2020.5,1\n', []));
    expect(error.message).toBe('invalid year: 2020.5');
    expect(error.at).toMatchObject({ line: 2, column: 1 });
    expect(error.hint).toBeDefined();
  });
});
