import { addFailureCounts, formatFailureCounts } from '../../engine/sweep/failureCounts.js';
import { displayName } from '../../viz/adapters/displayName.js';
import { formatNumber } from '../../viz/figure/quantity.js';
import type { FigureBlock } from '../../viz/report/figureBlock.js';
import type { ReportInput } from '../../viz/report/report.js';
import type { SweepReport } from '../../viz/report/sweepSection.js';
import { UsageError } from '../failure.js';
import { csvLine } from '../output/csv.js';
import { readSummary, type SummaryRow } from '../sweep/summaryFile.js';
import { sweepFigure } from '../figures/sweepFigures.js';
import { openSweepFolder, sweepKinds, type SweepKind } from '../figures/sweepFolder.js';
import { shownPath } from './shownPath.js';

const SUMMARY_COLUMNS = ['output', 'statistic', 'year', 'runs', 'missing', 'failed', 'rising', 'falling', 'mean', 'sd', 'min', 'p05', 'p25', 'p50', 'p75', 'p95', 'max'] as const;
const QUANTILES = ['p05', 'p25', 'p50', 'p75', 'p95'] as const;

const WHAT: Record<SweepKind, string> = {
  fan: 'median with the 25–75 % and 5–95 % bands over the runs, per year',
  sobol: "Sobol' first-order and total indices with 95 % bootstrap intervals",
  morris: 'Morris μ* against σ of the elementary effects',
  'peak-years': 'distribution of the peak year over the runs',
};

interface DesignFactor {
  readonly name: string;
  readonly parameter?: string;
  readonly driver?: string;
  readonly item?: unknown;
  readonly apply?: string;
  readonly years?: readonly number[];
  readonly distribution?: { readonly kind?: string } & Record<string, unknown>;
}

interface DesignOutput {
  readonly name: string;
  readonly flow?: string;
  readonly stock?: string;
  readonly waste?: string;
  readonly emission?: string;
  readonly measure?: string;
  readonly item?: unknown;
}

function distributionText(distribution: DesignFactor['distribution']): string {
  if (!distribution) return 'unknown';
  const { kind, ...parameters } = distribution;
  return `${kind ?? 'unknown'} (${Object.entries(parameters).map(([name, value]) => `${name} ${JSON.stringify(value)}`).join(', ')})`;
}

function itemText(item: unknown): string {
  return item === null || item === undefined ? '' : ` [${typeof item === 'string' ? item : Object.values(item as object).join(', ')}]`;
}

/**
 * The report of a complete sweep folder: its design as the manifest records it, every figure
 * `metabolis plot` can draw of it (fan and peak years per output that records them, Sobol' or
 * Morris indices per output by the sampler), each with the notes of runs left out, and
 * summary.parquet as tables and CSV. A figure that cannot be drawn (indices of an output that is
 * the same in every run) is listed with the reason.
 */
export async function sweepReportInput(folder: string, written: Pick<ReportInput, 'written'>): Promise<ReportInput> {
  const sweep = openSweepFolder(folder);
  const design = sweep.manifest.design as { model?: { hash?: string }; seed?: number; factors?: DesignFactor[]; outputs?: DesignOutput[] };
  const labels = sweep.manifest.labels;
  const figures: FigureBlock[] = [];
  const notDrawn: string[] = [];
  for (const kind of sweepKinds(sweep)) {
    for (const output of sweep.outputs) {
      if ((kind === 'fan' && !output.record.includes('series')) || (kind === 'peak-years' && !output.record.includes('peak'))) continue;
      const name = output.label ?? displayName(output.name);
      try {
        const figure = await sweepFigure(kind, sweep, { output: output.name }, { width: 'single' });
        const notes = figure.notes.filter((note) => !note.startsWith('output: '));
        figures.push({ file: `${kind}-${output.name}`, svg: figure.svg, alt: `${kind} chart of ${name}`, caption: `${name}: ${WHAT[kind]}.${notes.map((note) => ` ${note}.`).join('')}`, width: 'single' });
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        notDrawn.push(`No ${kind} chart of ${name}: ${error.message}`);
      }
    }
  }

  const rows = await readSummary(folder, sweep.manifest);
  const summaryCsv = rows.reduce((text, row) => text + csvLine(SUMMARY_COLUMNS.map((column) => row[column] ?? '')), csvLine(SUMMARY_COLUMNS));
  const quantiles = sweep.outputs
    .filter((output) => output.record.includes('series'))
    .map((output) => {
      const yearly = rows.filter((row: SummaryRow) => row.output === output.name && row.statistic === 'value');
      return {
        caption: `${output.label ?? displayName(output.name)} (${output.unit ?? 'unit not recorded'}) by year, over the runs that succeeded`,
        header: ['year', 'mean', ...QUANTILES, 'runs'],
        rows: yearly.map((row) => [String(row.year), ...[row.mean, ...QUANTILES.map((key) => row[key])].map((value) => formatNumber(value)), String(row.runs)]),
      };
    });

  const report: SweepReport = {
    folder: shownPath(folder),
    model: sweep.model,
    modelHash: design.model?.hash,
    scenario: sweep.scenario,
    sampler: sweep.sampler,
    n: sweep.n,
    seed: design.seed,
    runs: sweep.manifest.runs,
    failures: formatFailureCounts(addFailureCounts(sweep.manifest.parts.map((part) => part.failures ?? {}))),
    factors: (design.factors ?? []).map((factor) => ({
      name: labels?.factors[factor.name] ?? factor.name,
      varies: `${factor.parameter ? `parameter ${factor.parameter}` : `driver ${factor.driver}`}${itemText(factor.item)}${factor.apply === 'scale' ? ', scaled' : ''}${factor.years ? `, ${factor.years.join('–')}` : ''}`,
      distribution: distributionText(factor.distribution),
    })),
    outputs: sweep.outputs.map((output) => {
      const recorded = design.outputs?.find((entry) => entry.name === output.name);
      const of = recorded?.flow ? `flow ${recorded.flow}` : recorded?.stock ? `stock ${recorded.stock}, ${recorded.measure ?? 'level'}` : recorded?.waste ? `waste ${recorded.waste}` : recorded?.emission ? `emission ${recorded.emission}, ${recorded.measure ?? 'direct'}` : '';
      return { name: output.label ?? output.name, of: `${of}${itemText(recorded?.item)}`, unit: output.unit ?? 'not recorded', record: output.record.join(', '), years: output.years.join('–') };
    }),
    figures,
    notDrawn,
    summaryCsv,
    quantiles,
  };
  return { ...written, title: `${sweep.model}: sweep`, source: `${shownPath(folder)}, a sweep folder of metabolis sweep`, runs: [], flows: [], factorSources: [], sweep: report };
}
