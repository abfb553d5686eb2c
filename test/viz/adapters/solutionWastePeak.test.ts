import { describe, expect, it } from 'vitest';
import { solutionWastePeakInput, wasteGenerationSeries } from '../../../viz/adapters/index.js';
import { wastePeakSvg } from '../../../viz/index.js';
import { compile } from '../../../engine/compile/compileModel.js';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import { run } from '../../../engine/simulate/run.js';
import { shippedRuns, smallSolution, yearTotal } from './fixtures.js';

describe('wasteGenerationSeries', () => {
  it('wasteGenerationSeries(singapore) counts waste where it is generated, not again on its way to incineration and landfill', () => {
    const [solution] = shippedRuns('singapore').solutions;
    expect(wasteGenerationSeries(solution).map((series) => `${series.kind}:${series.id}`)).toEqual([
      'flow:domestic_waste',
      'flow:non_domestic_waste',
      'flow:construction_site_waste',
      'flow:demolition_waste',
      // Not the discarded equipment: its stock says waste: false (NEA's streams hold it), and the building stock's
      // outflow is demolition_waste already.
    ]);
  });

  it('wasteGenerationSeries(reference-city) counts the stocks\' discards, not the residues landfilled downstream', () => {
    const [solution] = shippedRuns('reference-city').solutions;
    const series = wasteGenerationSeries(solution);
    expect(series.every((entry) => entry.kind === 'stock-outflow')).toBe(true);
    expect(series.map((entry) => entry.id)).toEqual(solution.stocks.filter((stock) => stock.kind !== 'accumulate').map((stock) => stock.name));
  });
});

describe('solutionWastePeakInput', () => {
  it('solutionWastePeakInput(runs) draws one line per scenario, the sum of the waste generated', () => {
    const { solutions } = shippedRuns('singapore');
    const input = solutionWastePeakInput(solutions);
    expect(input.scenarios.map((scenario) => scenario.name)).toEqual(['status-quo', 'trend', 'zero-waste']);
    expect(input.unit).toBe('t/yr');
    expect(input.quantity).toBe('Waste generated');
    const t = 10;
    const parts = wasteGenerationSeries(solutions[1]);
    const expected = parts.reduce((sum, part) => sum + yearTotal(part.values, solutions[1].years.length, t), 0);
    expect(input.scenarios[1].values[t]).toBeCloseTo(expected, 6);
  });

  it('wastePeakSvg(solutionWastePeakInput(runs)) names the scenario in each annotation when several read alike', () => {
    const carbon = compile(loadModel('test/fixtures/carbon/model.yaml'));
    const svg = wastePeakSvg(solutionWastePeakInput([...carbon.scenarios.keys()].map((scenario) => run(carbon, { scenario })))).svg;
    // Status quo and trend generate the same waste: their lines coincide, and one label names both.
    expect(svg).toContain('>status-quo, trend: rising in 2060;</text>');
    expect(svg).toContain('>zero-waste: rising in 2060;</text>');
    // Singapore's waste generated peaks in 2014 in the status quo and zero waste (C&D from demolition falls after it).
    expect(wastePeakSvg(solutionWastePeakInput(shippedRuns('singapore').solutions)).svg).toContain('>status-quo, zero-waste: peak 2014: 7.77 Mt/yr</text>');
    const domestic = wastePeakSvg(solutionWastePeakInput(shippedRuns('singapore').solutions, { series: { id: 'domestic_waste' } })).svg;
    expect(domestic).toContain('>every scenario: highest in 2013;</text>');
  });

  it('solutionWastePeakInput(series) plots one stream: a flow, or a stock\'s outflow by its name', () => {
    const solution = smallSolution();
    expect(Array.from(solutionWastePeakInput([solution], { series: { id: 'discards' } }).scenarios[0].values)).toEqual([14, 15, 16]);
    const landfill = solutionWastePeakInput([solution], { series: { id: 'landfilled', kind: 'stock-inflow' } });
    expect(Array.from(landfill.scenarios[0].values)).toEqual([14, 15, 16]);
    expect(landfill.quantity).toBe('Landfilled, inflow');
    expect(solutionWastePeakInput([solution], { series: { id: 'discards' }, flows: [{ id: 'discards', label: 'Discarded goods' }] }).quantity).toBe('Discarded goods');
    expect(() => solutionWastePeakInput([solution], { series: { id: 'discard' } })).toThrow("unknown series: discard (did you mean 'discards'");
  });

  it('solutionWastePeakInput rejects runs over different years', () => {
    const other = { ...smallSolution(), years: [2021, 2022, 2023] };
    expect(() => solutionWastePeakInput([smallSolution(), other])).toThrow('options.solutions[1] must cover the same years as the first run (2020–2022)');
  });
});
