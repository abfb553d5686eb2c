import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { reportAssets } from '../../viz/report/assets.js';
import { reportHtml } from '../../viz/report/page.js';
import { buildReport, type ReportInput } from '../../viz/report/report.js';
import { EXIT_RUN_FAILED, UsageError } from '../failure.js';
import { plotSource } from '../figures/plotSource.js';
import { slug } from '../output/slug.js';
import { version } from '../version.js';
import { modelReportInput, runFolderReportInput } from './reportSources.js';
import { sweepReportInput } from './sweepReport.js';

interface ReportFlags {
  readonly out?: string;
  readonly peakTolerance: string;
}

const EXAMPLES = [
  'metabolis report models/singapore/model.yaml -o singapore.html     # every scenario of the model',
  'metabolis report results/singapore                                  # a folder of metabolis run',
  'metabolis report results/sg-sweep -o sweep.html                     # a folder of metabolis sweep',
];

/** What the report is made of: a model's runs, a results folder's run, or a sweep folder. */
export async function reportInput(path: string, peakTolerance: number, written: string): Promise<ReportInput> {
  const source = plotSource(path);
  if (source === 'sweep folder') return sweepReportInput(path, { written });
  if (source === 'run folder') return runFolderReportInput(path, { written });
  return modelReportInput(path, peakTolerance, { written });
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write one self-contained HTML file to explore a model by year and scenario (Sankey diagram, waste peaks, emissions, tables), a results folder, or a sweep')
    .argument('<source>', 'a model file (.yaml, .yml or .json), a results folder of metabolis run, or a complete sweep folder')
    .option('-o, --out <file>', 'the HTML file (default: <model name>-report.html)')
    .option('--peak-tolerance <share>', 'model: a second hump within this share of a peak is a near tie', '0.01')
    .addHelpText('after', `\nThe file needs no network and no other file: open it in any browser, or send it.\n\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}\n`).join('')}`)
    .action(async (path: string, flags: ReportFlags) => {
      const peakTolerance = Number(flags.peakTolerance);
      if (!(peakTolerance >= 0 && peakTolerance < 1)) throw new UsageError(`--peak-tolerance must be a share from 0 to below 1, such as 0.01 (got ${flags.peakTolerance})`);
      if (flags.out !== undefined && !/\.html?$/i.test(flags.out)) throw new UsageError(`-o must end in .html (got ${flags.out})`);
      const input = await reportInput(path, peakTolerance, `by metabolis ${version} on ${new Date().toISOString().slice(0, 10)}`);
      const html = reportHtml(buildReport(input), reportAssets());
      const out = flags.out ?? `${slug(input.title)}-report.html`;
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, html);
      const failed = input.runs.filter((run) => run.status !== 'success');
      const warnings = failed.map((run) => `the run of ${run.scenario ?? 'the base model'} ended with status ${run.status}: the report says why and leaves it out of the figures`);
      process.stdout.write(`${[...warnings, `wrote ${out} (${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB)`].join('\n')}\n`);
      if (failed.length > 0) process.exitCode = EXIT_RUN_FAILED;
    });
}
