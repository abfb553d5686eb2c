import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { metabolisBin as metabolis } from './builtBin.js';
import { ModelError } from '../../engine/errors.js';
import { UsageError } from '../../cli/failure.js';
import { reportInput } from '../../cli/report/reportAction.js';
import { registerReport } from '../../cli/report/reportCommand.js';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { openSweep } from '../../cli/sweep/openSweep.js';
import { buildReport } from '../../viz/report/report.js';

/** `metabolis report` of a model, a results folder and a sweep folder: in-process, and once as the built bin for its exit code. */
const carbonCity = 'test/fixtures/report/carbon-city/model.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-report-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The report command called in-process; returns what it prints. */
async function report(...args: string[]): Promise<string> {
  const program = new Command('metabolis').exitOverride();
  registerReport(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  let printed = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((printed += String(text)), true));
  try {
    await program.parseAsync(['node', 'metabolis', 'report', ...args]);
  } finally {
    write.mockRestore();
  }
  return printed;
}

describe('metabolis report', () => {
  it('metabolis report <model> -o file.html writes one page of every scenario and says where, and how large', async () => {
    const out = join(scratch, 'carbon.html');
    expect(await report(carbonCity, '-o', out)).toMatch(/^wrote .*carbon\.html \(\d+\.\d MB\)\n$/);
    const html = readFileSync(out, 'utf8');
    for (const section of ['overview', 'sankey', 'waste', 'emissions', 'tables']) expect(html).toContain(`<section id="${section}"`);
    expect(html).toContain('name="sankey-scenario" value="1"');
  });

  it('metabolis report <model with a failing scenario> (the built bin) writes the page, says which run failed and exits 3', () => {
    const model = join(scratch, 'failing', 'model.yaml');
    mkdirSync(join(scratch, 'failing'));
    writeFileSync(
      model,
      'metabolis: 1\nname: Failing city\ntime: { start: 2020, end: 2025 }\nunit: t\nparameters:\n  kept: 0.5\nprocesses: [sorting]\nflows:\n' +
        '  - { from: outside, to: sorting, value: 10 }\n  - { from: sorting, to: outside, share: kept, id: kept }\n  - { from: sorting, to: outside, share: "1 - kept", id: rest, waste: true }\n' +
        'scenarios:\n  base: {}\n  broken: { kept: { ramp: { from: 2021, to: 2024, to_value: 1.5 } } }\n',
    );
    const out = join(scratch, 'failing.html');
    const { code, stdout, stderr } = metabolis('report', model, '-o', out);
    expect(stderr).toBe('');
    expect(code).toBe(3);
    expect(stdout).toMatch(/the run of broken ended with status (invalid-shares|negative-flow)/);
    expect(readFileSync(out, 'utf8')).toContain('The run of broken ended with status');
  });

  it('metabolis report with a wrong -o or a folder that holds no results is a usage error, a missing model a model error', async () => {
    await expect(report(carbonCity, '-o', join(scratch, 'x.pdf'))).rejects.toThrow(UsageError);
    await expect(report(carbonCity, '-o', join(scratch, 'x.pdf'))).rejects.toThrow(/-o must end in \.html/);
    await expect(report(scratch)).rejects.toThrow(/is not a metabolis run or sweep folder/);
    await expect(report(join(scratch, 'nothing.yaml'))).rejects.toThrow(ModelError);
  });

  it('metabolis report <sweep folder> shows the design, every figure plot can draw of it, and the summary as tables and CSV', async () => {
    const folder = join(scratch, 'sweep');
    await executeSweep(openSweep(fileURLToPath(new URL('../fixtures/sweeps/tiny/sweep.yaml', import.meta.url))).job, { out: folder, threads: 1 });
    const report = buildReport(await reportInput(folder, 0.01, 'now'));
    expect(report.sections.map((section) => section.id)).toEqual(['sweep', 'uncertainty', 'tables']);
    const figures = report.sections[1].html;
    for (const file of ['fan-landfill', 'sobol-landfill', 'peak-years-discarded-paper']) expect(figures).toContain(`data-file="${file}"`);
    expect(report.sections[0].html).toContain('sobol, n = 8');
    expect(report.data.files.summary.split('\n')[0]).toBe('output,statistic,year,runs,missing,failed,rising,falling,mean,sd,min,p05,p25,p50,p75,p95,max');
  });
});
