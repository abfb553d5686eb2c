import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { solutionPeaks } from '../../engine/analysis/solutionPeaks.js';
import { tidyTable } from '../../engine/analysis/tidyTable.js';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { run } from '../../engine/simulate/run.js';
import { UsageError } from '../../cli/failure.js';
import { writeResults, type ResultFormat } from '../../cli/output/writeResults.js';
import { metabolis } from './figureCommands.js';

const demo = 'models/singapore/model.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-plot-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const definition = loadModel(demo);
const model = compile(definition);

/** The folder `metabolis run <demo> -s <scenario> -f <format> --out` leaves, less its figures. */
function runFolder(scenario: string | undefined, format: ResultFormat): string {
  const folder = join(scratch, `${scenario ?? 'base'}-${format}`);
  const solution = run(model, { scenario });
  writeResults(folder, format, solution, tidyTable(solution), solutionPeaks(solution), 0, definition);
  return folder;
}

/** Plots a source into a file named after the test's arguments and returns the SVG. */
async function plot(name: string, ...args: string[]): Promise<string> {
  const out = join(scratch, `${name}.svg`);
  await metabolis('plot', ...args, '-o', out);
  return readFileSync(out, 'utf8');
}

describe('metabolis plot <run folder>', () => {
  const zeroWaste = runFolder('zero-waste', 'csv');
  const trend = runFolder('trend', 'json');

  it('metabolis plot <run folder> draws the same waste-peak chart as plot <model> -s <its scenario>, from the saved table', async () => {
    const fromFolder = await plot('folder-waste-peaks', zeroWaste);
    expect(fromFolder).toBe(await plot('model-waste-peaks', demo, '-s', 'zero-waste'));
    expect(fromFolder).toContain('>zero-waste</text>');
  });

  it('metabolis plot <run folder of results.json> --kind series draws the same chart as from the model, lines and stacked', async () => {
    for (const extra of [[], ['--stacked'], ['--by', 'total']]) {
      const args = ['--kind', 'series', '--series', 'landfilled', ...extra];
      const fromFolder = await plot(`folder-series${extra.join('')}`, trend, ...args);
      expect(fromFolder).toBe(await plot(`model-series${extra.join('')}`, demo, '-s', 'trend', ...args));
      expect(fromFolder).toContain('scenario trend');
    }
  });

  it("metabolis plot <run folder> names a flow by the model's label, which the folder records, as from the model", async () => {
    const args = ['--kind', 'series', '--series', 'non_domestic_waste', '--by', 'total'];
    const fromFolder = await plot('folder-labelled', zeroWaste, ...args);
    expect(fromFolder).toBe(await plot('model-labelled', demo, '-s', 'zero-waste', ...args));
    expect(fromFolder).toContain('>Non-domestic waste (Mt/yr)</text>');
  });

  it('metabolis plot <run folder> says which streams make up the waste generated, as the model does', async () => {
    const printed = await metabolis('plot', zeroWaste, '-o', join(scratch, 'printed.svg'));
    expect(printed).toContain('waste generated: the sum of domestic_waste, non_domestic_waste, construction_site_waste, demolition_waste');
  });

  it('metabolis plot <run folder> refuses another scenario, a kind of sweeps and a flag of sweeps', async () => {
    await expect(metabolis('plot', zeroWaste, '-s', 'trend')).rejects.toThrow(`${zeroWaste} holds runs of scenario zero-waste, not of trend: plot the model file, or run it with --scenario trend`);
    await expect(metabolis('plot', zeroWaste, '--kind', 'fan')).rejects.toThrow(new UsageError(`--kind fan does not fit ${zeroWaste}, a run folder: it plots waste-peaks, series, emissions`));
    await expect(metabolis('plot', zeroWaste, '--kind', 'savings')).rejects.toThrow(new UsageError(`--kind savings does not fit ${zeroWaste}, a run folder: it plots waste-peaks, series, emissions`));
    await expect(metabolis('plot', zeroWaste, '--output', 'x')).rejects.toThrow('--output goes with --kind fan or sobol or morris or peak-years, not waste-peaks');
    await expect(metabolis('plot', zeroWaste, '--kind', 'series', '--series', 'landfil')).rejects.toThrow("unknown series: landfil (did you mean 'landfilled'");
  });

  it('metabolis plot <run folder without the waste streams recorded> draws one stream, and asks for --series for the sum', async () => {
    const summaryPath = join(zeroWaste, 'summary.json');
    const summary = readFileSync(summaryPath, 'utf8');
    const { wasteGeneration: _, ...older } = JSON.parse(summary) as Record<string, unknown>;
    writeFileSync(summaryPath, JSON.stringify(older));
    try {
      await expect(metabolis('plot', zeroWaste)).rejects.toThrow('options.series must be given: the saved run does not record which streams make up the waste generated');
      expect(await plot('older-one-stream', zeroWaste, '--series', 'demolition_waste')).toContain('Demolition waste');
    } finally {
      writeFileSync(summaryPath, summary);
    }
  });

  it('metabolis plot <run folder of a model with emissions> draws the same emissions, indicator and route charts as from the model', async () => {
    const carbonPath = 'test/fixtures/carbon/model.yaml';
    const carbon = loadModel(carbonPath);
    const solution = run(compile(carbon), { scenario: 'zero-waste' });
    const folder = join(scratch, 'carbon-zero-waste');
    writeResults(folder, 'csv', solution, tidyTable(solution), solutionPeaks(solution), 0, carbon);
    const fromFolder = await plot('folder-emissions', folder, '--kind', 'emissions');
    expect(fromFolder).toBe(await plot('model-emissions', carbonPath, '--kind', 'emissions', '-s', 'zero-waste'));
    expect(fromFolder).toContain('>Recycling (primary production avoided)</text>');
    // An indicator and an emission route are named by their labels, which the folder records too.
    const args = ['--kind', 'series', '--series', 'diversion', '--series-kind', 'indicator'];
    const indicator = await plot('folder-indicator', folder, ...args);
    expect(indicator).toBe(await plot('model-indicator', carbonPath, ...args, '-s', 'zero-waste'));
    expect(indicator).toContain('>Diversion rate (1)</text>');
    const route = ['--kind', 'series', '--series', 'incineration_energy', '--series-kind', 'credit', '--by', 'total'];
    const credit = await plot('folder-credit', folder, ...route);
    expect(credit).toBe(await plot('model-credit', carbonPath, ...route, '-s', 'zero-waste'));
    expect(credit).toContain('>Credits of Electricity from incineration (kt CO2e/yr)</text>');
  });

  it('metabolis plot <folder that is neither a run nor a sweep> is a usage error that says what it looked for', async () => {
    await expect(metabolis('plot', 'models/singapore')).rejects.toThrow(
      'models/singapore is not a metabolis run or sweep folder: it holds neither summary.json with results.csv or .json (metabolis run --out) nor manifest.json (metabolis sweep --out)',
    );
  });
});
