import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { ModelError } from '../../engine/errors.js';
import { run } from '../../engine/simulate/run.js';
import { writeRunFigures } from '../../cli/figures/index.js';
import { UsageError } from '../../cli/failure.js';
import { metabolis } from './figureCommands.js';

const demo = 'models/singapore/model.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-figures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('metabolis sankey', () => {
  it('metabolis sankey <demo> --year 2030 --scenario zero-waste -o x.svg writes the figure and reports its scale', async () => {
    const out = join(scratch, 'zero-waste.svg');
    const printed = await metabolis('sankey', demo, '--year', '2030', '--scenario', 'zero-waste', '-o', out);
    expect(printed).toContain(`wrote ${out}`);
    expect(printed).toMatch(/scale: [\d.]+ t per point/);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('2030 · scenario zero-waste · flows in t/yr');
  });

  it('metabolis sankey --span --aggregate mean --scale -o x.png and x.pdf write a PNG and a PDF', async () => {
    const png = join(scratch, 'mean.png');
    const pdf = join(scratch, 'mean.pdf');
    await metabolis('sankey', demo, '--span', '2025-2035', '--aggregate', 'mean', '--scale', '120000', '--dpi', '72', '-o', png);
    await metabolis('sankey', demo, '--span', '2025-2035', '--aggregate', 'mean', '-o', pdf);
    expect([...readFileSync(png).subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    expect(readFileSync(pdf, 'utf8').slice(0, 5)).toBe('%PDF-');
  });

  it('metabolis sankey <demo> without --year draws the middle year of the horizon, as run does, and says which', async () => {
    const out = join(scratch, 'middle.svg');
    const printed = await metabolis('sankey', demo, '-o', out);
    expect(printed).toContain('year: 2036, the middle of 2013–2060 (--year or --span to choose)');
    expect(readFileSync(out, 'utf8')).toContain('2036 · scenario base model');
  });

  it('metabolis sankey rejects usage mistakes with a message that names the flag', async () => {
    await expect(metabolis('sankey', demo, '--year', '2030', '--span', '2025-2035')).rejects.toThrow(new UsageError('give either --year or --span, not both'));
    await expect(metabolis('sankey', demo, '--year', '2090')).rejects.toThrow("--year must lie within the model's years 2013–2060 (got 2090)");
    await expect(metabolis('sankey', demo, '--year', '2030', '-o', 'fig.gif')).rejects.toThrow('-o must end in .svg, .png or .pdf (got fig.gif)');
    await expect(metabolis('sankey', demo, '--year', '2030', '--scenario', 'zero-wast')).rejects.toThrow("unknown scenario: zero-wast (did you mean 'zero-waste'");
    await expect(metabolis('sankey', demo, '--span', '2035-2025')).rejects.toBeInstanceOf(UsageError);
  });

  it('metabolis sankey of a year where nothing flows says so as a usage error, not an internal one', async () => {
    const model = join(scratch, 'still.yaml');
    writeFileSync(model, 'metabolis: 1\nname: Still\ntime: { start: 2020, end: 2022 }\nunit: t\nprocesses: [a, b]\nflows:\n  - { id: in, from: outside, to: a, value: 0 }\n  - { id: ab, from: a, to: b, share: 1 }\n  - { id: out, from: b, to: outside, share: 1 }\n');
    await expect(metabolis('sankey', model, '--year', '2021', '-o', join(scratch, 'still.svg'))).rejects.toThrow(new UsageError('nothing flows in 2021: choose another --year or --span'));
    const folder = join(scratch, 'still-run');
    const { written, notes } = await writeRunFigures(folder, loadModel(model), run(compile(loadModel(model))), { formats: ['svg'] });
    expect(written).toEqual([]);
    expect(notes).toEqual(['no Sankey diagram: nothing flows in 2021 (metabolis sankey --year draws another year)']);
  });

  it('metabolis sankey with a missing model file fails with a ModelError', async () => {
    await expect(metabolis('sankey', 'models/none/model.yaml', '--year', '2030')).rejects.toBeInstanceOf(ModelError);
  });
});

describe('metabolis plot', () => {
  it('metabolis plot <demo> draws the waste generated in every scenario and says what it sums', async () => {
    const out = join(scratch, 'waste-peaks.svg');
    const printed = await metabolis('plot', demo, '-o', out);
    expect(printed).toContain('waste generated: the sum of domestic_waste, non_domestic_waste, construction_site_waste, demolition_waste');
    const svg = readFileSync(out, 'utf8');
    for (const scenario of ['status-quo', 'trend', 'zero-waste']) expect(svg).toContain(`>${scenario}</text>`);
  });

  it('metabolis plot --kind series --series <stock> --series-kind stock-inflow draws the chosen scenarios', async () => {
    const out = join(scratch, 'landfill.svg');
    await metabolis('plot', demo, '--kind', 'series', '--series', 'landfilled', '--series-kind', 'stock-inflow', '-s', 'status-quo', '-s', 'zero-waste', '--by', 'total', '-o', out);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('>Landfilled, inflow (kt/yr)</text>');
    expect(svg).toContain('>zero-waste</text>');
  });

  it('metabolis plot --tolerance marks a near tie of the peak (waste landfilled directly: 2019, and 2045 within 5 %)', async () => {
    const out = join(scratch, 'near-tie.svg');
    await metabolis('plot', demo, '--series', 'direct_landfill', '-s', 'status-quo', '-o', out);
    expect(readFileSync(out, 'utf8')).not.toContain('>near tie');
    await metabolis('plot', demo, '--series', 'direct_landfill', '-s', 'status-quo', '--tolerance', '0.05', '-o', out);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('>peak 2019: 234 kt/yr</text>');
    expect(svg).toContain('>near tie: 2045</text>');
  });

  it('metabolis plot rejects usage mistakes: a missing --series, an unknown kind, a kind of sweeps', async () => {
    await expect(metabolis('plot', demo, '--kind', 'series', '--series', 'landfilled', '--tolerance', '0.01')).rejects.toThrow('--tolerance goes with --kind waste-peaks, not series');
    await expect(metabolis('plot', demo, '--tolerance', '-1')).rejects.toThrow('--tolerance must be a non-negative number (got -1)');
    await expect(metabolis('plot', demo, '--kind', 'series')).rejects.toThrow('--kind series needs --series');
    await expect(metabolis('plot', demo, '--kind', 'pie')).rejects.toThrow('--kind must be one of waste-peaks, series, emissions, savings, landfill-methane, comparison, fan, sobol, morris, peak-years (got pie)');
    await expect(metabolis('plot', demo, '--kind', 'fan')).rejects.toThrow(`--kind fan does not fit ${demo}, a model: it plots waste-peaks, series, emissions, savings, landfill-methane, comparison`);
    await expect(metabolis('plot', demo, '--series-kind', 'level')).rejects.toThrow('--series-kind must be one of');
  });
});

describe('metabolis plot of a model with emissions', () => {
  const carbon = 'test/fixtures/carbon/model.yaml';

  it('metabolis plot <model> --kind emissions -s <scenario> stacks the direct emissions by route, the credits below zero, and states the GWP set', async () => {
    const out = join(scratch, 'emissions.svg');
    await metabolis('plot', carbon, '--kind', 'emissions', '-s', 'zero-waste', '-o', out);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('>2015–2060 · scenario zero-waste · CO2e by GWP100 AR5</text>');
    for (const text of ['Credits (below zero)', 'Electricity from incineration', 'Net: direct − credits']) expect(svg).toContain(`>${text}</text>`);
  });

  it('metabolis plot <model> --kind savings --baseline a -s b draws the waterfall over the horizon, or of one year, and prints the saving', async () => {
    const out = join(scratch, 'savings.svg');
    const printed = await metabolis('plot', carbon, '--kind', 'savings', '--baseline', 'status-quo', '-s', 'zero-waste', '-o', out);
    expect(printed).toMatch(/zero-waste saves [\d.]+ Mt CO2e against status-quo \(2015–2060, total\)/);
    expect(printed).not.toContain('baseline: status-quo');
    expect(readFileSync(out, 'utf8')).toContain('>2015–2060, total · zero-waste against status-quo · CO2e by GWP100 AR5</text>');
    const year = await metabolis('plot', carbon, '--kind', 'savings', '-s', 'zero-waste', '--year', '2040', '-o', out);
    expect(year).toContain("baseline: status-quo, the model's first scenario (--baseline to choose)");
    expect(readFileSync(out, 'utf8')).toContain('>Net emissions (kt CO2e/yr)</text>');
  });

  it("metabolis plot <model> --kind landfill-methane marks the deposits' peak and the methane's, years apart", async () => {
    const out = join(scratch, 'methane.svg');
    await metabolis('plot', carbon, '--kind', 'landfill-methane', '-s', 'zero-waste', '-o', out);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('>peak 2020: 93 kt/yr</text>');
    expect(svg).toMatch(/>peak 2022: [\d.]+ kt CH4\/yr<\/text>/);
  });

  it('metabolis plot <model> --kind comparison draws every scenario and says which lines it draws as one', async () => {
    const printed = await metabolis('plot', carbon, '--kind', 'comparison', '-o', join(scratch, 'comparison.svg'));
    expect(printed).toContain('status-quo = trend in Diversion rate (the same values): drawn as one line, in dashes of their colours');
  });

  it('metabolis plot rejects carbon figures that do not fit: no emissions, no scenario to save, a flag of another kind, an unknown route', async () => {
    const plain = join(scratch, 'plain.yaml');
    writeFileSync(plain, 'metabolis: 1\nname: Plain\ntime: { start: 2020, end: 2025 }\nunit: t\nprocesses: [a]\nflows:\n  - { from: outside, to: a, value: 1 }\n  - { from: a, to: outside, share: 1 }\n');
    await expect(metabolis('plot', plain, '--kind', 'emissions')).rejects.toThrow('--kind emissions needs a model with an emissions section: Plain has none');
    await expect(metabolis('plot', carbon, '--kind', 'savings')).rejects.toThrow('--kind savings needs -s <scenario>');
    await expect(metabolis('plot', carbon, '--kind', 'savings', '-s', 'status-quo')).rejects.toThrow('--kind savings needs a scenario other than its baseline (both status-quo)');
    await expect(metabolis('plot', carbon, '--kind', 'savings', '-s', 'zero-waste', '--span', '2050-2070')).rejects.toThrow("--span must lie within the model's years 2015–2060 (got 2070)");
    await expect(metabolis('plot', carbon, '--kind', 'emissions', '--baseline', 'status-quo')).rejects.toThrow('--baseline goes with --kind savings, not emissions');
    await expect(metabolis('plot', carbon, '--kind', 'emissions', '-s', 'trend', '-s', 'zero-waste')).rejects.toThrow('--kind emissions draws one scenario: give -s once');
    await expect(metabolis('plot', carbon, '--kind', 'landfill-methane', '--route', 'incineration')).rejects.toThrow('--route must name a landfill route of the model: landfill_methane (got incineration)');
    await expect(metabolis('plot', plain, '--kind', 'comparison')).rejects.toThrow('--kind comparison needs waste streams or indicators of one value a year: Plain has neither');
  });
});

describe('writeRunFigures', () => {
  it('writeRunFigures(folder, demo run) leaves sankey, waste-peaks and emissions as SVG and PNG in the results folder', async () => {
    const definition = loadModel(demo);
    const solution = run(compile(definition), { scenario: 'zero-waste' });
    const folder = join(scratch, 'run');
    const { written } = await writeRunFigures(folder, definition, solution, { dpi: 72 });
    expect(written.map((path) => path.slice(folder.length + 1)).sort()).toEqual(['emissions.png', 'emissions.svg', 'sankey.png', 'sankey.svg', 'waste-peaks.png', 'waste-peaks.svg']);
    for (const path of written) expect(existsSync(path)).toBe(true);
    expect(readFileSync(join(folder, 'sankey.svg'), 'utf8')).toContain('2036 · scenario zero-waste');
  });

  it('writeRunFigures(folder, run of a model with emissions) also leaves the emissions by route', async () => {
    const definition = loadModel('test/fixtures/carbon/model.yaml');
    const solution = run(compile(definition), { scenario: 'zero-waste' });
    const folder = join(scratch, 'carbon-run');
    const { written } = await writeRunFigures(folder, definition, solution, { dpi: 72, formats: ['svg'] });
    expect(written.map((path) => path.slice(folder.length + 1))).toEqual(['sankey.svg', 'waste-peaks.svg', 'emissions.svg']);
    expect(readFileSync(join(folder, 'emissions.svg'), 'utf8')).toContain('scenario zero-waste · CO2e by GWP100 AR5');
  });
});
