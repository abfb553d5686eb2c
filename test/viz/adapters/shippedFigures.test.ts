import { describe, expect, it } from 'vitest';
import { sameScaleSankeys, solutionSankeyInput, solutionTimeSeriesInput, solutionWastePeakInput } from '../../../viz/adapters/index.js';
import { sankeySvg, timeSeriesSvg, wastePeakSvg } from '../../../viz/index.js';
import { SHIPPED_MODELS, shippedRuns } from './fixtures.js';

/** Well-formed enough for a renderer: one root, every tag closed in order, no NaN coordinates. */
function expectWellFormedSvg(svg: string): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  const open: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (closing) expect(open.pop()).toBe(name);
    else if (!selfClosing) open.push(name);
  }
  expect(open).toEqual([]);
}

/** The rotated text of a chart: its y axis title. */
function yAxisTitle(svg: string): string {
  return /<text [^>]*transform="rotate\(-90[^>]*>([^<]*)<\/text>/.exec(svg)![1];
}

describe.each(SHIPPED_MODELS)('figures of %s', (name) => {
  it(`sankeySvg(solutionSankeyInput(${name})) renders the middle year of every scenario and balanced`, () => {
    const { definition, solutions } = shippedRuns(name);
    for (const solution of solutions) {
      const year = solution.years[Math.floor(solution.years.length / 2)];
      const input = solutionSankeyInput(solution, { period: { year }, processes: definition.processes });
      const figure = sankeySvg(input);
      expectWellFormedSvg(figure.svg);
      // Crowded columns (many stocks) once collapsed the fitted scale to hairlines: the largest band must stay wide.
      const largest = Math.max(...input.flows.map((flow) => (typeof flow.value === 'number' ? flow.value : Object.values(flow.value).reduce((a, b) => a + b, 0))));
      expect(largest / figure.unitsPerPoint).toBeGreaterThan(20);
      expect(figure.imbalances).toEqual([]);
      expect(figure.svg).toContain(String(year));
    }
  });

  it(`sameScaleSankeys(${name}) draws every scenario at one scale, a span as well as a year`, () => {
    const { definition, solutions } = shippedRuns(name);
    const [start] = solutions[0].years;
    const inputs = solutions.map((solution) => solutionSankeyInput(solution, { period: { from: start, to: start + 9, aggregate: 'mean' }, processes: definition.processes }));
    const figures = sameScaleSankeys(inputs);
    for (const figure of figures) expectWellFormedSvg(figure.svg);
    expect(new Set(figures.map((figure) => figure.unitsPerPoint)).size).toBe(1);
  });

  it(`wastePeakSvg(solutionWastePeakInput(${name})) renders every scenario with its peak stated`, () => {
    const { solutions } = shippedRuns(name);
    const figure = wastePeakSvg(solutionWastePeakInput(solutions));
    expectWellFormedSvg(figure.svg);
    expect(figure.peaks.length).toBe(solutions.length);
    expect(figure.svg).toMatch(/peak/);
  });

  it(`timeSeriesSvg(solutionTimeSeriesInput(${name})) renders every flow and stock as lines, and stacked`, () => {
    const { solutions } = shippedRuns(name);
    const [solution] = solutions;
    for (const id of [...solution.flows.map((flow) => flow.id), ...solution.stocks.map((stock) => stock.name)]) {
      expectWellFormedSvg(timeSeriesSvg(solutionTimeSeriesInput(solutions.slice(0, 3), { series: { id } })).svg);
    }
    // A model without stocks (global-waste) stacks its first flow by item instead.
    const stacked = solution.stocks[0]?.name ?? solution.flows[0].id;
    expectWellFormedSvg(timeSeriesSvg(solutionTimeSeriesInput([solution], { series: { id: stacked } }), { mode: 'stacked' }).svg);
  });

  it(`timeSeriesSvg and wastePeakSvg of ${name} title the y axis "<quantity> (<unit>)", the unit once and nothing else in parentheses`, () => {
    const { definition, solutions } = shippedRuns(name);
    const [solution] = solutions;
    const refs = [
      ...solution.flows.map((flow) => ({ id: flow.id, kind: 'flow' as const })),
      ...solution.stocks.flatMap((stock) => (['stock', 'stock-inflow', 'stock-outflow'] as const).map((kind) => ({ id: stock.name, kind }))),
      ...solution.derived.filter((series) => series.kind !== 'indicator').map((series) => ({ id: series.id, kind: series.kind })),
    ];
    const titles = [
      yAxisTitle(wastePeakSvg(solutionWastePeakInput([solution], { flows: definition.flows })).svg),
      ...refs.flatMap((series) => [
        yAxisTitle(timeSeriesSvg(solutionTimeSeriesInput([solution], { series, flows: definition.flows })).svg),
        yAxisTitle(wastePeakSvg(solutionWastePeakInput([solution], { series, flows: definition.flows })).svg),
      ]),
    ];
    for (const title of titles) expect(title).toMatch(/^[A-Z][^()]* \((k|M|G)?t( CO2e)?(\/yr)?\)$/);
    // An indicator is in its own unit (a rate: 1; waste to Semakau: kg/person/d), once.
    for (const series of solution.derived.filter((entry) => entry.kind === 'indicator')) {
      expect(yAxisTitle(timeSeriesSvg(solutionTimeSeriesInput([solution], { series: { id: series.id, kind: series.kind }, flows: definition.flows })).svg)).toMatch(/^[A-Z][^()]* \([^()]+\)$/);
    }
    if (solution.stocks.some((stock) => stock.name === 'landfilled')) expect(titles).toContain('Landfilled, level (Mt)');
  });
});
