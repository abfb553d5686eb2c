import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/failure.js';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { openSweep } from '../../cli/sweep/openSweep.js';
import { metabolis } from './figureCommands.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-plot-sweep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sweeps/tiny/${name}`, import.meta.url));

/** Plots a sweep folder into a file and returns the SVG with the lines the command printed. */
async function plot(folder: string, name: string, ...args: string[]): Promise<{ svg: string; printed: string }> {
  const out = join(scratch, `${name}.svg`);
  const printed = await metabolis('plot', folder, ...args, '-o', out);
  return { svg: readFileSync(out, 'utf8'), printed };
}

/** The text of every <text> element, one line. */
const texts = (svg: string) => [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((match) => match[1]).join(' ');

describe('metabolis plot <sweep folder>', async () => {
  // The tiny model's Sobol' sweep (8 base points, 80 runs) and Morris sweep (6 trajectories, 30 runs).
  const sobol = join(scratch, 'sobol');
  await executeSweep(openSweep(fixture('sweep.yaml')).job, { out: sobol, threads: 1 });
  const morris = join(scratch, 'morris');
  await executeSweep(openSweep(fixture('morris.yaml')).job, { out: morris, threads: 1 });

  it('metabolis plot <sweep folder> draws the fan of the first output with yearly values, stating unit, scenario and runs', async () => {
    const { svg, printed } = await plot(sobol, 'fan');
    expect(printed).toContain('output: landfill');
    expect(texts(svg)).toMatch(/2020–2031 · 80 samples .*Landfill \(t\/yr\).*base model \(median\).*25–75 %.*5–95 %/);
  });

  it('metabolis plot <sweep folder> --kind sobol draws S1 and ST of the total by default, or of the number chosen', async () => {
    const total = await plot(sobol, 'sobol', '--kind', 'sobol', '--output', 'landfill');
    expect(texts(total.svg)).toContain("Sobol indices of the total of landfill 2020–2031 · scenario base model · 80 samples");
    for (const factor of ['paper_recycling', 'product_share', 'population', 'product_life']) expect(total.svg).toContain(`>${factor}</text>`);
    const year = await plot(sobol, 'sobol-2025', '--kind', 'sobol', '--output', 'landfill', '--year', '2025');
    expect(texts(year.svg)).toContain('Sobol indices of landfill in 2025');
    const peak = await plot(sobol, 'sobol-peak', '--kind', 'sobol', '--output', 'discarded_paper', '--statistic', 'peak_value');
    expect(texts(peak.svg)).toContain('Sobol indices of the peak of discarded paper');
  });

  it('metabolis plot <morris sweep folder> --kind morris draws mu* against sigma in the unit of the number', async () => {
    const { svg } = await plot(morris, 'morris', '--kind', 'morris', '--output', 'exported');
    expect(texts(svg)).toMatch(/Morris screening of the total of exported 2020–2031 · scenario base model · 6 trajectories/);
    expect(texts(svg)).toMatch(/σ \(k?t\).*μ\* \(k?t\)/);
  });

  it('metabolis plot <sweep folder> --kind peak-years draws the distribution of the peak year within the output\'s years', async () => {
    const { svg } = await plot(sobol, 'peak-years', '--kind', 'peak-years', '--output', 'discarded_paper');
    expect(texts(svg)).toContain('Peak year of discarded paper · scenario base model');
    expect(texts(svg)).toMatch(/80 samples; [\d.]+ % still rising in 2031 \(no peak by then\)/);
  });

  it('metabolis plot <sweep folder> with a kind, output or flag that does not fit says what does', async () => {
    await expect(metabolis('plot', morris, '--kind', 'sobol')).rejects.toThrow(new UsageError(`--kind sobol does not fit ${morris}, a morris sweep: it plots fan, morris`));
    await expect(metabolis('plot', sobol, '--kind', 'series')).rejects.toThrow(`--kind series does not fit ${sobol}, a sobol sweep: it plots fan, sobol, peak-years`);
    await expect(metabolis('plot', sobol, '--output', 'landfil')).rejects.toThrow('unknown output: landfil (outputs: landfill, discarded_paper, exported)');
    await expect(metabolis('plot', sobol, '--output', 'exported')).rejects.toThrow('--kind fan needs an output recorded with series; exported records total (outputs with series: landfill)');
    await expect(metabolis('plot', sobol, '--kind', 'sobol', '--output', 'exported', '--statistic', 'peak_year')).rejects.toThrow('exported records no peak_year (it has total)');
    await expect(metabolis('plot', sobol, '--kind', 'sobol', '--year', '2040')).rejects.toThrow('--year must lie within the years of landfill, 2020–2031 (got 2040)');
    await expect(metabolis('plot', sobol, '--stacked')).rejects.toThrow('--stacked goes with --kind series, not fan');
    await expect(metabolis('plot', sobol, '-s', 'high-recycling')).rejects.toThrow(`${sobol} holds runs of the base model, not of high-recycling`);
  });

  it('metabolis plot <one shard of a sweep> asks for the shards to be merged first', async () => {
    const sharded = join(scratch, 'sharded');
    await executeSweep(openSweep(fixture('morris.yaml')).job, { out: sharded, shard: { index: 0, count: 2 }, threads: 1 });
    await expect(metabolis('plot', join(sharded, 'shard-0-of-2'))).rejects.toThrow('is not a complete sweep (it is one shard: merge the shards first)');
  });
});

describe('metabolis plot <sweep folder with failed runs>', async () => {
  // 16 Sobol' base points, some with a product share above 1: their runs fail (invalid shares).
  const failing = join(scratch, 'failing');
  const report = await executeSweep(openSweep(fixture('failing.yaml')).job, { out: failing, threads: 1 });
  const failed = report.failures['invalid-shares']!;
  const leftOut = `${failed} of 160 runs did not succeed (invalid-shares ${failed}) and are left out`;

  it('metabolis plot <sweep folder> --kind fan says under the figure how many runs failed, by status, and draws the others', async () => {
    const { svg, printed } = await plot(failing, 'failing-fan');
    expect(texts(svg)).toContain(leftOut);
    expect(texts(svg)).toContain(`2020–2031 · ${160 - failed} samples`);
    expect(printed).toContain(leftOut);
    // The output's label stands for its id.
    expect(texts(svg)).toContain('Landfilled waste (t/yr)');
  });

  it('metabolis plot <sweep folder> --kind fan keys its bands in their own colour and opacity', async () => {
    const { svg } = await plot(failing, 'failing-fan-legend');
    const band = /<path d="[^"]+" fill="(#[0-9A-Fa-f]{6})" fill-opacity="0.18"\/>/.exec(svg)!;
    expect(svg).toMatch(new RegExp(`<rect [^>]*fill="${band[1]}" fill-opacity="0.18"/><text [^>]*>5–95 %</text>`));
    expect(svg).toMatch(new RegExp(`<rect [^>]*fill="${band[1]}" fill-opacity="0.492"/><text [^>]*>25–75 %</text>`));
  });

  it('metabolis plot <sweep folder> --kind sobol says which Saltelli blocks it left out and why, with the factors by their labels', async () => {
    const { svg, printed } = await plot(failing, 'failing-sobol', '--kind', 'sobol', '--output', 'landfill');
    expect(texts(svg)).toMatch(/left out: \d+ of 16 Saltelli blocks \(\d+ runs\), each with a run that did not succeed \(invalid-shares \d+\)/);
    expect(printed).toMatch(/left out: \d+ of 16 Saltelli blocks/);
    expect(svg).toContain('>Paper recycling rate</text>');
    expect(texts(svg)).toContain('Sobol indices of the total of Landfilled waste 2020–2031');
  });

  it('metabolis plot <sweep folder> --kind peak-years counts failed runs out and those still rising apart', async () => {
    const { svg } = await plot(failing, 'failing-peak-years', '--kind', 'peak-years', '--output', 'discarded_paper');
    expect(texts(svg)).toMatch(new RegExp(`${160 - failed} samples; [\\d.]+ % still rising in 2031`));
    expect(texts(svg)).toContain(leftOut);
  });
});
