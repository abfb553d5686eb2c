import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { indexScoresSvg, rankIntervalsSvg, svgToPng } from '../../../viz/index.js';
import { expectGolden, longestDecimals } from '../golden.js';

const scores = () => ({
  title: 'Compensation test',
  method: 'min–max · arithmetic mean · nested weights',
  axis: 'Score (1–100, higher is better)',
  cities: ['A', 'B', 'C', 'D'],
  rows: [
    { label: 'Index', scores: [65.35, 60.4, 50.5, 25.75], imputed: [false, false, false, true], overall: true },
    { label: 'First', scores: [100, 60.4, 1, 50.5] },
    { label: 'Second', scores: [30.7, 60.4, 100, 1], imputed: [false, false, false, true] },
    { label: 'Carbon', scores: [NaN, NaN, NaN, NaN] },
  ],
  notes: ['Second: D imputed (mean of the others).', 'Values: reversal.yaml.'],
});

const ranks = () => ({
  title: 'Compensation test',
  varied: 'normalisation (min-max, rank), aggregation (arithmetic, geometric)',
  draws: 128,
  cities: [
    { name: 'A', rank: 1, median: 2, p05: 1, p95: 2 },
    { name: 'B', rank: 2, median: 1, p05: 1, p95: 2 },
    { name: 'C', rank: 3, median: 3, p05: 3, p95: 4 },
    { name: 'D', rank: 4, median: 4, p05: 3, p95: 4 },
  ],
  notes: ['Values: reversal.yaml.'],
});

describe('index charts', () => {
  it.each([
    ['index-scores', () => indexScoresSvg(scores()).svg],
    ['rank-intervals', () => rankIntervalsSvg(ranks()).svg],
  ])('%s matches its golden SVG, with at most 3 decimals, and renders to PNG', (name, draw) => {
    const svg = draw();
    expect(draw()).toBe(svg);
    expect(longestDecimals(svg)).toBeLessThanOrEqual(3);
    expectGolden(`chart-${name}`, svg);
    expect(svgToPng(svg, { dpi: 72 }).png.length).toBeGreaterThan(1000);
  });

  it('indexScoresSvg names every dimension, the score\'s scale, the method and a dimension without scores', () => {
    const svg = indexScoresSvg(scores()).svg;
    for (const text of ['>Index</text>', '>Second</text>', '>Score (1–100, higher is better)</text>', 'Scores by dimension · min–max', '>not scored: no indicator left</text>', 'the score rests on an imputed value']) expect(svg).toContain(text);
    expect(svg.match(/<circle [^>]*fill="#FFFFFF"/g)).toHaveLength(2);
  });

  it('rankIntervalsSvg orders cities by their rank and states the draws', () => {
    const svg = rankIntervalsSvg({ ...ranks(), cities: [...ranks().cities].reverse() }).svg;
    expect(svg.indexOf('>A</text>')).toBeLessThan(svg.indexOf('>D</text>'));
    expect(svg).toContain('128 draws of normalisation');
    expect(svg).toContain('>Rank (1 = best)</text>');
  });

  it('indexScoresSvg and rankIntervalsSvg reject inputs that do not fit', () => {
    expect(() => indexScoresSvg({ ...scores(), rows: [{ label: 'x', scores: [1, 2] }] })).toThrow(OptionsError);
    expect(() => rankIntervalsSvg({ ...ranks(), cities: [{ name: 'A', rank: 1, median: 1, p05: 2, p95: 1 }] })).toThrow(OptionsError);
  });
});
