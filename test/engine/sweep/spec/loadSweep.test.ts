import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../../engine/errors.js';
import { loadSweepFromText } from '../../../../engine/sweep/spec/loadSweep.js';

const header = 'metabolis-sweep: 1\nmodel: model.yaml\n';
const outputs = 'outputs:\n  landfill: { flow: collection->landfill }\n';

function failure(text: string): ModelError {
  try {
    loadSweepFromText(text, 'sweep.yaml');
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('loadSweepFromText', () => {
  it('loadSweepFromText(sweep file) reads factors, distributions, item selections and outputs with their defaults', () => {
    const spec = loadSweepFromText(
      `${header}sampler: sobol\nn: 16\nfactors:\n  paper: { parameter: rate, item: paper, uniform: { min: 0.2, max: 0.8 } }\n` +
        `  population: { driver: population, truncated-normal: { mean: 1, sd: 0.1, min: 0.8 }, years: [2024, 2060], label: Population (projected) }\n` +
        `outputs:\n  landfill: { flow: a->b, record: [total, series], label: Landfilled waste }\n  ewaste: { stock: in_use, measure: outflow, item: { stream: paper }, years: [2025, 2030] }\n`,
      'sweep.yaml',
    );
    expect(spec).toMatchObject({ model: 'model.yaml', sampler: 'sobol', n: 16, seed: 0, secondOrder: true });
    expect(spec.factors[0]).toMatchObject({ name: 'paper', target: 'parameter', symbol: 'rate', items: { '': 'paper' }, distribution: { kind: 'uniform', min: 0.2, max: 0.8 } });
    expect(spec.factors[1].distribution).toEqual({ kind: 'truncated-normal', mean: 1, sd: 0.1, min: 0.8, max: Infinity });
    expect(spec.factors[1]).toMatchObject({ years: [2024, 2060], label: 'Population (projected)' });
    expect(spec.factors[0].label).toBeUndefined();
    expect(spec.outputs[0].label).toBe('Landfilled waste');
    expect(spec.outputs[0].record).toEqual(['series', 'total']);
    expect(spec.outputs[1]).toMatchObject({ source: { kind: 'stock', id: 'in_use', measure: 'outflow' }, items: { stream: 'paper' }, years: [2025, 2030] });
  });

  it('loadSweepFromText(model file with a sweep section) reads the sweep and points at the model file itself', () => {
    const spec = loadSweepFromText(`metabolis: 1\nname: x\nsweep:\n  sampler: monte-carlo\n  n: 4\n  factors:\n    rate: { uniform: { min: 0, max: 1 } }\n  ${outputs.replace('\n  ', '\n    ')}`, 'models/x/model.yaml');
    expect(spec).toMatchObject({ model: 'model.yaml', root: 'sweep', sampler: 'monte-carlo', n: 4 });
  });

  it('loadSweepFromText(overrides) lets the command line choose sampler, n and seed', () => {
    const spec = loadSweepFromText(`${header}sampler: sobol\nn: 16\nfactors:\n  rate: { uniform: { min: 0, max: 1 } }\n${outputs}`, 'sweep.yaml', { sampler: 'latin-hypercube', n: 100, seed: 9 });
    expect(spec).toMatchObject({ sampler: 'latin-hypercube', n: 100, seed: 9 });
  });

  it('loadSweepFromText(impossible distribution) is a ModelError at its line', () => {
    const error = failure(`${header}sampler: sobol\nn: 16\nfactors:\n  rate:\n    normal: { mean: 1, sd: -0.5 }\n${outputs}`);
    expect(error.message).toBe('invalid normal distribution: sd must be positive (got -0.5)');
    expect(error.at).toMatchObject({ file: 'sweep.yaml', path: 'factors.rate.normal', line: 7 });
  });

  it('loadSweepFromText(sweep file without sampler) says that the sweep file needs it, not the model', () => {
    const error = failure(`${header}n: 16\nfactors:\n  rate: { uniform: { min: 0, max: 1 } }\n${outputs}`);
    expect(error.message).toBe('missing key: sampler');
    expect(error.hint).toMatch(/^the sweep file needs sampler \(/);
  });

  it('loadSweepFromText(misspelt key) names the key and the nearest allowed one', () => {
    const error = failure(`${header}sampler: sobol\nn: 16\nfactors:\n  rate: { unifrom: { min: 0, max: 1 } }\n${outputs}`);
    expect(error.message).toBe('unknown key: unifrom');
    expect(error.hint).toMatch(/did you mean 'uniform'/);
    expect(error.at.line).toBe(6);
  });

  it('loadSweepFromText rejects a factor with two distributions, or none', () => {
    expect(failure(`${header}sampler: sobol\nn: 16\nfactors:\n  rate: { uniform: { min: 0, max: 1 }, normal: { mean: 0, sd: 1 } }\n${outputs}`).message).toBe(
      'invalid factor: rate needs exactly one distribution (has uniform and normal)',
    );
    expect(failure(`${header}sampler: sobol\nn: 16\nfactors:\n  rate: { parameter: rate }\n${outputs}`).message).toBe('invalid factor: rate needs exactly one distribution');
  });

  it('loadSweepFromText matches levels with the grid sampler only', () => {
    expect(failure(`${header}sampler: grid\nfactors:\n  rate: { uniform: { min: 0, max: 1 } }\n${outputs}`).message).toBe('invalid factor: the grid sampler needs levels, not a uniform distribution');
    expect(failure(`${header}sampler: sobol\nn: 8\nfactors:\n  rate: { levels: [1, 2] }\n${outputs}`).message).toBe('invalid factor: levels are for the grid sampler, not sobol');
    expect(failure(`${header}sampler: grid\nn: 8\nfactors:\n  rate: { levels: [1, 2] }\n${outputs}`).message).toMatch(/^invalid n/);
    expect(failure(`${header}sampler: sobol\nfactors:\n  rate: { uniform: { min: 0, max: 1 } }\n${outputs}`).message).toBe('missing key: n');
  });

  it('loadSweepFromText(morris, grid placement, normal factor) asks for centred levels', () => {
    const error = failure(`${header}sampler: morris\nn: 4\nfactors:\n  rate: { normal: { mean: 1, sd: 0.1 } }\n${outputs}`);
    expect(error.message).toMatch(/^invalid placement: grid puts Morris levels at 0 and 1, where the normal distribution of rate is infinite/);
    expect(error.hint).toMatch(/placement: centred/);
  });

  it('loadSweepFromText rejects a file that is no sweep, an output with two sources, and a driver that is set', () => {
    expect(failure('metabolis: 1\nname: x\n').message).toMatch(/^not a sweep/);
    expect(failure(`${header}sampler: sobol\nn: 4\nfactors:\n  rate: { uniform: { min: 0, max: 1 } }\noutputs:\n  x: { flow: a->b, stock: s }\n`).message).toBe('invalid output: x needs exactly one of flow, stock, waste, emission and indicator');
    expect(failure(`${header}sampler: sobol\nn: 4\nfactors:\n  population: { driver: population, apply: set, uniform: { min: 0, max: 1 } }\n${outputs}`).message).toBe('invalid apply: set');
  });
});
