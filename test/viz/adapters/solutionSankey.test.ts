import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { solutionSankeyInput } from '../../../viz/adapters/index.js';
import { sankeySvg, type ItemValues } from '../../../viz/index.js';
import { shippedRuns, smallSolution, yearTotal } from './fixtures.js';

const total = (value: ItemValues) => (typeof value === 'number' ? value : Object.values(value).reduce((a, b) => a + b, 0));

describe('solutionSankeyInput', () => {
  it('solutionSankeyInput(small run, 2021) splits each flow by material as the run has it', () => {
    const input = solutionSankeyInput(smallSolution(), { period: { year: 2021 } });
    expect(input.flows.map((flow) => [flow.from, flow.to, flow.value])).toEqual([
      ['outside', 'use', { a: 11, b: 5 }],
      ['use', 'landfill', { a: 10, b: 5 }],
    ]);
    expect(input.dimension).toEqual({ name: 'Material', items: ['a', 'b'] });
    expect(input.period).toEqual({ year: 2021 });
    expect(input.scenario).toBe('base');
  });

  it('solutionSankeyInput gives each stock its change over the year and its level at the end', () => {
    const input = solutionSankeyInput(smallSolution(), { period: { year: 2020 } });
    expect(input.stocks).toEqual([
      { process: 'use', name: 'In use', change: { a: 1, b: 0 }, level: 1 },
      { process: 'landfill', name: 'Landfilled', change: { a: 9, b: 5 }, level: 14 },
    ]);
  });

  it('solutionSankeyInput(span, sum) adds the years, (span, mean) averages them; levels are at the end of the span', () => {
    const sum = solutionSankeyInput(smallSolution(), { period: { from: 2020, to: 2022, aggregate: 'sum' } });
    const mean = solutionSankeyInput(smallSolution(), { period: { from: 2020, to: 2022, aggregate: 'mean' } });
    expect(sum.flows[0].value).toEqual({ a: 33, b: 15 });
    expect(mean.flows[0].value).toEqual({ a: 11, b: 5 });
    expect(sum.stocks![1]).toEqual({ process: 'landfill', name: 'Landfilled', change: { a: 30, b: 15 }, level: 45 });
    expect(mean.stocks![1].change).toEqual({ a: 10, b: 5 });
  });

  it('solutionSankeyInput passes an imbalance through: the figure draws and reports the run\'s residual', () => {
    const figure = sankeySvg(solutionSankeyInput(smallSolution(2), { period: { year: 2022 } }));
    expect(figure.imbalances).toEqual([{ process: 'use', residual: 2 }]);
    expect(figure.svg).toContain('Mass imbalance at Use');
    expect(sankeySvg(solutionSankeyInput(smallSolution(), { period: { year: 2022 } })).imbalances).toEqual([]);
  });

  it('solutionSankeyInput(dimension: null) draws totals', () => {
    const input = solutionSankeyInput(smallSolution(), { period: { year: 2020 }, dimension: null });
    expect(input.flows.map((flow) => flow.value)).toEqual([15, 14]);
    expect(input.dimension).toBeUndefined();
  });

  it('solutionSankeyInput takes labels and stages from the model and names the boundary after the flow', () => {
    const input = solutionSankeyInput(smallSolution(), { period: { year: 2020 }, processes: [{ name: 'use', label: 'Products in use', stage: 0 }] });
    expect(input.processes).toEqual([
      { name: 'use', label: 'Products in use', stage: 0 },
      { name: 'landfill', label: 'Landfill' },
    ]);
    expect(input.flows[0].label).toBe('Imports');
  });

  it("solutionSankeyInput names a source or sink by its flow's label where the model gives one", () => {
    const input = solutionSankeyInput(smallSolution(), { period: { year: 2020 }, flows: [{ id: 'imports', label: 'Goods bought' }] });
    expect(input.flows[0].label).toBe('Goods bought');
    expect(sankeySvg(input).svg).toContain('>Goods bought</');
  });

  it('solutionSankeyInput rejects a year outside the run and an unknown dimension', () => {
    expect(() => solutionSankeyInput(smallSolution(), { period: { year: 2030 } })).toThrow("options.period must lie within the run's years 2020–2022 (got 2030)");
    expect(() => solutionSankeyInput(smallSolution(), { period: { year: 2020 }, dimension: 'materal' })).toThrow(OptionsError);
    expect(() => solutionSankeyInput(smallSolution(), { period: { year: 2020 }, dimension: 'materal' })).toThrow("did you mean 'material'");
  });

  it('solutionSankeyInput(singapore, 2030) keeps every flow\'s total and every stock\'s level change, with no imbalance', () => {
    const { definition, solutions } = shippedRuns('singapore');
    for (const solution of solutions) {
      const t = solution.years.indexOf(2030);
      const input = solutionSankeyInput(solution, { period: { year: 2030 }, processes: definition.processes });
      const drawn = solution.flows.filter((flow) => yearTotal(flow.values, solution.years.length, t) !== 0);
      expect(input.flows.length).toBe(drawn.length);
      drawn.forEach((flow, i) => expect(total(input.flows[i].value)).toBeCloseTo(yearTotal(flow.values, solution.years.length, t), 6));
      solution.stocks.forEach((stock, i) => {
        const change = yearTotal(stock.stock, solution.years.length, t) - yearTotal(stock.stock, solution.years.length, t - 1);
        expect(total(input.stocks![i].change)).toBeCloseTo(change, 3);
      });
      expect(input.dimension!.items.length).toBeLessThanOrEqual(7);
      expect(sankeySvg(input).imbalances).toEqual([]);
    }
  });
});
