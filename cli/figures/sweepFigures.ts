import { splitPeakYears } from '../../engine/sweep/estimators/index.js';
import { addFailureCounts } from '../../engine/sweep/failureCounts.js';
import type { OutputStatistic } from '../../engine/sweep/sweepJob.js';
import { displayName } from '../../viz/adapters/displayName.js';
import { fanChartSvg, morrisSvg, peakYearSvg, sobolSvg, type ChartOptions } from '../../viz/index.js';
import { UsageError } from '../failure.js';
import { slug } from '../output/slug.js';
import { readColumnBlock } from '../sweep/columnBlocks.js';
import { blockExclusionNote, censoredNote, failedRunsNote } from '../sweep/exclusionNotes.js';
import { readRunStatuses } from '../sweep/runStatuses.js';
import { sensitivity } from '../sweep/sensitivity.js';
import { readSummary } from '../sweep/summaryFile.js';
import type { PlotFigure } from './plotFigure.js';
import { outputUnit, sweepOutput, type SweepFolder, type SweepKind, type SweepOutput } from './sweepFolder.js';
import { numberLabel, numberUnit, outputLabel, outputNumber, type OutputNumber } from './sweepStatistic.js';

/** Which output (and, for the indices, which of its numbers) to draw; defaults as sweepOutput and outputNumber choose. */
export interface SweepChoice {
  readonly output?: string;
  readonly statistic?: string;
  readonly year?: number;
}

type Drawn = Omit<PlotFigure, 'name'>;

/**
 * A figure of a complete sweep folder: uncertainty fan, Sobol' or Morris indices, or the
 * distribution of the peak year. Runs that did not succeed are left out of every one, and a note
 * under the figure (and on the console) says how many, of which status, and for the indices
 * which blocks of runs went with them.
 */
export async function sweepFigure(kind: SweepKind, sweep: SweepFolder, choice: SweepChoice, chart: ChartOptions): Promise<PlotFigure> {
  const output = sweepOutput(sweep, kind, choice.output);
  const name = `${slug(sweep.model)}-${kind}-${slug(output.name)}`;
  if (kind === 'fan') return { name, ...(await fanFigure(sweep, output, chart)) };
  if (kind === 'peak-years') return { name, ...(await peakYearsFigure(sweep, output, chart)) };
  return { name, ...(await indicesFigure(kind, sweep, output, outputNumber(output, choice.statistic, choice.year), chart)) };
}

/** The per-year quantiles that summary.parquet holds (over the runs that succeeded): the 5–95 % and 25–75 % bands and the median. */
async function fanFigure(sweep: SweepFolder, output: SweepOutput, chart: ChartOptions): Promise<Drawn> {
  const rows = (await readSummary(sweep.folder, sweep.manifest)).filter((row) => row.output === output.name && row.statistic === 'value');
  const quantile = (key: 'p05' | 'p25' | 'p50' | 'p75' | 'p95') => rows.map((row) => row[key]);
  const runs = sweep.manifest.runs;
  const missing = Math.max(...rows.map((row) => row.missing));
  const notes = [
    ...failedRunsNote(failuresOf(sweep), runs),
    ...(missing > 0 ? [`up to ${missing} of the other runs have no value in a year; its quantiles leave them out`] : []),
  ];
  const input = {
    title: sweep.model,
    quantity: output.label ?? displayName(output.name),
    unit: outputUnit(sweep, output),
    years: rows.map((row) => row.year!),
    scenarios: [{ name: scenarioName(sweep), p05: quantile('p05'), p25: quantile('p25'), p50: quantile('p50'), p75: quantile('p75'), p95: quantile('p95') }],
    samples: runs - Math.max(0, ...rows.map((row) => row.failed)),
    notes,
  };
  return { svg: fanChartSvg(input, chart).svg, notes: [`output: ${output.name}`, ...notes] };
}

/** The peak years of the runs that succeeded, those still rising at the end and those falling from the start counted apart. */
async function peakYearsFigure(sweep: SweepFolder, output: SweepOutput, chart: ChartOptions): Promise<Drawn> {
  const read = async (statistic: OutputStatistic) => {
    const column = sweep.manifest.columns.findIndex((entry) => entry.output === output.name && entry.statistic === statistic);
    if (column < 0) throw new UsageError(`${sweep.folder} does not record whether the peaks of ${output.name} are censored (it was written by an older metabolis): run the sweep again to plot it`);
    return readColumnBlock(sweep.folder, sweep.manifest, column, column + 1);
  };
  const { status } = await readRunStatuses(sweep.folder, sweep.manifest, 0);
  const { peakYears, rising, falling, flat } = splitPeakYears(await read('peak_year'), await read('peak_status'), status);
  const [start, end] = output.years;
  const notes = failedRunsNote(failuresOf(sweep), sweep.manifest.runs);
  const input = { title: sweep.model, quantity: outputLabel(output), horizon: { start, end }, peakYears, rising, falling, flat, scenario: scenarioName(sweep), notes };
  return { svg: peakYearSvg(input, chart).svg, notes: [`output: ${output.name}`, ...notes] };
}

/** Sobol' or Morris indices of one number of an output, by the estimators `metabolis sensitivity` prints. */
async function indicesFigure(kind: 'sobol' | 'morris', sweep: SweepFolder, output: SweepOutput, number: OutputNumber, chart: ChartOptions): Promise<Drawn> {
  const report = await sensitivity(sweep.folder, { outputs: [output.name], ...(number.year === null ? {} : { year: number.year }) });
  const indices = report.columns.find(({ column }) => column.statistic === number.statistic && column.year === number.year)!;
  const label = numberLabel(output, number);
  const choose = 'choose another --statistic or --output';
  if (indices.missing > 0) throw new UsageError(`no indices of ${label}: ${indices.missing} runs have no value for it (${choose})`);
  const constant = indices.variance === 0 || indices.factors.every((factor) => 'muStar' in factor && factor.muStar === 0 && factor.sigma === 0);
  if (constant) throw new UsageError(`no indices of ${label}: it is the same in every run (${choose})`);
  const notes = [...blockExclusionNote(report.excluded), ...censoredNote(indices)];
  const factorName = (factor: string) => report.labels?.factors[factor] ?? factor;
  if (kind === 'morris') {
    const parameters = indices.factors.flatMap((factor) => ('muStar' in factor ? [{ name: factorName(factor.factor), muStar: factor.muStar, sigma: factor.sigma }] : []));
    const trajectories = report.excluded.blocks - report.excluded.dropped;
    const input = { title: sweep.model, output: label, unit: numberUnit(sweep, output, number), parameters, trajectories, scenario: scenarioName(sweep), notes };
    return { svg: morrisSvg(input, chart).svg, notes: [`output: ${output.name}, ${label}`, ...notes, "elementary effects are per whole range of each factor (a factor's [0, 1] scale)"] };
  }
  const parameters = indices.factors.flatMap((factor) =>
    'first' in factor
      ? [{ name: factorName(factor.factor), first: { value: factor.first, low: factor.firstLow, high: factor.firstHigh }, total: { value: factor.total, low: factor.totalLow, high: factor.totalHigh } }]
      : [],
  );
  if (!parameters.every(({ first, total }) => [first.low, first.high, total.low, total.high].every(Number.isFinite))) {
    throw new UsageError(`no confidence intervals of ${label}: in some bootstrap resamples it does not vary (sweep with a larger n, or ${choose})`);
  }
  const input = { title: sweep.model, output: label, parameters, confidence: report.level, samples: report.used, scenario: scenarioName(sweep), notes };
  return { svg: sobolSvg(input, chart).svg, notes: [`output: ${output.name}, ${label}`, ...notes] };
}

/** The runs of the sweep that did not succeed, by status, as the manifest lists them per part. */
function failuresOf(sweep: SweepFolder) {
  return addFailureCounts(sweep.manifest.parts.map((part) => part.failures ?? {}));
}

/** Every figure states its scenario; a sweep of none is of the base model. */
function scenarioName(sweep: SweepFolder): string {
  return sweep.scenario ?? 'base model';
}
