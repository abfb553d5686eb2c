import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { boxesOverlap } from '../../../viz/labels/box.js';
import type { PlacedLabel } from '../../../viz/labels/place.js';
import { fanChartSvg, morrisSvg, peakYearSvg, sobolSvg, timeSeriesSvg, wastePeakSvg } from '../../../viz/index.js';
import { expectGolden, longestDecimals } from '../golden.js';
import { YEARS, morrisScreening, peakYears, sobolIndices, wasteByMaterial, wasteByMaterialAndScenario, wasteFan, wastePeaks, wastePeaksCensored } from '../fixtures/chart-inputs.js';

function overlaps(labels: readonly PlacedLabel[]): number {
  let count = 0;
  labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => (count += Number(boxesOverlap(a.box, b.box)))));
  return count;
}

const CHARTS: [string, () => string][] = [
  ['stacked-areas', () => timeSeriesSvg(wasteByMaterial(), { mode: 'stacked' }).svg],
  ['lines-by-scenario', () => timeSeriesSvg(wasteByMaterialAndScenario()).svg],
  ['waste-peak', () => wastePeakSvg(wastePeaks()).svg],
  ['waste-peak-censored', () => wastePeakSvg(wastePeaksCensored(), { tolerance: 0.01 }).svg],
  ['fan', () => fanChartSvg(wasteFan()).svg],
  ['sobol', () => sobolSvg(sobolIndices()).svg],
  ['morris', () => morrisSvg(morrisScreening()).svg],
  ['peak-years', () => peakYearSvg(peakYears()).svg],
];

describe('charts', () => {
  it.each(CHARTS)('%s matches its golden SVG, with at most 3 decimals and deterministic bytes', (name, draw) => {
    const svg = draw();
    expect(draw()).toBe(svg);
    expect(longestDecimals(svg)).toBeLessThanOrEqual(3);
    expectGolden(`chart-${name}`, svg);
  });

  it.each(CHARTS)('%s is single-column width by default and labels its axes with units', (_, draw) => {
    const svg = draw();
    expect(svg).toMatch(/<svg [^>]*width="85mm"/);
    expect(svg).not.toContain('currentColor');
  });
});

describe('timeSeriesSvg', () => {
  it('timeSeriesSvg shows large tonnages in kt and names quantity and unit on the axis', () => {
    const svg = timeSeriesSvg(wasteByMaterial(), { mode: 'stacked' }).svg;
    expect(svg).toContain('>Waste generation (kt/yr)</text>');
    expect(svg).toContain('>Year</text>');
    expect(svg).toContain('>2015–2060 · scenario status quo</text>');
  });

  it('timeSeriesSvg titles the x axis with xAxis when its steps are not years, and leaves their range out of the subtitle', () => {
    const svg = timeSeriesSvg({ ...wasteByMaterial(), xAxis: 'Time since the sweep started (s)' }).svg;
    expect(svg).toContain('>Time since the sweep started (s)</text>');
    expect(svg).not.toContain('>Year</text>');
    expect(svg).not.toContain('2015–2060');
  });

  it('timeSeriesSvg tells scenarios apart by line style and lists them in the legend', () => {
    const svg = timeSeriesSvg(wasteByMaterialAndScenario()).svg;
    expect(svg).toContain('stroke-dasharray="4 2"');
    expect(svg).toContain('>zero waste</text>');
    expect(svg).toContain('>Scenario</text>');
  });

  it('timeSeriesSvg rejects stacking several scenarios and series of the wrong length', () => {
    expect(() => timeSeriesSvg(wasteByMaterialAndScenario(), { mode: 'stacked' })).toThrow("options.mode 'stacked' needs series of one scenario");
    const short = { ...wasteByMaterial(), series: [{ label: 'food', values: [1, 2, 3] }] };
    expect(() => timeSeriesSvg(short)).toThrow(OptionsError);
    expect(() => timeSeriesSvg(short)).toThrow(`options.series[0].values must have one value per year (${YEARS.length}, got 3)`);
  });
});

describe('wastePeakSvg', () => {
  it('wastePeakSvg marks each peak with its year, value and scenario, and says when there is none within the horizon', () => {
    const figure = wastePeakSvg(wastePeaks());
    expect(figure.peaks.map(({ scenario, peak }) => [scenario, peak.status, 'year' in peak ? peak.year : undefined])).toEqual([
      ['status quo', 'peak', 2046],
      ['trend', 'rising', 2060],
      ['zero waste', 'peak', 2030],
    ]);
    expect(figure.svg).toContain('>zero waste: peak 2030: 8.8 kt/yr</text>');
    expect(figure.svg).toMatch(/>trend: rising in 2060;<\/text><text [^>]*>peak, if any, after<\/text>/);
    expect(overlaps(figure.labels)).toBe(0);
  });

  it('wastePeakSvg marks a series highest in its first year as left-censored: an open marker there and "peak, if any, before"', () => {
    const figure = wastePeakSvg(wastePeaksCensored());
    expect(figure.peaks[0].peak.status).toBe('falling');
    expect(figure.svg).toMatch(/>declining: highest in 2015;<\/text><text [^>]*>peak, if any, before<\/text>/);
    // One open marker (the flat series has none, the humps' peak is filled), and its label on the inner side of the horizon's start.
    const open = [...figure.svg.matchAll(/<circle cx="([\d.]+)" [^>]*fill="#FFFFFF"/g)].map((match) => Number(match[1]));
    expect(open.length).toBe(1);
    expect(figure.labels.find((placed) => placed.id === 'peak:declining:0')!.box.x0).toBeGreaterThanOrEqual(open[0]);
  });

  it('wastePeakSvg(tolerance) marks the year of a near tie beside the peak; without a tolerance the peak stands alone', () => {
    const strict = wastePeakSvg(wastePeaksCensored());
    expect(strict.svg).toContain('>two humps: peak 2028: 7 kt/yr</text>');
    expect(strict.svg).not.toContain('>near tie');
    const tolerant = wastePeakSvg(wastePeaksCensored(), { tolerance: 0.01 });
    expect(tolerant.peaks[1].peak).toMatchObject({ status: 'peak', year: 2028, nearTies: [{ year: 2048, censored: false }] });
    expect(tolerant.svg).toContain('>two humps: near tie: 2048</text>');
    expect(overlaps(tolerant.labels)).toBe(0);
  });

  it('wastePeakSvg notes a series that is the same every year instead of marking a peak', () => {
    const figure = wastePeakSvg(wastePeaksCensored());
    expect(figure.peaks[2].peak.status).toBe('flat');
    expect(figure.svg).toContain('flat: the same every year (3 kt/yr), no peak.');
  });

  it('wastePeakSvg names scenarios whose series coincide, since one line hides the other; distinct ones are not named', () => {
    const input = wastePeaks();
    const copy = { name: 'trend again', values: Array.from(input.scenarios[1].values) };
    expect(wastePeakSvg({ ...input, scenarios: [...input.scenarios, copy] }).svg).toContain('trend = trend again: the same values in every year; their lines coincide.');
    expect(wastePeakSvg(input).svg).not.toContain('their lines coincide');
  });

  it('wastePeakSvg rejects a negative or non-finite tolerance', () => {
    expect(() => wastePeakSvg(wastePeaks(), { tolerance: -0.1 })).toThrow('options.tolerance must be a finite number of at least 0 (got -0.1)');
    expect(() => wastePeakSvg(wastePeaks(), { tolerance: NaN })).toThrow(OptionsError);
  });
});

describe('sensitivity charts', () => {
  it('sobolSvg sorts parameters by total effect and draws confidence intervals', () => {
    const svg = sobolSvg(sobolIndices()).svg;
    const order = ['recycling_rate', 'lifetime_scale', 'population_growth', 'landfill_share'].map((name) => svg.indexOf(`>${name}</text>`));
    expect(order.every((position, i) => position > 0 && (i === 0 || position > order[i - 1]))).toBe(true);
    expect(svg).toContain('>95 % CI</text>');
    expect(() => sobolSvg({ ...sobolIndices(), parameters: [{ name: 'x', first: { value: 0.5, low: 0.7, high: 0.6 }, total: { value: 0.5, low: 0.4, high: 0.6 } }] })).toThrow(
      'options.parameters[0].first must be finite with low ≤ high',
    );
    // A percentile interval beside its estimate (a biased estimate from few runs) is drawn as it is.
    expect(sobolSvg({ ...sobolIndices(), parameters: [{ name: 'x', first: { value: 0.5, low: 0.6, high: 0.7 }, total: { value: 0.5, low: 0.4, high: 0.6 } }] }).svg).toContain('>x</text>');
  });

  it('morrisSvg labels every parameter without overlapping labels', () => {
    const figure = morrisSvg(morrisScreening());
    expect(figure.labels.map((label) => label.id).sort()).toEqual(morrisScreening().parameters.map((p) => p.name).sort());
    expect(overlaps(figure.labels)).toBe(0);
    expect(figure.svg).toContain('>σ = μ*</text>');
  });

  it('peakYearSvg counts the samples still rising at the end and those falling from the start apart, instead of dropping them or taking them for peaks', () => {
    const input = peakYears();
    const svg = peakYearSvg({ ...input, peakYears: Array.from(input.peakYears).slice(2), flat: 2, notes: ['3 runs that failed are left out'] }).svg;
    const notes = [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((match) => match[1]).join(' ');
    expect(notes).toContain('200 samples; 5 % still rising in 2060 (no peak by then); 2.5 % largest in 2015 (falling: a peak, if any, before); 1 % flat or zero throughout (no peak); median peak year of the others');
    expect(notes).toContain('3 runs that failed are left out');
    expect(svg).toContain('>none by 2060</text>');
    expect(svg).toContain('>falling from 2015</text>');
    expect(() => peakYearSvg({ ...peakYears(), peakYears: [2070] })).toThrow('options.peakYears[0] must be a year from 2015 to 2060 (got 2070)');
    expect(() => peakYearSvg({ ...peakYears(), peakYears: [NaN] })).toThrow('options.peakYears[0] must be a year from 2015 to 2060 (got NaN)');
  });
});
