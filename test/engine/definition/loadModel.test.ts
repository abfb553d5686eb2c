import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelFromText } from '../../../engine/definition/loadModel.js';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import type { ModelDefinition } from '../../../engine/definition/types.js';
import { HEADER, load } from './loadHelpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/definition/city/${name}`, import.meta.url));
const yamlModel = loadModel(fixture('model.yaml'));

/** Everything but what is about the file itself. */
function content(definition: ModelDefinition) {
  const { file: _file, sourceMap: _sourceMap, ...rest } = definition;
  return rest;
}

describe('loadModelFromText(text, files)', () => {
  it('loadModel(yaml) and loadModel(json) of the same model give equal definitions', () => {
    const jsonModel = loadModel(fixture('model.json'));
    expect(content(jsonModel)).toEqual(content(yamlModel));
    expect(jsonModel.sourceMap['flows[2].share'].line).toBeGreaterThan(0);
  });

  it('loadModel(yaml) reads names, defaults and shorthand forms', () => {
    expect(yamlModel.formatVersion).toBe(1);
    expect(yamlModel.name).toBe('Fixture city');
    expect(yamlModel.time).toEqual({ start: 2020, end: 2030 });
    expect(yamlModel.massUnit).toBe('t');
    expect(yamlModel.countUnits).toEqual(['dwelling']);
    expect(yamlModel.survival).toBe('survival-mid-year');
    expect(yamlModel.dimensions).toEqual([
      { name: 'region', items: ['north', 'south'] },
      { name: 'stream', items: ['food', 'paper', 'plastic'] },
    ]);
    expect(yamlModel.processes[2]).toEqual({ name: 'recycling', stage: 2, label: 'Material recovery', path: 'processes[2]' });
    expect(yamlModel.processes[0]).toEqual({ name: 'households', stage: undefined, label: undefined, path: 'processes[0]' });
    expect(yamlModel.flows.map((flow) => [flow.id, flow.kind, flow.expression])).toEqual([
      ['outside->households', 'value', 'population * per_capita'],
      ['households->collection', 'share', '1'],
      ['collection->recycling', 'share', 'recycling_rate'],
      ['collection->incineration', 'rest', undefined],
      ['reuse', 'share', '0.2'],
      ['recycling->outside', 'rest', undefined],
      ['incineration->outside', 'share', '1'],
      ['outside->buildings', 'demand', undefined],
      ['buildings->landfill', 'share', '1'],
    ]);
  });

  it('loadModel(yaml) stores arrays over dims in the declared order of the dimensions', () => {
    const sortingLoss = yamlModel.parameters.find((parameter) => parameter.name === 'sorting_loss');
    // listed as [stream, region], stored over [region, stream]: north food, paper, plastic, then south.
    expect(sortingLoss).toMatchObject({ kind: 'value', dims: ['region', 'stream'], unit: '1' });
    expect(sortingLoss?.kind === 'value' && Array.from(sortingLoss.value)).toEqual([0.1, 0.05, 0.3, 0.2, 0.05, 0.4]);
    const regional = yamlModel.drivers.find((driver) => driver.name === 'regional_share')!;
    expect(regional.dims).toEqual(['region', 'stream']);
    expect(Array.from(regional.values.subarray(0, 6))).toEqual([0.6, 0.5, 0.7, 0.4, 0.5, 0.3]);
    expect(Array.from(regional.values.subarray(60, 66))).toEqual([0.6, 0.5, 0.7, 0.4, 0.5, 0.3]);
  });

  it('loadModel(yaml) fills every model year of every driver', () => {
    const series = (name: string) => Array.from(yamlModel.drivers.find((driver) => driver.name === name)!.values);
    expect(series('population')).toEqual([1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000]);
    // step interpolation, then constant: 2020–2023 hold 2020's values, 2024 on hold 2024's.
    const perCapita = series('per_capita');
    expect(perCapita.slice(0, 3)).toEqual([1, 2, 3]);
    expect(perCapita.slice(9, 12)).toEqual([1, 2, 3]);
    expect(perCapita.slice(12, 15)).toEqual([2, 3, 4]);
    expect(perCapita.slice(30, 33)).toEqual([2, 3, 4]);
    expect(series('gdp')[5]).toBe(1.2);
    expect(series('gdp')[10]).toBe(1.5);
    expect(series('price').slice(0, 3)).toEqual([-1, 0, 2]);
  });

  it('loadModel(yaml) reads lifetimes, targets and initial stocks', () => {
    const [landfilled, appliances, containers, dwellings] = yamlModel.stocks;
    expect(landfilled).toMatchObject({ kind: 'accumulate', lifetime: undefined, target: undefined, negativeInflowCorrection: false });
    expect(appliances.lifetime).toEqual({ distribution: 'weibull', parameters: { shape: '2.2', scale: '15.2' }, table: undefined, path: 'stocks.appliances.lifetime.weibull' });
    expect(containers.lifetime?.table).toEqual([1, 0.8, 0.3, 0]);
    expect(containers.initial?.cohorts).toEqual([2018, 2019]);
    expect(Array.from(containers.initial!.values)).toEqual([1, 3, 5, 2, 4, 6]);
    expect(dwellings).toMatchObject({ kind: 'stock-driven', target: 'population * floor_area * concrete_intensity', negativeInflowCorrection: true });
    expect(dwellings.initial?.cohorts).toEqual([2017, 2018, 2019]);
    expect(Array.from(dwellings.initial!.values)).toEqual([100, 200, 300]);
  });

  it('loadModel(yaml) reads scenario overrides of parameters and drivers', () => {
    const [statusQuo, zeroWaste] = yamlModel.scenarios;
    expect(statusQuo).toEqual({ name: 'status-quo', overrides: [], path: 'scenarios.status-quo' });
    const [ramp, set, replaced] = zeroWaste.overrides;
    expect(ramp).toMatchObject({ kind: 'ramp', target: 'recycling_rate', from: 2022, to: 2026 });
    expect(ramp.kind === 'ramp' && Array.from(ramp.toValue)).toEqual([0.6, 0.7, Number.NaN]);
    expect(set.kind === 'set-parameter' && Array.from(set.value)).toEqual([0.1]);
    // The replacement series keeps the driver's own extrapolation (linear) and interpolation.
    expect(replaced.kind === 'set-driver' && Array.from(replaced.values)).toEqual([1000, 1200, 1400, 1600, 1800, 2000, 2200, 2400, 2600, 2800, 3000]);
  });

  it('loadModelFromText(yaml) places every path at the line and column that wrote it', () => {
    const text = readFileSync(fixture('model.yaml'), 'utf8');
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
    const { sourceMap } = yamlModel;
    expect(sourceMap['flows[2]'].line).toBe(lineOf('share: recycling_rate'));
    expect(sourceMap['flows[2].share']).toEqual({ line: lineOf('share: recycling_rate'), column: lines[lineOf('share: recycling_rate') - 1].indexOf('share') + 1 });
    expect(sourceMap['drivers.population.csv'].line).toBe(lineOf('csv: data/population.csv'));
    expect(sourceMap['parameters.recycling_rate.value.food'].line).toBe(lineOf('recycling_rate: { dims'));
    expect(sourceMap['parameters.sorting_loss.value.plastic.south'].line).toBe(lineOf('plastic: { north: 0.3'));
    expect(sourceMap['stocks.dwellings.lifetime.normal.sd'].line).toBe(lineOf('normal: { mean: 35'));
    expect(sourceMap['scenarios.zero-waste.recycling_rate'].line).toBe(lineOf('recycling_rate: { ramp'));
  });

  it('loadModelFromText(json) gives JSON documents line numbers too', () => {
    const text = readFileSync(fixture('model.json'), 'utf8');
    const definition = loadModelFromText(text, { file: fixture('model.json'), readFile: (path) => readFileSync(fixture(path), 'utf8') });
    const lines = text.split('\n');
    expect(definition.sourceMap['time.end'].line).toBe(lines.findIndex((line) => line.includes('"end": 2030')) + 1);
  });

  it('loadModelFromText(text) returns a frozen definition', () => {
    expect(Object.isFrozen(yamlModel)).toBe(true);
    expect(Object.isFrozen(yamlModel.flows[0])).toBe(true);
    expect(Object.isFrozen(yamlModel.stocks[1].lifetime!.parameters)).toBe(true);
    expect(() => (yamlModel.dimensions[0].items as string[]).push('east')).toThrow(TypeError);
  });

  it('loadModelFromText(text) writes a numeric literal where an expression goes as its decimal string', () => {
    const definition = load(`${HEADER}
processes: [a]
flows:
  - { from: outside, to: a, value: 1.5e3 }
  - { from: a, to: outside, share: 1 }
stocks:
  s: { process: a, kind: inflow-driven, lifetime: { exponential: { mean: 12 } } }
`);
    expect(definition.flows.map((flow) => flow.expression)).toEqual(['1500', '1']);
    expect(definition.stocks[0].lifetime?.parameters).toEqual({ mean: '12' });
  });

  it('loadModelFromText(text) lets signed: true drivers and parameters be negative', () => {
    const definition = load(`${HEADER}
drivers:
  balance: { unit: t, signed: true, values: { 2020: -5, 2030: 5 } }
parameters:
  offset: { value: -2, signed: true }
processes: [a]
flows:
  - { from: outside, to: a, value: "1" }
  - { from: a, to: outside, share: 1 }
`);
    expect(definition.drivers[0].values[5]).toBe(0);
    expect(definition.parameters[0].kind === 'value' && definition.parameters[0].value[0]).toBe(-2);
  });
});
