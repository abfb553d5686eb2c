import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import { ModelError } from '../../../engine/errors.js';
import { readIndex } from '../../../cli/index/readIndex.js';
import { indexData, loadIndexFromText, resolveModelValues, type IndexSpec } from '../../../engine/index/index.js';
import { FIXTURES } from './indexHelpers.js';

const file = join(FIXTURES, 'model-values.yaml');
const text = readFileSync(file, 'utf8');
const load = (source: string) => resolveModelValues(loadIndexFromText(source, file), (model) => loadModel(join(dirname(file), model)));
const numbers = (spec: IndexSpec, indicator: number) => spec.indicators[indicator].values.map((value) => (value.kind === 'number' ? value.value : NaN));

describe('resolveModelValues', () => {
  it('resolveModelValues takes a flow per person in a year, converted into the indicator\'s unit', () => {
    // 1,000 people × (0.5 + 0.3) kg/person/d × 365.25 d/yr (the Julian year of mathjs), per person.
    const [all, paper] = numbers(load(text), 0);
    expect(all).toBeCloseTo(0.8 * 365.25, 9);
    expect(paper).toBeCloseTo(0.5 * 365.25, 9);
  });

  it('resolveModelValues runs the scenario asked for: paper recycled scales with its recycling rate', () => {
    // collection is the same in both scenarios; paper's rate goes from 0.4 to 0.7.
    const [base, high] = numbers(load(text), 1);
    expect(high / base).toBeCloseTo(0.7 / 0.4, 12);
  });

  it('resolveModelValues keeps the value\'s citation and uncertainty, so the index computes on it', () => {
    const spec = load(text);
    expect(spec.indicators[0].values[1]).toMatchObject({ kind: 'number', year: 2020, source: 'tiny', uncertainty: { kind: 'relative', share: 0.1 } });
    expect(indexData(spec).spreadA[1]).toBeCloseTo(0.1 * 0.5 * 365.25, 9);
  });

  it.each([
    ['an unknown flow', text.replace('flow: outside->households, per', 'flow: outside->houshold, per'), 'unknown flow: outside->houshold'],
    ['an unknown scenario', text.replace('scenario: high-recycling', 'scenario: high'), 'unknown scenario: high'],
    ['an unknown driver', text.replace('per: population, source: tiny }\n          high', 'per: people, source: tiny }\n          high'), 'unknown driver: people'],
    ['a year outside the model', text.replace('year: 2025, flow: collection->recycling, item: { stream: paper }, source: tiny }\n          high', 'year: 2040, flow: collection->recycling, item: { stream: paper }, source: tiny }\n          high'), 'invalid years: [2040, 2040]'],
    ['a unit the series does not convert to', text.replace('unit: t/yr', 'unit: kg/person/yr'), 'unit mismatch'],
  ])('resolveModelValues(%s) is a ModelError at the value in the index file', (_, source, message) => {
    expect(() => load(source)).toThrow(ModelError);
    try {
      load(source);
    } catch (error) {
      expect((error as ModelError).message).toContain(message);
      expect((error as ModelError).at.file).toBe(file);
      expect((error as ModelError).at.path).toMatch(/^dimensions\.\w+\.indicators\.\w+(\.values\.\w+)?/);
    }
  });
});

describe('resolveModelValues of emissions', () => {
  const emissionFile = join(FIXTURES, 'emission-values.yaml');
  const emissionText = readFileSync(emissionFile, 'utf8');
  const loadEmissions = (source: string) => resolveModelValues(loadIndexFromText(source, emissionFile), (model) => loadModel(join(dirname(emissionFile), model)));

  it('resolveModelValues takes a route\'s CO2e: 0.4 t per t incinerated, half of the waste', () => {
    // waste 1,000 t/yr in 2020 and 1,500 in 2040, landfill share 0.5, factor 0.4 t CO2e/t.
    const [first, last] = numbers(loadEmissions(emissionText), 0);
    expect(first).toBeCloseTo(1000 * 0.5 * 0.4, 9);
    expect(last).toBeCloseTo(1500 * 0.5 * 0.4, 9);
  });

  it('resolveModelValues(an emission into an indicator without CO2e) is a unit mismatch', () => {
    expect(() => loadEmissions(emissionText.replace('unit: t CO2e/yr', 'unit: t/yr'))).toThrow('unit mismatch: the model value is in');
  });
});

describe('resolveModelValues of indicators', () => {
  const indicatorFile = join(FIXTURES, 'indicator-values.yaml');
  const indicatorText = readFileSync(indicatorFile, 'utf8');
  const loadIndicators = (source: string) => resolveModelValues(loadIndexFromText(source, indicatorFile), (model) => loadModel(join(dirname(indicatorFile), model)));

  it('resolveModelValues takes a model\'s own indicator in the year and scenario asked: the diversion equals the recycling rate', () => {
    const [held, ramped] = numbers(loadIndicators(indicatorText), 0);
    expect(held).toBeCloseTo(0.2, 12);
    expect(ramped).toBeCloseTo(0.6, 12);
  });

  it('resolveModelValues(an unknown indicator, or one with a measure) is a ModelError at the value', () => {
    expect(() => loadIndicators(indicatorText.replace('indicator: diversion, source: compare }\n          ramped', 'indicator: diverson, source: compare }\n          ramped'))).toThrow('unknown indicator: diverson');
    const withMeasure = () => loadIndicators(indicatorText.replace('indicator: diversion, source', 'indicator: diversion, measure: net, source'));
    expect(withMeasure).toThrow('invalid measure: net');
    try {
      withMeasure();
    } catch (error) {
      expect((error as ModelError).hint).toContain('an indicator has no measure');
    }
    expect(() => loadIndicators(indicatorText.replace('unit: "1"', 'unit: t/yr'))).toThrow('unit mismatch');
  });
});

describe('readIndex(file): the models an index names lie in its folder or a data root, as a sweep\'s model', () => {
  it('readIndex(an index naming ../sweeps/tiny/model.yaml) is refused at the model key, and read with that folder as a data root', () => {
    const error = (() => {
      try {
        readIndex(file, {});
      } catch (caught) {
        return caught as ModelError;
      }
      throw new Error('readIndex read a model outside the index file\'s folder');
    })();
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(`model file outside the index's folder: ${join(FIXTURES, '../sweeps/tiny/model.yaml')}`);
    expect(error.at).toMatchObject({ file, line: 15 });
    expect(error.hint).toContain('--data-root');
    const { spec } = readIndex(file, {}, { dataRoots: [join(FIXTURES, '../sweeps')] });
    expect(numbers(spec, 0)[0]).toBeCloseTo(0.8 * 365.25, 9);
  });
});

