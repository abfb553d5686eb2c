import { figureBlock, type FigureBlock, type ReportSection } from './figureBlock.js';
import { factList, h, text, textTable } from './html.js';

/** What a report shows of a sweep folder, read by the CLI (cli/report/sweepReport.ts). */
export interface SweepReport {
  readonly folder: string;
  readonly model: string;
  readonly modelHash: string | undefined;
  readonly scenario: string | undefined;
  readonly sampler: string;
  readonly n: number | null;
  readonly seed: number | undefined;
  readonly runs: number;
  /** Runs that did not succeed, by status, in words ("invalid-shares 3"); empty when every run succeeded. */
  readonly failures: string;
  readonly factors: readonly { readonly name: string; readonly varies: string; readonly distribution: string }[];
  readonly outputs: readonly { readonly name: string; readonly of: string; readonly unit: string; readonly record: string; readonly years: string }[];
  readonly figures: readonly FigureBlock[];
  /** Figures that could not be drawn, and why. */
  readonly notDrawn: readonly string[];
  /** summary.parquet as CSV: per output, statistic and year, the distribution over the runs that succeeded. */
  readonly summaryCsv: string;
  /** Per output with yearly values: the quantiles by year, for the table view. */
  readonly quantiles: readonly { readonly caption: string; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }[];
}

/** The sweep's design, its uncertainty and sensitivity figures, and its summary as tables and CSV. */
export function sweepSections(sweep: SweepReport): ReportSection[] {
  const facts = factList([
    ['Model', text(`${sweep.model}${sweep.modelHash ? ` (${sweep.modelHash})` : ''}`)],
    ['Scenario', text(sweep.scenario ?? 'base model')],
    ['Sampler', text(`${sweep.sampler}${sweep.n === null ? '' : `, n = ${sweep.n}`}${sweep.seed === undefined ? '' : `, seed ${sweep.seed}`}`)],
    ['Runs', text(`${sweep.runs}${sweep.failures ? `; did not succeed: ${sweep.failures} (left out of every figure and table)` : ', all succeeded'}`)],
  ]);
  const factors = textTable('Factors', ['factor', 'varies', 'distribution'], sweep.factors.map((factor) => [factor.name, factor.varies, factor.distribution]));
  const outputs = textTable('Outputs', ['output', 'of', 'unit', 'recorded', 'years'], sweep.outputs.map((output) => [output.name, output.of, output.unit, output.record, output.years]));
  const design: ReportSection = { id: 'sweep', title: 'Sweep', html: h('p', { class: 'lead' }, text(`The sweep in ${sweep.folder}.`)) + facts + factors + outputs };

  const notDrawn = sweep.notDrawn.length > 0 ? h('ul', { class: 'note' }, ...sweep.notDrawn.map((note) => h('li', {}, text(note)))) : '';
  const figures: ReportSection = { id: 'uncertainty', title: 'Uncertainty and sensitivity', html: h('div', { class: 'figure-grid' }, ...sweep.figures.map(figureBlock)) + notDrawn };

  const tables: ReportSection = {
    id: 'tables',
    title: 'Tables',
    html:
      h('p', { class: 'lead' }, 'The summary of the sweep (summary.parquet): per output, statistic and year, the distribution over the runs that succeeded.') +
      h('div', { class: 'controls' }, h('button', { type: 'button', class: 'download-text', 'data-key': 'summary', 'data-name': 'summary.csv' }, 'Download the summary (CSV)')) +
      sweep.quantiles.map((table) => h('details', {}, h('summary', {}, text(table.caption)), textTable(table.caption, table.header, table.rows, table.header.map((_, i) => i > 0)))).join(''),
  };
  return [design, figures, tables];
}
