import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { reportAssets } from '../../viz/report/assets.js';
import { reportHtml } from '../../viz/report/page.js';
import { buildReport, type ReportInput } from '../../viz/report/report.js';
import { EXIT_RUN_FAILED, UsageError } from '../failure.js';
import { plotSource } from '../figures/plotSource.js';
import { slug } from '../output/slug.js';
import { version } from '../version.js';
import { modelReportInput, runFolderReportInput } from './reportSources.js';
import { sweepReportInput } from './sweepReport.js';

export interface ReportFlags {
  readonly out?: string;
  readonly peakTolerance: string;
}

/** What the report is made of: a model's runs, a results folder's run, or a sweep folder. */
export async function reportInput(path: string, peakTolerance: number, written: string): Promise<ReportInput> {
  const source = plotSource(path);
  if (source === 'sweep folder') return sweepReportInput(path, { written });
  if (source === 'run folder') return runFolderReportInput(path, { written });
  return modelReportInput(path, peakTolerance, { written });
}

/** `metabolis report <source>`: write the self-contained HTML report. */
export async function writeReport(path: string, flags: ReportFlags): Promise<void> {
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
}
