import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { yearGroups } from '../../../viz/charts/coinciding-lines.js';
import { boxesOverlap } from '../../../viz/labels/box.js';
import { comparisonSvg, emissionsSvg, landfillMethaneSvg, savingsWaterfallSvg } from '../../../viz/index.js';
import { YEARS } from '../fixtures/chart-inputs.js';
import { emissionsByRoute, landfillMethane, savingsByRoute, scenariosSideBySide } from '../fixtures/carbon-inputs.js';
import { expectGolden, longestDecimals } from '../golden.js';

const CHARTS: [string, () => string][] = [
  ['emissions', () => emissionsSvg(emissionsByRoute()).svg],
  ['savings-waterfall', () => savingsWaterfallSvg(savingsByRoute()).svg],
  ['landfill-methane', () => landfillMethaneSvg(landfillMethane()).svg],
  ['comparison', () => comparisonSvg(scenariosSideBySide(), { width: 'double' }).svg],
];

/** The y coordinates of a path's points (d3-shape writes "Mx,yLx,y…"). */
function pathYs(d: string): number[] {
  return [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((match) => Number(match[2]));
}

/** The text of every <text> element, in order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
}

describe('carbon charts', () => {
  it.each(CHARTS)('%s matches its golden SVG, with at most 3 decimals and deterministic bytes', (name, draw) => {
    const svg = draw();
    expect(draw()).toBe(svg);
    expect(longestDecimals(svg)).toBeLessThanOrEqual(3);
    expect(svg).not.toMatch(/NaN|undefined|Infinity|currentColor/);
    expectGolden(`chart-${name}`, svg);
  });
});

describe('emissionsSvg', () => {
  it('emissionsSvg(input) stacks direct emissions above zero and credits below it, in the same route colours, credits lighter', () => {
    const svg = emissionsSvg(emissionsByRoute()).svg;
    const areas = [...svg.matchAll(/<path d="([^"]+)" fill="(#[0-9A-F]{6})" fill-opacity="([\d.]+)"\/>/g)].map((match) => ({ ys: pathYs(match[1]), color: match[2], opacity: Number(match[3]) }));
    const direct = areas.filter((area) => area.opacity === 0.85);
    const credits = areas.filter((area) => area.opacity === 0.4);
    expect(direct.map((area) => area.color)).toEqual(['#0072B2', '#E69F00']);
    expect(credits.map((area) => area.color)).toEqual(['#E69F00', '#009E73']);
    const zero = Math.max(...direct.flatMap((area) => area.ys));
    expect(Math.min(...credits.flatMap((area) => area.ys))).toBeCloseTo(zero, 3);
  });

  it('emissionsSvg(input) states the scenario and the GWP set in the subtitle, the biogenic-CO2 convention under the figure and the net in the legend', () => {
    const all = texts(emissionsSvg(emissionsByRoute()).svg).join(' | ');
    expect(all).toContain('2015–2060 · scenario zero waste · CO2e by GWP100 AR5');
    expect(all).toContain('Biogenic CO2 is reported apart and not counted in CO2e');
    expect(all).toContain('Net: direct − credits');
    expect(all).toContain('Credits (below zero)');
    expect(all).toContain('Emissions (kt CO2e/yr)');
  });

  it('emissionsSvg(input) says so when no route avoids anything', () => {
    const input = emissionsByRoute();
    const routes = [input.routes[0]];
    const svg = emissionsSvg({ ...input, routes, net: routes[0].direct! }).svg;
    expect(texts(svg).join(' ')).toContain('No route of this model avoids emissions');
    expect(svg).not.toContain('>Credits (below zero)<');
  });

  it('emissionsSvg(input) rejects a net that is not the direct emissions less the credits, and a route with neither', () => {
    const input = emissionsByRoute();
    expect(() => emissionsSvg({ ...input, net: YEARS.map(() => 0) })).toThrow(OptionsError);
    expect(() => emissionsSvg({ ...input, net: YEARS.map(() => 0) })).toThrow('options.net must equal the direct emissions less the credits (in 2015');
    expect(() => emissionsSvg({ ...input, routes: [{ label: 'none' }] })).toThrow('options.routes[0] must have direct emissions, credits or both');
  });
});

describe('savingsWaterfallSvg', () => {
  it("savingsWaterfallSvg(input) starts with a bar of the baseline's net emissions and ends with one of the scenario's", () => {
    const input = savingsByRoute();
    const svg = savingsWaterfallSvg(input).svg;
    const totals = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="#B3B3B3"\/>/g)].map((match) => Number(match[2]));
    expect(totals).toHaveLength(2);
    expect(totals[0] / totals[1]).toBeCloseTo(input.baseline.net / input.scenario.net, 2);
  });

  it("savingsWaterfallSvg(input) splits each route's step into its scale, mix and intensity effects and writes the route's change beside it", () => {
    const svg = savingsWaterfallSvg(savingsByRoute()).svg;
    for (const color of ['#332288', '#44AA99', '#DDCC77']) expect(svg.split(`fill="${color}"`).length - 1).toBeGreaterThanOrEqual(3);
    const all = texts(svg);
    // Incineration: −(0.2 − 0.5 + 0.05) Mt; landfill methane −1.8 Mt; recycling credits −0.55 Mt.
    expect(all).toEqual(expect.arrayContaining(['+0.25', '−1.8', '−0.55', '7.2', '5.1']));
    expect(all.join(' ')).toContain('Net emissions (Mt CO2e)');
    expect(all.join(' ')).toContain('2015–2060, total · zero waste against status quo · CO2e by GWP100 AR5');
  });

  it("savingsWaterfallSvg(input) rejects steps that do not lead from the baseline's net to the scenario's", () => {
    const input = savingsByRoute();
    expect(() => savingsWaterfallSvg({ ...input, scenario: { ...input.scenario, net: input.scenario.net + 1000 } })).toThrow(/options.steps must lead from the baseline's net to the scenario's/);
    expect(() => savingsWaterfallSvg({ ...input, steps: [] })).toThrow('options.steps must hold at least one route');
  });
});

describe('landfillMethaneSvg', () => {
  it('landfillMethaneSvg(input) marks the peak of the deposits and the later peak of the methane, each with a line through both panels', () => {
    const figure = landfillMethaneSvg(landfillMethane());
    expect(figure.peaks.deposits).toMatchObject({ status: 'peak', year: 2025 });
    expect(figure.peaks.emitted.status).toBe('peak');
    const methaneYear = (figure.peaks.emitted as { year: number }).year;
    expect(methaneYear).toBeGreaterThan(2025);
    expect(texts(figure.svg).join(' ')).toContain(`The methane emitted peaks ${methaneYear - 2025} years after the deposits (2025 → ${methaneYear}).`);
    const guides = [...figure.svg.matchAll(/<path d="M ([\d.]+) ([\d.]+) V ([\d.]+)" stroke="[^"]+" stroke-width="0.6" stroke-dasharray="2 1.5"\/>/g)].map((match) => match.slice(1).map(Number));
    expect(guides).toHaveLength(2);
    expect(guides[0][0]).toBeLessThan(guides[1][0]);
    // Both run from the deposits of their year (the peak's, and less later) to the bottom of the lower panel.
    expect(guides[0][1]).toBeLessThan(guides[1][1]);
    expect(guides[0][2]).toBe(guides[1][2]);
    expect(figure.labels.every((label) => label.leader === undefined)).toBe(true);
    expect(figure.labels.map((label) => label.id)).toEqual(['peak:deposits:0', 'peak:emitted:0']);
    expect(boxesOverlap(figure.labels[0].box, figure.labels[1].box)).toBe(false);
  });

  it('landfillMethaneSvg(input) shows what is emitted, oxidised and recovered, and leaves out of the legend a fate that never happens', () => {
    const all = texts(landfillMethaneSvg(landfillMethane()).svg);
    expect(all).toEqual(expect.arrayContaining(['Waste deposited', 'CH4 emitted', 'oxidised in the cover', 'recovered for energy']));
    const input = landfillMethane();
    const none = landfillMethaneSvg({ ...input, recovered: YEARS.map(() => 0), emitted: input.generated, recoveryUse: undefined }).svg;
    expect(texts(none)).not.toContain('oxidised in the cover');
    expect(texts(none).some((text) => text.startsWith('recovered'))).toBe(false);
  });

  it('landfillMethaneSvg(input) rejects more methane emitted than generated less recovered', () => {
    const input = landfillMethane();
    expect(() => landfillMethaneSvg({ ...input, emitted: input.generated })).toThrow('options.emitted must not exceed what is generated less what is recovered');
  });
});

describe('comparisonSvg', () => {
  it('comparisonSvg(input) names scenarios whose lines coincide over the whole horizon: = for the same values, ≈ within a line’s width', () => {
    const figure = comparisonSvg(scenariosSideBySide(), { width: 'double' });
    expect(figure.groups).toEqual([
      { panel: 'Waste generated', scenarios: ['status quo', 'trend'], exact: true },
      { panel: 'Diversion rate', scenarios: ['status quo', 'trend'], exact: true },
      { panel: 'Waste per person', scenarios: ['status quo', 'trend', 'zero waste'], exact: false },
    ]);
    const notes = texts(figure.svg).join(' ');
    expect(notes).toContain('status quo = trend in 2 panels (Waste generated; Diversion rate): the same values.');
    expect(notes).toContain('status quo ≈ trend ≈ zero waste in Waste per person: within a line’s width of each other.');
  });

  it('comparisonSvg(input) draws every line whole and, where lines coincide, all but the last again in dashes that take turns', () => {
    const svg = comparisonSvg(scenariosSideBySide(), { width: 'double' }).svg;
    const dashed = [...svg.matchAll(/stroke="(#[0-9A-F]{6})" stroke-width="1.2" stroke-dasharray="([\d ]+)" stroke-dashoffset="([-\d.]+)"/g)].map((match) => [match[1], match[2], Number(match[3])]);
    // Per panel, scenario by scenario: status quo over its group's runs, then trend. Waste generated and the
    // diversion rate: all three together until zero waste leaves (dashes in three turns), then status quo and
    // trend (two turns); waste per person: all three throughout. Zero waste, last of each group, is never dashed.
    const panel = [['#0072B2', '3 6', 0], ['#0072B2', '3 3', 0], ['#E69F00', '3 6', -3]];
    expect(dashed).toEqual([...panel, ...panel, ['#0072B2', '3 6', 0], ['#E69F00', '3 6', -3]]);
    expect(texts(svg)).toContain('Where lines coincide they are drawn as one, in dashes of their colours taking turns.');
  });

  it('comparisonSvg(input) marks each target at its year and threshold, with a label inside its panel', () => {
    const figure = comparisonSvg(scenariosSideBySide(), { width: 'double' });
    expect(figure.labels.map((label) => label.block.lines[0])).toEqual(['≥ 70 % in 2030', '≤ 360 in 2030']);
    expect(boxesOverlap(figure.labels[0].box, figure.labels[1].box)).toBe(false);
    expect(figure.svg.match(/<circle [^>]*fill="#FFFFFF" stroke="#1A1A1A"/g)).toHaveLength(2);
  });

  it('comparisonSvg(input) lays panels out in as many columns as the width holds, each headed by its quantity and unit', () => {
    const headings = (svg: string) => [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="7" font-weight="600"[^>]*>([^<]*)<\/text>/g)].map((match) => [Number(match[1]), Number(match[2]), match[3]] as const);
    const wide = headings(comparisonSvg(scenariosSideBySide(), { width: 'double' }).svg).filter(([, , text]) => text !== 'Scenario');
    expect(wide.map(([, , text]) => text)).toEqual(['Waste generated (Mt/yr)', 'Diversion rate (%)', 'Waste per person (kg/person/yr)']);
    expect(new Set(wide.map(([, y]) => y)).size).toBe(1);
    const narrow = headings(comparisonSvg(scenariosSideBySide()).svg).filter(([, , text]) => text !== 'Scenario');
    expect(new Set(narrow.map(([, y]) => y)).size).toBe(2);
  });

  it('comparisonSvg(input) rejects panels without one series per scenario, two panels of one title, a target outside the years', () => {
    const input = scenariosSideBySide();
    expect(() => comparisonSvg({ ...input, panels: [{ ...input.panels[0], values: input.panels[0].values.slice(1) }] })).toThrow('options.panels[0].values must hold one series per scenario (3, got 2)');
    expect(() => comparisonSvg({ ...input, panels: [input.panels[0], input.panels[0]] })).toThrow('options.panels[1].title must differ');
    const late = { ...input.panels[1], targets: [{ year: 2070, comparison: 'at-least' as const, value: 70 }] };
    expect(() => comparisonSvg({ ...input, panels: [late] })).toThrow('options.panels[0].targets[0] must be a finite value in a year of 2015–2060 (got 70 in 2070)');
  });
});

describe('yearGroups', () => {
  it('yearGroups(values, tolerance) groups lines year by year only where they coincide at both ends of the year', () => {
    const groups = yearGroups([[1, 1, 1, 5], [1, 1, 2, 6], [9, 9, 9, 9]], 0.5);
    expect(groups[0]).toEqual([[0, 1], undefined, undefined]);
    expect(groups[1]).toEqual([[0, 1], undefined, undefined]);
    expect(groups[2]).toEqual([undefined, undefined, undefined]);
    expect(yearGroups([[NaN, 1], [NaN, 1]], 0.5)[0]).toEqual([[0, 1]]);
  });

  it('yearGroups(values, tolerance) puts a scenario in at most one group a year, each member near the first at both ends of the year', () => {
    const series = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(series, { minLength: 1, maxLength: 5 }), fc.constantFrom(0.5, 1.5, 3), (values, tolerance) => {
        const groups = yearGroups(values, tolerance);
        for (let t = 0; t < 4; t++) {
          values.forEach((_, s) => {
            const members = groups[s][t];
            if (members === undefined) return;
            expect(members).toContain(s);
            expect(members.length).toBeGreaterThan(1);
            for (const other of members) {
              expect(groups[other][t]).toBe(members);
              for (const u of [t, t + 1]) expect(Math.abs(values[other][u] - values[members[0]][u])).toBeLessThan(tolerance);
            }
          });
        }
      }),
    );
  });
});
