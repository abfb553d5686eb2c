import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../engine/definition/limits.js';
import { compileYaml } from '../../support/modelFromYaml.js';
import { HEADER, load, loadError, modelError } from './loadHelpers.js';

const net = `processes: [a, b]
flows:
  - { from: outside, to: a, value: 1 }
  - { from: a, to: b, share: 1 }
  - { from: b, to: outside, share: 1 }
stocks:
  s: { process: a, kind: inflow-driven, `;

const body = `processes: [a]
flows:
  - { from: outside, to: a, value: 1 }
  - { from: a, to: outside, share: 1 }
`;

/** A model whose stock s (inflow-driven, on process a) has the keys `keys`, e.g. `lifetime: { fixed: { mean: 5 } }`. */
const withStock = (keys: string) => `${HEADER}${net}${keys} }\n`;

const items = (prefix: string, n: number) => `[${Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(', ')}]`;

describe('loadModelFromText(text): sizes past the documented limits are model errors, checked before anything is allocated', () => {
  it('loadModelFromText(text) refuses a horizon longer than the limit, and years outside 0–9999', () => {
    const long = loadError(HEADER.replace('end: 2030', `end: ${2020 + LIMITS.years}`) + body);
    expect(long.message).toBe(`horizon too long: 2020–${2020 + LIMITS.years} has ${LIMITS.years + 1} years, more than ${LIMITS.years}`);
    expect(long.at).toMatchObject({ path: 'time', line: 3 });
    expect(long.hint).toMatch(/split/);
    const far = loadError(HEADER.replace('end: 2030', 'end: 100000000').replace('start: 2020', 'start: 99999990') + body);
    expect(far.message).toBe('invalid time: start 99999990 is not a year between 0 and 9999');
    expect(load(HEADER.replace('end: 2030', `end: ${2020 + LIMITS.years - 1}`) + body).time.end).toBe(2020 + LIMITS.years - 1);
  });

  it('loadModelFromText(text) refuses a dimension with more items than the limit', () => {
    const error = loadError(`${HEADER}dimensions: { x: ${items('i', LIMITS.itemsPerDimension + 1)} }\n${body}`);
    expect(error.message).toBe(`too many items: dimension x has ${(LIMITS.itemsPerDimension + 1).toLocaleString('en-US')}, more than ${LIMITS.itemsPerDimension.toLocaleString('en-US')}`);
    expect(error.at).toMatchObject({ path: 'dimensions.x', line: 5 });
  });

  it('loadModelFromText(text) refuses a quantity whose dimensions multiply past the limit of values per series', () => {
    const error = loadError(`${HEADER}dimensions: { x: ${items('i', 3000)}, y: ${items('j', 3000)} }
parameters:
  p: { dims: [x, y], value: 1 }
${body}`);
    expect(error.message).toBe(`too many values: parameter p has 11 years × 9,000,000 items, more than ${LIMITS.seriesValues.toLocaleString('en-US')} values`);
    expect(error.at).toMatchObject({ path: 'parameters.p.dims', line: 7 });
  });

  it('loadModelFromText(text) refuses quantities whose series together pass the limit for a model', () => {
    const parameters = Array.from({ length: 12 }, (_, i) => `  p${i}: { dims: [x], value: 1 }`).join('\n');
    const error = loadError(`${HEADER.replace('end: 2030', 'end: 3019')}dimensions: { x: ${items('i', 9_000)} }\nparameters:\n${parameters}\n${body}`);
    expect(error.message).toBe(`too many values: the drivers, parameters and initial stocks of the model hold more than ${LIMITS.modelValues.toLocaleString('en-US')} values`);
    expect(error.at.path).toBe('parameters.p11.dims');
  });

  it('loadModelFromText(text) refuses more processes than the limit', () => {
    const error = loadError(`${HEADER}processes: ${items('p', LIMITS.processes + 1)}\n`);
    expect(error.message).toBe(`too many processes: ${(LIMITS.processes + 1).toLocaleString('en-US')}, more than ${LIMITS.processes.toLocaleString('en-US')}`);
    expect(error.at.path).toBe('processes');
  });

  it('loadModelFromText(text) checks items in a map with many keys in linear time', () => {
    const n = LIMITS.itemsPerDimension;
    const definition = load(`${HEADER}dimensions: { x: ${items('i', n)} }
parameters:
  p: { dims: [x], value: { ${Array.from({ length: n }, (_, i) => `i${i}: ${i}`).join(', ')} } }
${body}`);
    expect(definition.parameters[0]).toMatchObject({ kind: 'value' });
  });

  it('loadModelFromText(text) refuses inline values for more years than the series may hold', () => {
    const years = Array.from({ length: LIMITS.years + 1 }, (_, i) => `${1000 + i}: 1`).join(', ');
    const error = loadError(`${HEADER}drivers:\n  d: { unit: t, extrapolate: constant, values: { ${years} } }\n${body}`);
    expect(error.message).toBe(`too many years: driver d gives ${LIMITS.years + 1} years of data, more than ${LIMITS.years}`);
    expect(error.at.path).toBe('drivers.d.values');
  });

  it('loadModelFromText(text) refuses a lifetime table longer than the limit', () => {
    const error = loadError(withStock(`lifetime: { table: [${Array(LIMITS.years + 1).fill(1).join(', ')}] }`));
    expect(error.message).toBe(`too many values: the lifetime table of stock s has ${LIMITS.years + 1} ages, more than ${LIMITS.years}`);
    expect(error.at.path).toBe('stocks.s.lifetime.table');
  });

  it('loadModelFromText(text) refuses initial cohorts from more than the limit of years before the start', () => {
    const error = loadError(withStock(`lifetime: { fixed: { mean: 5 } }, initial: { cohorts: { -999999999999: 1, 2019: 1 } }`));
    expect(error.message).toBe(`invalid initial stock: cohort -999999999999 of stock s is more than ${LIMITS.years} years before 2020`);
  });

  it('compile(definition) refuses a stock whose cohorts over its items pass the limit, before allocating them', () => {
    const error = modelError(() =>
      compileYaml(`${HEADER.replace('end: 2030', 'end: 2119')}dimensions: { x: ${items('i', LIMITS.itemsPerDimension)} }
parameters: { p: { dims: [x], value: 1 } }
processes: [a, b]
flows:
  - { from: outside, to: a, value: p }
  - { from: a, to: b, share: 1 }
  - { from: b, to: outside, share: 1 }
stocks:
  s: { process: a, kind: inflow-driven, lifetime: { fixed: { mean: 5 } } }
`),
    );
    expect(error.message).toBe(`too many values: stock s has 100 years × 100 cohorts × 10,000 items, more than ${LIMITS.cohortValues.toLocaleString('en-US')}`);
    expect(error.at.path).toBe('stocks.s');
  });

  it('loadModelFromText(text) names an unknown key inside a lifetime and the keys it takes', () => {
    const error = loadError(withStock(`lifetime: { weibull: { shape: 2, scael: 3 } }`));
    expect(error.message).toBe('unknown key: scael');
    expect(error.at.path).toBe('stocks.s.lifetime.weibull.scael');
    expect(error.hint).toBe("did you mean 'scale'? allowed here: shape, scale");
  });

  it('loadModelFromText(text) names a missing lifetime parameter', () => {
    const error = loadError(withStock(`lifetime: { weibull: { shape: 2 } }`));
    expect(error.message).toBe('missing key: scale');
    expect(error.at.path).toBe('stocks.s.lifetime.weibull.scale');
  });

  it('loadModelFromText(text) refuses NaN and infinite scenario values at load', () => {
    for (const value of ['.nan', '.inf', '{ value: .nan }', '{ ramp: { from: 2020, to: 2025, to_value: .nan } }']) {
      const error = loadError(`${HEADER}parameters: { p: 1 }\n${body}scenarios:\n  s: { p: ${value} }\n`);
      expect(error.message).toMatch(/^invalid number: (NaN|Infinity)$/);
      expect(error.at.line).toBe(11);
    }
  });
});

describe('readDataTable(wide csv): every missing item column is named', () => {
  const model = `${HEADER}dimensions: { stream: [paper, plastic] }
drivers: { d: { unit: t, dims: [stream], csv: d.csv } }
${body}`;

  it('loadModelFromText(text) names the item whose column has no name', () => {
    for (const header of ['year,paper,', 'year,,plastic']) {
      const error = loadError(model, { 'd.csv': `${header}\n2020,1,1\n` });
      const missing = header.includes('paper') ? 'plastic' : 'paper';
      expect(error.message).toBe(`missing column: ${missing} in models/test/d.csv`);
      expect(error.hint).toMatch(/^column \d has no name;/);
    }
  });

  it('loadModelFromText(text) names the missing items next to a misspelt one', () => {
    const error = loadError(model, { 'd.csv': 'year,paper,plastik\n2020,1,1\n' });
    expect(error.message).toBe('unknown item of stream: plastik');
    expect(error.hint).toBe("did you mean 'plastic', 'paper'? (missing: plastic)");
  });
});
