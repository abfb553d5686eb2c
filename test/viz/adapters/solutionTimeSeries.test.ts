import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile/compileModel.js';
import { run } from '../../../engine/simulate/run.js';
import { solutionTimeSeriesInput } from '../../../viz/adapters/index.js';
import { timeSeriesSvg } from '../../../viz/index.js';
import { shippedRuns, smallSolution } from './fixtures.js';

describe('solutionTimeSeriesInput', () => {
  it('solutionTimeSeriesInput(flow) gives one series per item of the flow\'s dimension', () => {
    const input = solutionTimeSeriesInput([smallSolution()], { series: { id: 'imports' } });
    expect(input.series.map((series) => [series.label, Array.from(series.values)])).toEqual([
      ['a', [10, 11, 12]],
      ['b', [5, 5, 5]],
    ]);
    expect(input).toMatchObject({ unit: 't/yr', quantity: 'Imports', dimension: 'Material', scenario: 'base' });
  });

  it('solutionTimeSeriesInput(stock, by: null) gives the total stock level, in the mass unit', () => {
    const input = solutionTimeSeriesInput([smallSolution()], { series: { id: 'landfilled' }, by: null });
    expect(input.series.map((series) => Array.from(series.values))).toEqual([[14, 29, 45]]);
    expect(input.unit).toBe('t');
  });

  it('solutionTimeSeriesInput(several runs) tells them apart by scenario and groups the smaller items alike', () => {
    const { solutions } = shippedRuns('singapore');
    const input = solutionTimeSeriesInput(solutions, { series: { id: 'landfilled' } });
    const labels = [...new Set(input.series.map((series) => series.label))];
    expect(labels.length).toBe(7);
    expect(input.series.length).toBe(7 * solutions.length);
    expect(new Set(input.series.map((series) => series.scenario))).toEqual(new Set(['status-quo', 'trend', 'zero-waste']));
    const t = 20;
    const zeroWaste = input.series.filter((series) => series.scenario === 'zero-waste').reduce((sum, series) => sum + series.values[t], 0);
    const landfilled = solutions[2].stocks.find((stock) => stock.name === 'landfilled')!;
    const size = landfilled.stock.length / solutions[2].years.length;
    expect(zeroWaste).toBeCloseTo(landfilled.stock.subarray(t * size, (t + 1) * size).reduce((a, b) => a + b, 0), 3);
  });

  it('solutionTimeSeriesInput(one run of the base model) states the scenario as the base model', () => {
    const { definition } = shippedRuns('singapore');
    const input = solutionTimeSeriesInput([run(compile(definition))], { series: { id: 'landfilled' } });
    expect(input.scenario).toBe('base model');
    expect(timeSeriesSvg(input).svg).toContain('scenario base model');
  });

  it('solutionTimeSeriesInput rejects a dimension the series does not have', () => {
    expect(() => solutionTimeSeriesInput([smallSolution()], { series: { id: 'imports' }, by: 'region' })).toThrow('options.by must be a dimension of imports');
  });
});
