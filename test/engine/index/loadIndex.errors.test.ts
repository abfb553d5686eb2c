import { describe, expect, it } from 'vitest';
import { loadIndexFromText } from '../../../engine/index/index.js';
import { ModelError } from '../../../engine/errors.js';
import { smallIndexYaml } from './indexHelpers.js';

function failure(text: string): ModelError {
  try {
    loadIndexFromText(text, 'small.yaml');
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('loadIndexFromText errors', () => {
  it('loadIndexFromText(valid file) loads cities, dimensions, indicators and the default method', () => {
    const spec = loadIndexFromText(smallIndexYaml(), 'small.yaml');
    expect(spec.cities.map((city) => city.id)).toEqual(['p', 'q']);
    expect(spec.indicators.map((indicator) => [indicator.id, spec.dimensions[indicator.dimension].id])).toEqual([['a', 'one'], ['b', 'two']]);
    expect(spec.method).toEqual({ normalisation: 'min-max', aggregation: 'arithmetic', weights: 'nested', imputation: 'none' });
  });

  it.each([
    ['an unknown dimension in method.dimension_weights', smallIndexYaml({ extra: 'method: { dimension_weights: { tow: 2 } }' }), 'unknown dimension: tow', "did you mean 'two'", 'method.dimension_weights.tow'],
    ['an unknown city', smallIndexYaml({ values: '{ p: { value: 1, source: s }, q: { value: 2, source: s }, r: { value: 3, source: s } }' }), 'unknown city: r', "did you mean 'p'", 'dimensions.two.indicators.b.values.r'],
    ['a city left out', smallIndexYaml({ values: '{ p: { value: 1, source: s } }' }), 'missing value: q for indicator b', 'write q: missing', 'dimensions.two.indicators.b.values'],
    ['an unknown source', smallIndexYaml({ values: '{ p: { value: 1, source: s }, q: { value: 2, source: t } }' }), 'unknown source: t', "did you mean 's'", 'dimensions.two.indicators.b.values.q.source'],
    ['a misspelt key', smallIndexYaml({ indicatorExtra: 'wieght: 2' }), 'unknown key: wieght', "did you mean 'weight'", 'dimensions.two.indicators.b.wieght'],
    ['a negative weight', smallIndexYaml({ indicatorExtra: 'weight: -1' }), 'invalid weight: -1', 'not negative', 'dimensions.two.indicators.b.weight'],
    ['an unknown direction', smallIndexYaml({ indicatorExtra: 'direction: up' }).replace('        direction: higher\n', ''), 'invalid direction: up', 'expected higher | lower', 'dimensions.two.indicators.b.direction'],
    ['two kinds of uncertainty', smallIndexYaml({ values: '{ p: { value: 1, source: s, uncertainty: { sd: 1, relative: 0.1 } }, q: { value: 2, source: s } }' }), 'invalid uncertainty: sd and relative', 'write one of', 'dimensions.two.indicators.b.values.p.uncertainty'],
    ['a range that misses its value', smallIndexYaml({ values: '{ p: { value: 1, source: s, uncertainty: { min: 2, max: 3 } }, q: { value: 2, source: s } }' }), 'invalid uncertainty: 1 lies outside [2, 3]', 'hold the value', 'dimensions.two.indicators.b.values.p.uncertainty'],
    ['no value at all', smallIndexYaml({ values: '{ p: missing, q: missing }' }), 'invalid indicator: no city has a value for b', 'at least one city', 'dimensions.two.indicators.b.values'],
    ['a model value naming two series', smallIndexYaml({ values: '{ p: { model: m.yaml, year: 2030, flow: f, stock: s, source: s }, q: { value: 2, source: s } }' }), 'invalid model value: flow and stock', 'exactly one series', 'dimensions.two.indicators.b.values.p'],
    ['a flow with a measure', smallIndexYaml({ values: '{ p: { model: m.yaml, year: 2030, flow: f, measure: level, source: s }, q: { value: 2, source: s } }' }), 'invalid measure: level', 'a flow has no measure', 'dimensions.two.indicators.b.values.p.measure'],
    ['distance-to-target without a target', smallIndexYaml({ extra: 'method: { normalisation: distance-to-target }' }), 'missing key: target of a', 'write target:', 'dimensions.one.indicators.a'],
    ['given weights without a weight', smallIndexYaml({ extra: 'method: { weights: given }' }), 'missing key: weight of a', 'weights: given', 'dimensions.one.indicators.a'],
    ['geometric z-scores in the uncertainty analysis', smallIndexYaml({ extra: 'uncertainty: { normalisations: [min-max, z-score], aggregations: [arithmetic, geometric] }' }), 'invalid uncertainty: geometric aggregation of z-scores', 'z-scores are negative', 'uncertainty'],
    ['a later format', smallIndexYaml().replace('metabolis-index: 1', 'metabolis-index: 2'), 'unsupported format version: 2', 'reads index format 1', 'metabolis-index'],
    ['one city', smallIndexYaml().replace('cities: { p: {}, q: {} }', 'cities: { p: {} }').replace(/, q: \{ value: \d+, source: s \}/g, ''), 'invalid cities: 1 given', 'at least two cities', 'cities'],
  ])('loadIndexFromText(%s) is a ModelError with the line and a hint', (_, text, message, hint, path) => {
    const error = failure(text);
    expect(error.message).toBe(message);
    expect(error.hint).toContain(hint);
    expect(error.at.path).toBe(path);
    expect(error.at.file).toBe('small.yaml');
    expect(error.at.line).toBeGreaterThan(0);
  });

  it('loadIndexFromText(a file that is not an index) says how an index file starts', () => {
    expect(failure('name: x\n').message).toBe('missing format version');
    expect(failure('[1, 2]\n').message).toBe('invalid index: the file is not a map of keys');
  });
});
