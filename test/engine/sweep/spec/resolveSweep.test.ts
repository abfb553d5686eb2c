import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../../engine/compile/compileModel.js';
import { loadModel } from '../../../../engine/definition/loadModelFile.js';
import { ModelError } from '../../../../engine/errors.js';
import { loadSweepFromText } from '../../../../engine/sweep/spec/loadSweep.js';
import { resolveSweep } from '../../../../engine/sweep/spec/resolveSweep.js';

const model = compile(loadModel(fileURLToPath(new URL('../../../fixtures/sweeps/tiny/model.yaml', import.meta.url))));

function sweep(factors: string, outputs = '  landfill: { flow: collection->landfill }', extra = '') {
  return loadSweepFromText(`metabolis-sweep: 1\nmodel: model.yaml\nsampler: sobol\nn: 4\n${extra}factors:\n${factors}\noutputs:\n${outputs}\n`, 'sweep.yaml');
}

function failure(factors: string, outputs?: string, extra?: string): ModelError {
  try {
    resolveSweep(sweep(factors, outputs, extra), model);
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

const rate = '  rate: { parameter: recycling_rate, uniform: { min: 0, max: 1 } }';

describe('resolveSweep', () => {
  it('resolveSweep(sweep, model) binds factors to items and lays out the output columns', () => {
    const resolved = resolveSweep(
      sweep(
        '  paper: { parameter: recycling_rate, item: paper, uniform: { min: 0, max: 1 } }\n  population: { normal: { mean: 1, sd: 0.1 }, years: [2024, 2031] }',
        '  landfill: { flow: collection->landfill, record: [series, peak, total], years: [2029, 2031] }\n  exported: { waste: in_use, item: { stream: plastic }, record: total }',
      ),
      model,
    );
    expect(resolved.factors).toEqual([
      { target: 'parameter', symbol: 'recycling_rate', apply: 'set', items: Int32Array.of(0), years: null },
      { target: 'driver', symbol: 'population', apply: 'scale', items: null, years: [4, 11] },
    ]);
    expect(resolved.outputs[1]).toMatchObject({ series: 'outflow', size: 2, items: Int32Array.of(1), first: 0, last: 11 });
    expect(resolved.columns.map((column) => `${column.output}:${column.statistic}:${column.year ?? ''}`)).toEqual([
      'landfill:value:2029',
      'landfill:value:2030',
      'landfill:value:2031',
      'landfill:peak_year:',
      'landfill:peak_value:',
      'landfill:peak_status:',
      'landfill:total:',
      'exported:total:',
    ]);
  });

  it('resolveSweep names an unknown parameter, item, flow and scenario with the nearest existing names', () => {
    const parameter = failure('  rate: { parameter: recycling_rat, uniform: { min: 0, max: 1 } }');
    expect(parameter.message).toBe('unknown parameter: recycling_rat');
    expect(parameter.hint).toMatch(/'recycling_rate'/);
    expect(parameter.at).toMatchObject({ file: 'sweep.yaml', path: 'factors.rate.parameter', line: 6 });
    expect(failure('  life: { uniform: { min: 1, max: 2 } }').message).toBe('unknown parameter or driver: life');
    expect(failure('  rate: { parameter: recycling_rate, item: papr, uniform: { min: 0, max: 1 } }').message).toBe('unknown item of stream: papr');
    expect(failure(rate, '  x: { flow: collection->landfil }').hint).toMatch(/'collection->landfill'/);
    expect(failure(rate, undefined, 'scenario: high-recyclng\n').message).toBe('unknown scenario: high-recyclng');
  });

  it('resolveSweep refuses a factor that its scenario replaces, a series that is no waste stream and years outside the horizon', () => {
    expect(failure(rate, undefined, 'scenario: high-recycling\n').message).toBe('invalid factor: scenario high-recycling replaces recycling_rate, so varying it changes nothing');
    const waste = failure(rate, '  x: { waste: households->products }');
    expect(waste.message).toBe('not a waste stream: households->products');
    expect(waste.hint).toMatch(/^waste streams are the flows marked waste: true/);
    expect(failure(rate, '  x: { flow: collection->landfill, years: [2019, 2025] }').message).toBe("invalid years: [2019, 2025] is not within the model's horizon 2020–2031");
    expect(failure('  share: { parameter: product_share, item: paper, uniform: { min: 0, max: 1 } }').message).toBe('invalid item: parameter product_share has no dimensions');
  });

  it('resolveSweep refuses driver years outside the horizon and years on a parameter, at the years key', () => {
    const outside = failure('  population: { normal: { mean: 1, sd: 0.1 }, years: [2024, 2040] }');
    expect(outside.message).toBe("invalid years: [2024, 2040] is not within the model's horizon 2020–2031");
    expect(outside.hint).toBe('choose years from 2020 to 2031');
    expect(outside.at).toMatchObject({ path: 'factors.population.years', line: 6 });
    const parameter = failure('  product_share: { uniform: { min: 0, max: 1 }, years: [2024, 2031] }');
    expect(parameter.message).toBe('invalid years: product_share is a parameter, with one value for every year');
    expect(parameter.at.path).toBe('factors.product_share.years');
  });
});
