import { UsageError } from '../failure.js';
import { formatFailures } from './failuresAction.js';
import { blockExclusionNote, censoredNote } from './exclusionNotes.js';
import { sensitivity, type ColumnIndices, type SensitivityReport } from './sensitivity.js';

export interface SensitivityFlags {
  readonly json?: boolean;
  readonly output?: string[];
  readonly year?: string;
  readonly resamples?: string;
  readonly level?: string;
}

/** `metabolis sensitivity <sweep-dir>`: compute and print the sensitivity indices of a sweep. */
export async function printSensitivity(folder: string, flags: SensitivityFlags): Promise<void> {
  const year = flags.year === undefined || flags.year === 'all' ? flags.year : Number(flags.year);
  if (typeof year === 'number' && !Number.isInteger(year)) throw new UsageError(`--year must be a year or all (got ${flags.year})`);
  const resamples = flags.resamples === undefined ? undefined : Number(flags.resamples);
  if (resamples !== undefined && !(Number.isSafeInteger(resamples) && resamples >= 0)) throw new UsageError(`--resamples must be a non-negative integer (got ${flags.resamples})`);
  const level = flags.level === undefined ? undefined : Number(flags.level);
  if (level !== undefined && !(level > 0 && level < 1)) throw new UsageError(`--level must lie strictly between 0 and 1 (got ${flags.level})`);
  const report = await sensitivity(folder, { outputs: flags.output, year, resamples, level });
  process.stdout.write(flags.json ? `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n` : formatIndices(report));
}

const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : 'NaN');
const interval = (low: number, high: number) => `[${fixed(low)}, ${fixed(high)}]`;

/** The runs used, what was left out and why, then one block per output column: a row per factor with its indices. */
export function formatIndices(report: SensitivityReport): string {
  const lines: string[] = [];
  const sobol = report.sampler === 'sobol';
  const ci = sobol ? `${Math.round(report.level! * 100)}% CI` : '';
  const runs = report.used === report.runs ? `${report.runs} runs` : `${report.used} of ${report.runs} runs`;
  lines.push(sobol ? `Sobol' indices from ${runs} (${report.resamples} bootstrap resamples)` : `Morris elementary effects from ${runs} (per unit of each factor's [0, 1] range)`);
  if (report.excluded.dropped > 0) lines.push(...blockExclusionNote(report.excluded), ...formatFailures(report.excluded.failures, report.runs));
  const factorName = (factor: string) => report.labels?.factors[factor] ?? factor;
  for (const entry of report.columns) {
    const notes = [
      ...(entry.missing > 0 ? [`${entry.missing} runs without a value: indices are NaN`] : entry.variance === 0 ? ['the same in every run: no indices'] : []),
      ...censoredNote(entry),
    ];
    lines.push('', `${label(entry, report)}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`);
    const width = Math.max(6, ...entry.factors.map((factor) => factorName(factor.factor).length));
    const header = sobol ? ['S1', ci, 'ST', ci] : ['mu*', 'mu', 'sigma'];
    const rows = entry.factors.map((factor) =>
      'first' in factor ? [fixed(factor.first), interval(factor.firstLow, factor.firstHigh), fixed(factor.total), interval(factor.totalLow, factor.totalHigh)] : [fixed(factor.muStar), fixed(factor.mu), fixed(factor.sigma)],
    );
    const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c].length)));
    lines.push(`  ${'factor'.padEnd(width)}  ${header.map((title, c) => title.padStart(widths[c])).join('  ')}`);
    entry.factors.forEach((factor, r) => lines.push(`  ${factorName(factor.factor).padEnd(width)}  ${rows[r].map((cell, c) => cell.padStart(widths[c])).join('  ')}`));
  }
  return `${lines.join('\n')}\n`;
}

function label(entry: ColumnIndices, report: SensitivityReport): string {
  const { output, statistic, year } = entry.column;
  const name = report.labels?.outputs[output] ?? output;
  return statistic === 'value' ? `${name} in ${year}` : `${name} ${statistic.replace('_', ' ')}`;
}
