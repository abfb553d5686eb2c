import { describe, expect, it } from 'vitest';
import { solutionSankeyInput, solutionTimeSeriesInput } from '../../../viz/adapters/index.js';
import { sankeySvg, timeSeriesSvg } from '../../../viz/index.js';
import { shippedRuns } from '../adapters/fixtures.js';

/** The colour (a swatch's fill, a line's stroke) and fill-opacity of each legend mark, by the label written after it. */
function legendSwatches(svg: string): Map<string, { color: string; opacity: string | undefined }> {
  const swatches = new Map<string, { color: string; opacity: string | undefined }>();
  for (const match of svg.matchAll(/<(?:rect|line) ([^>]*)\/><text [^>]*>([^<]*)<\/text>/g)) {
    const color = /(?:fill|stroke)="(#[0-9A-Fa-f]{6})"/.exec(match[1])?.[1];
    if (color) swatches.set(match[2], { color, opacity: /fill-opacity="([^"]*)"/.exec(match[1])?.[1] });
  }
  return swatches;
}

describe('one colour per dimension item', () => {
  for (const [model, stock] of [['singapore', 'landfilled'], ['reference-city', 'landfilled']] as const) {
    it(`sankeySvg, timeSeriesSvg(stacked) and timeSeriesSvg(lines) of one ${model} run give item paper the same colour`, () => {
      const { definition, solutions } = shippedRuns(model);
      const solution = solutions[0];
      const sankey = legendSwatches(sankeySvg(solutionSankeyInput(solution, { period: { year: 2030 }, processes: definition.processes })).svg);
      const stacked = legendSwatches(timeSeriesSvg(solutionTimeSeriesInput([solution], { series: { id: stock } }), { mode: 'stacked' }).svg);
      const lines = legendSwatches(timeSeriesSvg(solutionTimeSeriesInput([solution], { series: { id: stock } })).svg);
      expect(sankey.get('paper')).toBeDefined();
      expect(stacked.get('paper')?.color).toBe(sankey.get('paper')!.color);
      expect(lines.get('paper')?.color).toBe(sankey.get('paper')!.color);
      // Every item two legends show has one colour.
      for (const [label, { color }] of stacked) if (sankey.has(label)) expect(sankey.get(label)!.color).toBe(color);
    });
  }

  it('solutionSankeyInput and solutionTimeSeriesInput keep the same items of a long dimension, whatever the figure shows', () => {
    const { definition, solutions } = shippedRuns('singapore');
    const sankey = solutionSankeyInput(solutions[0], { period: { year: 2030 }, processes: definition.processes });
    const series = solutionTimeSeriesInput([solutions[0]], { series: { id: 'landfilled' } });
    expect([...new Set(series.series.map((entry) => entry.label))]).toEqual(sankey.dimension!.items);
  });
});

describe('legend swatches', () => {
  it('sankeySvg draws its legend swatches at the opacity of its bands', () => {
    const { definition, solutions } = shippedRuns('reference-city');
    const svg = sankeySvg(solutionSankeyInput(solutions[0], { period: { year: 2030 }, processes: definition.processes })).svg;
    const bandOpacity = /stroke-opacity="([^"]*)"/.exec(svg)![1];
    expect(legendSwatches(svg).get('paper')!.opacity).toBe(bandOpacity);
  });

  it('timeSeriesSvg(stacked) draws its legend swatches at the opacity of its areas', () => {
    const { solutions } = shippedRuns('reference-city');
    const svg = timeSeriesSvg(solutionTimeSeriesInput([solutions[0]], { series: { id: 'landfilled' } }), { mode: 'stacked' }).svg;
    const areaOpacity = /<path d="[^"]*" fill="#[0-9A-Fa-f]{6}" fill-opacity="([^"]*)"/.exec(svg)![1];
    expect(legendSwatches(svg).get('paper')!.opacity).toBe(areaOpacity);
  });
});
