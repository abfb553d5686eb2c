import { describe, expect, it } from 'vitest';
import { HEADER, load, loadError } from './loadHelpers.js';

const network = `
processes: [a]
flows:
  - { from: outside, to: a, value: "1" }
  - { from: a, to: outside, share: 1 }
`;

/** A model with one driver over [stream] (or none), read from data/d.csv, with extra driver keys. */
function csvModel(extra = '', dims = 'dims: [stream], ') {
  return `${HEADER}
dimensions:
  stream: [food, paper]
drivers:
  d: { unit: t, ${dims}csv: data/d.csv${extra} }
${network}`;
}

describe('loadDrivers: data files and series', () => {
  it('loadModelFromText(text) names the resolved path of a missing CSV file at its csv: line', () => {
    const error = loadError(csvModel());
    expect(error.message).toBe('missing data file: models/test/data/d.csv');
    expect(error.at).toMatchObject({ file: 'models/test/model.yaml', path: 'drivers.d.csv', line: 9 });
    expect(error.hint).toMatch(/relative to the model file/);
  });

  it('loadModelFromText(text) names a missing CSV column with the columns found and expected', () => {
    const error = loadError(csvModel('', ''), { 'data/d.csv': 'year,vlaue\n2020,1\n' });
    expect(error.message).toBe('missing column: value in models/test/data/d.csv');
    expect(error.at).toMatchObject({ file: 'models/test/data/d.csv', line: 1 });
    expect(error.hint).toBe('found columns: year, vlaue; expected: year, value');
  });

  it('loadModelFromText(text) names the file, line and column of a bad number in a CSV file', () => {
    const error = loadError(csvModel(), { 'data/d.csv': '# comment\nyear,food,paper\n2020,1,2\n2021,3,abc\n' });
    expect(error.message).toBe('invalid number: "abc" in column paper');
    expect(error.at).toEqual({ file: 'models/test/data/d.csv', path: 'paper', line: 4, column: 8 });
  });

  it('loadModelFromText(text) rejects NaN and empty cells in a CSV file', () => {
    expect(loadError(csvModel('', ''), { 'data/d.csv': 'year,value\n2020,NaN\n' }).message).toBe('invalid number: "NaN" in column value');
    expect(loadError(csvModel('', ''), { 'data/d.csv': 'year,value\n2020,\n' }).message).toBe('invalid number: "" in column value');
  });

  it('loadModelFromText(text) names an unknown item in a wide CSV header with the nearest items', () => {
    const error = loadError(csvModel(), { 'data/d.csv': 'year,food,papre\n2020,1,2\n' });
    expect(error.message).toBe('unknown item of stream: papre');
    expect(error.hint).toMatch(/'paper'/);
    expect(error.at).toMatchObject({ file: 'models/test/data/d.csv', line: 1 });
  });

  it('loadModelFromText(text) names an unknown item in a long CSV file with its line', () => {
    const error = loadError(csvModel(), { 'data/d.csv': 'year,stream,value\n2020,food,1\n2020,fod,2\n' });
    expect(error.message).toBe('unknown item of stream: fod');
    expect(error.at).toMatchObject({ file: 'models/test/data/d.csv', path: 'stream', line: 3, column: 6 });
    expect(error.hint).toMatch(/'food'/);
  });

  it('loadModelFromText(text) rejects a year missing for one item of a long CSV file', () => {
    const error = loadError(csvModel(), { 'data/d.csv': 'year,stream,value\n2020,food,1\n2020,paper,2\n2021,food,3\n' });
    expect(error.message).toBe('missing value: driver d has no value for paper in 2021');
    expect(error.at).toMatchObject({ file: 'models/test/data/d.csv', line: 4 });
  });

  it('loadModelFromText(text) rejects a year given twice', () => {
    const error = loadError(csvModel('', ''), { 'data/d.csv': 'year,value\n2020,1\n2021,2\n2020,3\n' });
    expect(error.message).toBe('duplicate year: driver d gives 2020 twice');
    expect(error.at.line).toBe(4);
  });

  it('loadModelFromText(text) refuses to extrapolate a driver unless told how', () => {
    const error = loadError(csvModel('', ''), { 'data/d.csv': 'year,value\n2022,1\n2025,2\n' });
    expect(error.message).toBe('driver d has no data for 2020–2021 and 2026–2030');
    expect(error.at).toMatchObject({ path: 'drivers.d.csv', line: 9 });
    expect(error.hint).toMatch(/extrapolate: constant or extrapolate: linear/);
  });

  it('loadModelFromText(text) extrapolates constant and linear as asked', () => {
    const files = { 'data/d.csv': 'year,value\n2022,1\n2024,2\n' };
    const constant = load(csvModel(', extrapolate: constant', ''), files).drivers[0].values;
    expect(Array.from(constant)).toEqual([1, 1, 1, 1.5, 2, 2, 2, 2, 2, 2, 2]);
    const linear = load(csvModel(', extrapolate: linear', ''), files).drivers[0].values;
    expect(Array.from(linear)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
  });

  it('loadModelFromText(text) rejects a negative driver value at its line, unless signed', () => {
    const files = { 'data/d.csv': 'year,food,paper\n2020,1,2\n2030,-3,4\n' };
    const error = loadError(csvModel(), files);
    expect(error.message).toBe('negative value in driver d (2030, food: -3)');
    expect(error.at).toMatchObject({ file: 'models/test/data/d.csv', line: 3 });
    expect(error.hint).toMatch(/signed: true/);
    expect(load(csvModel(', signed: true'), files).drivers[0].values[20]).toBe(-3);
  });

  it('loadModelFromText(text) rejects a driver that linear extrapolation makes negative', () => {
    const error = loadError(csvModel(', extrapolate: linear', ''), { 'data/d.csv': 'year,value\n2020,10\n2021,8\n' });
    expect(error.message).toBe('negative value in driver d as extrapolated (2026: -2; 2027: -4; 2028: -6; 2029: -8; 2030: -10)');
    expect(error.at.path).toBe('drivers.d.extrapolate');
  });

  it('loadModelFromText(text) needs exactly one of csv and values', () => {
    const error = loadError(`${HEADER}
drivers:
  d: { unit: t }
${network}`);
    expect(error.message).toBe('invalid driver: d needs exactly one of csv and values');
    expect(error.at).toMatchObject({ path: 'drivers.d', line: 7 });
  });

  it('loadModelFromText(text) reads inline values per item and rejects a missing item', () => {
    const text = (paper: string) => `${HEADER}
dimensions:
  stream: [food, paper]
drivers:
  d: { unit: t, dims: [stream], extrapolate: constant, values: { food: { 2020: 1, 2030: 2 }${paper} } }
${network}`;
    expect(Array.from(load(text(', paper: { 2020: 7, 2030: 9 }')).drivers[0].values.subarray(8, 12))).toEqual([1.4, 7.8, 1.5, 8]);
    const error = loadError(text(''));
    expect(error.message).toBe('missing item: paper at drivers.d.values');
    expect(error.at).toMatchObject({ path: 'drivers.d.values', line: 9 });
  });

  it('loadModelFromText(text) rejects an inline key that is not a year', () => {
    const error = loadError(`${HEADER}
drivers:
  d: { unit: t, values: { 2020: 1, y2030: 2 } }
${network}`);
    expect(error.message).toBe('invalid year: y2030');
    expect(error.at.path).toBe('drivers.d.values.y2030');
  });
});
