import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solutionPeaks } from '../../engine/analysis/solutionPeaks.js';
import { tidyTable } from '../../engine/analysis/tidyTable.js';
import { writeResults } from '../../cli/output/writeResults.js';
import { formatQuantity } from '../../viz/figure/quantity.js';
import { reportAssets } from '../../viz/report/assets.js';
import { reportHtml } from '../../viz/report/page.js';
import { buildReport } from '../../viz/report/report.js';
import type { SankeyFrames } from '../../viz/report/sankeyFrames.js';
import { CHROMIUM_CANDIDATES, findChromium, launchChromium } from '../../benchmarks/chromium.js';
import { SHIPPED_MODELS } from '../support/shippedModels.js';
import { expectedBand, modelRuns, type BandRef } from './reportFixtures.js';

/**
 * The report in a real browser: Debian's chromium, headless. On a developer machine without it
 * these tests are skipped (and say so); in CI (CI set, or METABOLIS_BROWSER_TESTS=required, which
 * .ci/run exports) a missing browser fails them.
 */
const required = process.env.CI !== undefined || process.env.METABOLIS_BROWSER_TESTS === 'required';
const skip = findChromium() === undefined && !required;
if (skip) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_CANDIDATES.join(' or ')} (apt-get install chromium, or set METABOLIS_CHROMIUM)`);

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-report-browser-'));
/** Where the screenshots go, to be looked at. */
const screenshots = process.env.METABOLIS_SCREENSHOTS ?? join(tmpdir(), 'metabolis-report-screenshots');

/** The report of a shipped model (or fixture), written to a file. */
function writeReport(name: string): string {
  const { definition, solutions } = modelRuns(name);
  const report = buildReport({
    title: definition.name,
    source: `models/${name}/model.yaml`,
    written: 'by metabolis (test)',
    runs: solutions,
    flows: definition.flows,
    processes: definition.processes,
    factorSources: definition.factorSources,
  });
  const path = join(scratch, `${name}.html`);
  writeFileSync(path, reportHtml(report, reportAssets()));
  return path;
}

interface Opened {
  readonly page: Page;
  /** Console errors and warnings, and uncaught exceptions. */
  readonly errors: string[];
  /** Every request the page made other than for the report file itself. */
  readonly requests: string[];
}

async function open(context: BrowserContext, path: string): Promise<Opened> {
  const page = await context.newPage();
  const url = pathToFileURL(path).href;
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  await page.goto(url);
  await page.waitForFunction('window.metabolisReport !== undefined');
  return { page, errors, requests };
}

interface DrawnBand extends BandRef {
  readonly value: number;
  readonly width: number;
  readonly hidden: boolean;
}

const readBands = (page: Page): Promise<DrawnBand[]> =>
  page.$$eval('#sankey-picture [data-flow], #sankey-picture [data-stock]', (elements) =>
    elements.map((element) => {
      const data = (name: string) => element.getAttribute(`data-${name}`) ?? undefined;
      return {
        flow: data('flow') === undefined ? undefined : Number(data('flow')),
        stock: data('stock'),
        side: data('side'),
        item: Number(data('item') ?? 0),
        value: Number(data('value')),
        width: Number(element.getAttribute('stroke-width')),
        hidden: element.getAttribute('visibility') === 'hidden',
      };
    }),
  );

/** What the page shows: year and scenario (from its own statement of them) and every band. */
async function shown(page: Page) {
  const state = await page.locator('#sankey-state').textContent();
  const [, year, scenario] = /^(\d+) · scenario (.+) · flows in /.exec(state ?? '')!;
  return { year: Number(year), scenario, bands: await readBands(page) };
}

it.runIf(required)('Chromium is installed where the browser tests are required (CI)', () => {
  expect(findChromium(), `no Chromium at ${CHROMIUM_CANDIDATES.join(' or ')}: .ci/run installs Debian's chromium`).toBeDefined();
});

describe.skipIf(skip)('metabolis report in headless Chromium', () => {
  let context: BrowserContext;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ context, close } = await launchChromium());
    mkdirSync(screenshots, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await close?.();
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const name of SHIPPED_MODELS) {
    it(`the report of models/${name} opens from the file system with no console error and no request, and its Sankey diagram shows the tidy table's values of the year and scenario chosen with the keyboard`, async () => {
      const { page, errors, requests } = await open(context, writeReport(name));
      const { solutions } = modelRuns(name);
      const frames = (await page.evaluate('JSON.parse(document.getElementById("report-data").textContent).sankey')) as Omit<SankeyFrames, 'values' | 'svg'>;
      const seen: Awaited<ReturnType<typeof shown>>[] = [await shown(page)];
      await page.focus('#sankey-year');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      seen.push(await shown(page));
      await page.focus('input[name="sankey-scenario"]:checked');
      await page.keyboard.press('ArrowRight');
      seen.push(await shown(page));

      const years = solutions[0].years;
      expect(seen.map(({ year, scenario }) => [year, scenario])).toEqual([
        [years[Math.floor((years.length - 1) / 2)], solutions[0].scenario],
        [years.at(-2), solutions[0].scenario],
        [years.at(-2), solutions[1].scenario],
      ]);
      for (const { year, scenario, bands } of seen) {
        const solution = solutions.find((candidate) => candidate.scenario === scenario)!;
        const table = tidyTable(solution);
        for (const band of bands) {
          const expected = expectedBand(table, solution, frames as SankeyFrames, band, year);
          expect(Math.abs(band.value - expected.value)).toBeLessThanOrEqual(expected.tolerance);
          if (band.value > 0) expect(band.width).toBeCloseTo(Math.max(band.value * frames.pointsPerUnit, frames.minWidth), 9);
          expect(band.hidden).toBe(band.value === 0);
        }
      }
      const changed = (a: DrawnBand[], b: DrawnBand[]) => a.filter((band, i) => band.value !== b[i].value).length;
      expect(changed(seen[0].bands, seen[1].bands)).toBeGreaterThan(0);
      expect(changed(seen[1].bands, seen[2].bands)).toBeGreaterThan(0);

      // Hovering the widest band states its value and unit.
      const widest = seen[2].bands.reduce((best, band, i, all) => (band.value > all[best].value ? i : best), 0);
      await page.locator('#sankey-picture [data-flow], #sankey-picture [data-stock]').nth(widest).dispatchEvent('pointermove');
      const tooltip = page.locator('#sankey-tooltip');
      expect(await tooltip.isVisible()).toBe(true);
      expect(await tooltip.textContent()).toContain(formatQuantity(seen[2].bands[widest].value, solutions[0].unit, '/yr'));

      await page.locator('#sankey').screenshot({ path: join(screenshots, `${name}.png`) });
      expect(readFileSync(join(screenshots, `${name}.png`)).subarray(1, 4).toString()).toBe('PNG');
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    });
  }

  it("the report's tidy CSV of a run is that run's results.csv byte for byte, and its numbers read as the figures print them", async () => {
    const { definition, solutions } = modelRuns('carbon-city');
    const { page, errors, requests } = await open(context, writeReport('carbon-city'));
    await page.selectOption('#table-run', '1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-run')]);
    const folder = join(scratch, 'results');
    writeResults(folder, 'csv', solutions[1], tidyTable(solutions[1]), solutionPeaks(solutions[1]), 0.01, definition);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(readFileSync(join(folder, 'results.csv'), 'utf8'));
    expect(download.suggestedFilename()).toBe('carbon-city-less-landfill-results.csv');

    const numbers = [0, 0.000123, 1.5, 999.4, 999.6, 1234.5, 98765, 1.2e6, -4.56e7, 3e9, 7e16, Number.NaN];
    const printed = await page.evaluate(`[${numbers.map(String).join(',')}].flatMap((n) => [metabolisReport.formatQuantity(n, 't', '/yr'), metabolisReport.formatQuantity(n, 't CO2e/yr')])`);
    expect(printed).toEqual(numbers.flatMap((n) => [formatQuantity(n, 't', '/yr'), formatQuantity(n, 't CO2e/yr')]));
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('blob:'))).toEqual([]);
    await page.close();
  });

  it('the report prints without its controls and with every folded table open', async () => {
    const { page, errors } = await open(context, writeReport('carbon-city'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.sections').isVisible()).toBe(false);
    expect(await page.locator('#sankey-play').isVisible()).toBe(false);
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    expect(await page.locator('details:not([open])').count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await page.close();
  });
});
