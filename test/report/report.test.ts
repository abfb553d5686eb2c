import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { solutionPeaks } from '../../engine/analysis/solutionPeaks.js';
import { tidyTable } from '../../engine/analysis/tidyTable.js';
import { run } from '../../engine/simulate/run.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { writeResults } from '../../cli/output/writeResults.js';
import { modelReportInput, runFolderReportInput } from '../../cli/report/reportSources.js';
import { reportAssets } from '../../viz/report/assets.js';
import { reportHtml } from '../../viz/report/page.js';
import { buildReport } from '../../viz/report/report.js';
import { sankeyFrames } from '../../viz/report/sankeyFrames.js';
import { seriesTable } from '../../viz/report/seriesTable.js';
import { compileYaml, definitionFromYaml } from '../support/modelFromYaml.js';
import { expectedBand, modelRuns } from './reportFixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every band of the diagram, with the width it was laid out at. */
function svgBands(svg: string) {
  return [...svg.matchAll(/<path [^>]*stroke-width="([\d.]+)"([^>]*)\/>/g)].flatMap(([, width, rest]) => {
    const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(rest)?.[1];
    const flow = attribute('data-flow');
    const stock = attribute('data-stock');
    if (flow === undefined && stock === undefined) return [];
    const item = attribute('data-item');
    return [{ flow: flow === undefined ? undefined : Number(flow), stock, side: attribute('data-side'), item: item === undefined ? 0 : Number(item), width: Number(width) }];
  });
}

describe('sankeyFrames', () => {
  for (const name of ['singapore', 'reference-city']) {
    const { definition, solutions } = modelRuns(name);
    const frames = sankeyFrames(solutions, { processes: definition.processes, flows: definition.flows });

    it(`sankeyFrames(${name}) holds, for every year and scenario, each band's value as the tidy table sums it`, () => {
      solutions.forEach((solution, r) => {
        const table = tidyTable(solution);
        for (const year of [solution.years[1], solution.years[Math.floor(solution.years.length / 2)], solution.years.at(-1)!]) {
          const t = solution.years.indexOf(year);
          for (const band of svgBands(frames.svg)) {
            const expected = expectedBand(table, solution, frames, band, year);
            const stored = frames.values[r][t * frames.slots + (band.flow !== undefined ? frames.flows[band.flow].slot : frames.stocks.find((stock) => stock.process === band.stock)!.slot) + band.item];
            const value = band.side === undefined ? stored : Math.max(band.side === 'addition' ? stored : -stored, 0);
            expect(Math.abs(value - expected.value)).toBeLessThanOrEqual(expected.tolerance);
          }
        }
      });
    });

    it(`sankeyFrames(${name}) lays every band out at least as wide as it is in any frame, so no frame moves a band`, () => {
      for (const band of svgBands(frames.svg)) {
        const slot = band.flow !== undefined ? frames.flows[band.flow].slot : frames.stocks.find((stock) => stock.process === band.stock)!.slot;
        let largest = 0;
        for (const values of frames.values) {
          for (let t = 0; t < frames.years.length; t++) {
            const stored = values[t * frames.slots + slot + band.item];
            largest = Math.max(largest, band.side === undefined ? stored : band.side === 'addition' ? stored : -stored);
          }
        }
        // Widths are written with three decimals.
        expect(band.width).toBeGreaterThanOrEqual(Math.max(largest * frames.pointsPerUnit, frames.minWidth) - 0.0005);
      }
    });
  }

  it('sankeyFrames(a stock that grows in some years and shrinks in others) gives it an addition band and a release band', () => {
    const { definition, solutions } = modelRuns('singapore');
    const frames = sankeyFrames(solutions, { processes: definition.processes, flows: definition.flows });
    const eee = svgBands(frames.svg).filter((band) => band.stock === 'eee_in_use');
    expect(new Set(eee.map((band) => band.side))).toEqual(new Set(['addition', 'release']));
    expect(frames.svg).toContain('data-subtitle=""');
  });
});

describe('seriesTable', () => {
  it('seriesTable(runs) holds every value of tidyTable(run), in its order, for every run', () => {
    const { solutions } = modelRuns('singapore');
    const table = seriesTable(solutions);
    solutions.forEach((solution, r) => {
      const tidy = tidyTable(solution);
      const values: number[] = [];
      for (const series of table.series) values.push(...table.values[r].subarray(series.offset, series.offset + series.size * table.years.length));
      expect(values).toEqual(tidy.value);
    });
    expect(table.runs).toEqual(['status-quo', 'trend', 'zero-waste']);
  });

  it('seriesTable(runs of two models) is an options error that says the runs must be of one model', () => {
    const a = run(compileYaml('metabolis: 1\nname: a\ntime: { start: 2020, end: 2022 }\nunit: t\nprocesses: [p]\nflows:\n  - { from: outside, to: p, value: 1 }\n  - { from: p, to: outside, share: 1 }\n'));
    const b = run(compileYaml('metabolis: 1\nname: b\ntime: { start: 2020, end: 2022 }\nunit: t\nprocesses: [q]\nflows:\n  - { from: outside, to: q, value: 1 }\n  - { from: q, to: outside, share: 1 }\n'));
    expect(() => seriesTable([a, b])).toThrow(/runs\[1\] must hold the same series as the first run/);
  });
});

describe('buildReport', () => {
  const written = 'by metabolis test on 2000-01-01';
  const sectionIds = (report: ReturnType<typeof buildReport>) => report.sections.map((section) => section.id);
  const modelInput = (name: string, solutions: Solution[]) => {
    const { definition } = modelRuns(name);
    return { title: definition.name, source: name, written, runs: solutions, flows: definition.flows, processes: definition.processes, factorSources: definition.factorSources, baseline: solutions[0].scenario };
  };

  it('buildReport(singapore) shows the overview, the Sankey diagram, the waste, the emissions, the tables and the sources it is given', () => {
    const { solutions } = modelRuns('singapore');
    const report = buildReport({ ...modelInput('singapore', solutions), sources: { file: 'SOURCES.md', markdown: '# Sources\n\nAll of them.' } });
    expect(sectionIds(report)).toEqual(['overview', 'sankey', 'waste', 'emissions', 'tables', 'sources']);
    expect(report.data.sankey?.scenarios).toEqual(['status-quo', 'trend', 'zero-waste']);
    expect(report.data.table?.values).toHaveLength(3);
  });

  it('buildReport(a model with emissions and two scenarios) adds the emissions, with savings against the baseline', () => {
    const { solutions } = modelRuns('carbon-city');
    const report = buildReport(modelInput('carbon-city', solutions));
    expect(sectionIds(report)).toEqual(['overview', 'sankey', 'waste', 'emissions', 'tables']);
    const emissions = report.sections.find((section) => section.id === 'emissions')!.html;
    const net = (solution: Solution) => solution.derived.find((series) => series.kind === 'net-emission')!.values.reduce((sum, value) => sum + value, 0);
    expect(net(solutions[0])).toBeGreaterThan(net(solutions[1]));
    expect(emissions).toContain('saved against baseline, 2020–2040');
    // 15.9 kt and 9.32 kt of net emissions over the horizon: 6.57 kt saved.
    expect(emissions).toMatch(/<td class="num">15\.9 kt CO2e<\/td>.*<td class="num">9\.32 kt CO2e<\/td>.*<td class="num">6\.57 kt CO2e<\/td>/s);
  });

  it('buildReport(a model with indicators and targets) shows each target met or missed in each scenario, and which binds', () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/compare/model.yaml'), 'utf8');
    const definition = definitionFromYaml(text);
    const model = compileYaml(text);
    const solutions = ['status-quo', 'zero-waste'].map((scenario) => run(model, { scenario }));
    const report = buildReport({ title: definition.name, source: 'compare', written, runs: solutions, flows: definition.flows, factorSources: [], indicators: definition.indicators, targets: definition.targets });
    expect(sectionIds(report)).toContain('indicators');
    const html = report.sections.find((section) => section.id === 'indicators')!.html;
    // Diversion is the recycling rate: 0.2 held in status-quo, ramped to 0.6 by 2030 in zero-waste (met from 2027 on).
    expect(html).toMatch(/<th>diversion_2030 \(binds\)<\/th><td>status-quo<\/td><td class="num">0\.2<\/td><td>≥ 0\.5 in 2030<\/td><td>missed<\/td>/);
    expect(html).toMatch(/<td>zero-waste<\/td><td class="num">0\.6<\/td><td>≥ 0\.5 in 2030<\/td><td>met<\/td><td class="num">0\.1<\/td><td>2027<\/td>/);
  });

  it('buildReport(a model with a run that failed) says why, and leaves that run out of the figures but not out of the tables', () => {
    const { solutions } = modelRuns('singapore');
    const failed = { ...solutions[1], status: 'negative-flow', issues: [{ status: 'negative-flow', message: 'flow x is negative in 2030' }] } as Solution;
    const report = buildReport(modelInput('singapore', [solutions[0], failed]));
    const overview = report.sections[0].html;
    expect(overview).toContain('The run of trend ended with status negative-flow');
    expect(overview).toContain('flow x is negative in 2030');
    expect(report.data.sankey?.scenarios).toEqual(['status-quo']);
    expect(report.data.table?.runs).toEqual(['status-quo', 'trend']);
  });

  it('buildReport(a results folder) shows its run without a Sankey diagram, and says why', () => {
    const { definition, solutions } = modelRuns('carbon-city');
    const folder = join(scratch, 'run');
    writeResults(folder, 'csv', solutions[1], tidyTable(solutions[1]), solutionPeaks(solutions[1]), 0.01, definition);
    const report = buildReport(runFolderReportInput(folder, { written }));
    expect(sectionIds(report)).toEqual(['overview', 'waste', 'emissions', 'tables']);
    expect(report.sections[0].html).toContain('make the report of the model file for its Sankey diagram');
    expect(report.subtitle).toBe('scenario less-landfill, 2020–2040');
  });

  it('modelReportInput(absolute path) shows the model relative to the working folder, and a path outside it by its folder and name only', () => {
    const inside = modelReportInput(join(process.cwd(), 'models/reference-city/model.yaml'), 0.01, { written });
    expect(inside.source).toBe('models/reference-city/model.yaml, every scenario run');
    expect(inside.sources?.file).toBe('models/reference-city/SOURCES.md');
    const folder = join(scratch, 'results-elsewhere');
    const { definition, solutions } = modelRuns('carbon-city');
    writeResults(folder, 'csv', solutions[0], tidyTable(solutions[0]), solutionPeaks(solutions[0]), 0.01, definition);
    const outside = runFolderReportInput(folder, { written });
    expect(outside.source).toBe('…/' + basename(scratch) + '/results-elsewhere, the results of metabolis run');
    expect(reportHtml(buildReport(outside), reportAssets())).not.toContain(scratch);
  });
});

describe('reportHtml', () => {
  it('reportHtml(report) is one file that allows no request: its policy admits its own script by hash, and no element loads anything', () => {
    const { solutions } = modelRuns('carbon-city');
    const { definition } = modelRuns('carbon-city');
    const html = reportHtml(buildReport({ title: '</script><script>alert(1)</script>', source: 'x', written: 'now', runs: solutions, flows: definition.flows, factorSources: [] }), reportAssets());
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1].replace(/&#39;/g, "'");
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/\s(src|href)="(?!#|data:)/);
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)');
  });

  it('reportHtml(report of each shipped model) stays under 5 MB', () => {
    for (const name of ['singapore', 'reference-city']) {
      const { definition, solutions } = modelRuns(name);
      const html = reportHtml(buildReport({ title: definition.name, source: name, written: 'now', runs: solutions, flows: definition.flows, processes: definition.processes, factorSources: definition.factorSources }), reportAssets());
      expect(Buffer.byteLength(html)).toBeLessThan(5e6);
    }
  });
});
