import { describe, expect, it } from 'vitest';
import { HEADER, loadError } from './loadHelpers.js';

const minimalBody = `
processes: [a]
flows:
  - { from: outside, to: a, value: "1" }
  - { from: a, to: outside, share: 1 }
`;

describe('loadModelFromText(text): mistakes in the document itself', () => {
  it('loadModelFromText(malformed yaml) names the line and column of the problem', () => {
    const error = loadError(`${HEADER}processes: [a, b
flows: []
`);
    expect(error.message).toMatch(/^invalid YAML: /);
    expect(error.at).toMatchObject({ file: 'models/test/model.yaml', path: '', line: 6, column: 1 });
  });

  it('loadModelFromText(yaml) names a key written twice in one map', () => {
    const error = loadError(`${HEADER}unit: kg
${minimalBody}`);
    expect(error.message).toBe('duplicate key: unit');
    expect(error.at.line).toBe(5);
  });

  it('loadModelFromText(yaml) rejects 2015 and "2015" as the same key', () => {
    const error = loadError(`${HEADER}
drivers:
  gdp: { unit: 1, values: { 2020: 1, "2020": 2 } }
${minimalBody}`);
    expect(error.message).toBe('duplicate key: 2020');
    expect(error.at).toMatchObject({ path: 'drivers.gdp.values.2020', line: 7 });
  });

  it('loadModelFromText(json) rejects YAML-only syntax in a .json file', () => {
    const error = loadError('{ "metabolis": 1, name: "x" }', {}, 'model.json');
    expect(error.message).toMatch(/^invalid JSON: /);
    expect(error.at.line).toBe(1);
  });

  it('loadModelFromText(text) rejects a format version it does not know', () => {
    const error = loadError(HEADER.replace('metabolis: 1', 'metabolis: 2') + minimalBody);
    expect(error.message).toBe('unsupported format version: 2');
    expect(error.at).toMatchObject({ path: 'metabolis', line: 1 });
  });

  it('loadModelFromText(text) rejects a file without a format version', () => {
    const error = loadError(HEADER.replace('metabolis: 1\n', '') + minimalBody);
    expect(error.message).toBe('missing format version');
    expect(error.hint).toMatch(/metabolis: 1/);
  });

  it('loadModelFromText(text) names an unknown key and suggests the nearest allowed one', () => {
    const error = loadError(`${HEADER}
processes: [a]
flows:
  - { from: outside, to: a, value: "1" }
  - { from: a, to: outside, shar: 1 }
`);
    expect(error.message).toBe('unknown key: shar');
    expect(error.at).toMatchObject({ path: 'flows[1].shar', line: 9 });
    expect(error.hint).toMatch(/^did you mean 'share'\?/);
    expect(error.hint).toMatch(/allowed here: from, to, value, share, demand, balance, id/);
  });

  it('loadModelFromText(text) reports a typo inside a shorthand form, not the form it did not take', () => {
    const error = loadError(`${HEADER}
parameters:
  rate: { valeu: 0.3 }
${minimalBody}`);
    expect(error.message).toBe('unknown key: valeu');
    expect(error.at).toMatchObject({ path: 'parameters.rate.valeu', line: 7 });
    expect(error.hint).toMatch(/'value'/);
  });

  it('loadModelFromText(text) names a wrong type and what is expected', () => {
    const error = loadError(`${HEADER}
processes: a
`);
    expect(error.message).toBe('invalid type: expected array, got string "a"');
    expect(error.at).toMatchObject({ path: 'processes', line: 6 });
    expect(error.hint).toMatch(/list/);
  });

  it('loadModelFromText(text) names a missing required key', () => {
    const error = loadError(HEADER.replace('unit: t\n', '') + minimalBody);
    expect(error.message).toBe('missing key: unit');
    expect(error.at.path).toBe('unit');
  });

  it('loadModelFromText(text) lists the allowed values of an enumerated key', () => {
    const error = loadError(`${HEADER}survival: midyear
${minimalBody}`);
    expect(error.message).toBe('invalid survival: midyear');
    expect(error.hint).toBe("expected integer-age | survival-mid-year | survival-year-average | density-mid-year | mid-year | quadrature; did you mean 'mid-year'?");
    expect(error.at.line).toBe(5);
  });

  it('loadModelFromText(text) rejects a NaN value', () => {
    const error = loadError(`${HEADER}
parameters:
  rate: .nan
${minimalBody}`);
    expect(error.message).toBe('invalid number: NaN');
    expect(error.at).toMatchObject({ path: 'parameters.rate', line: 7 });
  });
});

describe('loadModelFromText(text): the time range', () => {
  const withTime = (time: string) => HEADER.replace('time: { start: 2020, end: 2030 }', `time: ${time}`) + minimalBody;

  it('loadModelFromText(text) rejects a reversed time range', () => {
    const error = loadError(withTime('{ start: 2030, end: 2020 }'));
    expect(error.message).toBe('reversed time range: end 2020 is before start 2030');
    expect(error.at).toMatchObject({ path: 'time', line: 3 });
    expect(error.hint).toMatch(/start: 2020, end: 2030/);
  });

  it('loadModelFromText(text) rejects an empty time range', () => {
    const error = loadError(withTime('{ start: 2020, end: 2020 }'));
    expect(error.message).toBe('empty time range: 2020–2020 has no step from one year to the next');
    expect(error.at).toMatchObject({ path: 'time', line: 3 });
  });

  it('loadModelFromText(text) rejects a year that is not whole', () => {
    const error = loadError(withTime('{ start: 2020.5, end: 2030 }'));
    expect(error.message).toBe('invalid time: start 2020.5 is not a whole year');
    expect(error.at).toMatchObject({ path: 'time.start', line: 3, column: 9 });
  });
});

describe('loadModelFromText(text): names', () => {
  it('loadModelFromText(text) rejects one name used for a parameter and a process', () => {
    const error = loadError(`${HEADER}
parameters:
  a: 1
${minimalBody}`);
    expect(error.message).toBe('duplicate name: a');
    expect(error.at).toMatchObject({ path: 'processes[0]', line: 9 });
    expect(error.hint).toMatch(/already a parameter \(parameters\.a\)/);
  });

  it('loadModelFromText(text) rejects a reserved name', () => {
    const error = loadError(`${HEADER}
parameters:
  year: 1
${minimalBody}`);
    expect(error.message).toBe('reserved name: year');
    expect(error.at.path).toBe('parameters.year');
  });

  it('loadModelFromText(text) rejects a name that is not an identifier', () => {
    const error = loadError(`${HEADER}
parameters:
  recycling-rate: 1
${minimalBody}`);
    expect(error.message).toBe('invalid name: recycling-rate');
    expect(error.at).toMatchObject({ path: 'parameters.recycling-rate', line: 7 });
  });

  it('loadModelFromText(text) names an unknown dimension with the nearest ones', () => {
    const error = loadError(`${HEADER}
dimensions:
  stream: [food, paper]
parameters:
  rate: { dims: [streams], value: 0.1 }
${minimalBody}`);
    expect(error.message).toBe('unknown dimension: streams');
    expect(error.at).toMatchObject({ path: 'parameters.rate.dims[0]', line: 9 });
    expect(error.hint).toMatch(/'stream'/);
  });

  it('loadModelFromText(text) rejects an item listed twice in a dimension', () => {
    const error = loadError(`${HEADER}
dimensions:
  stream: [food, paper, food]
${minimalBody}`);
    expect(error.message).toBe('duplicate item: food in dimension stream');
    expect(error.at.path).toBe('dimensions.stream[2]');
  });
});
