import { displayName } from '../../viz/adapters/displayName.js';
import { fanChartSvg, morrisSvg, peakYearSvg, sobolSvg, type ChartOptions } from '../../viz/index.js';
import { UsageError } from '../failure.js';
import { slug } from '../output/slug.js';
import { readColumnBlock } from '../sweep/columnBlocks.js';
import { sensitivity } from '../sweep/sensitivity.js';
import { readSummary } from '../sweep/summaryFile.js';
import type { PlotFigure } from './plotFigure.js';
import { outputUnit, sweepOutput, type SweepFolder, type SweepKind, type SweepOutput } from './sweepFolder.js';
import { numberLabel, numberUnit, outputNumber, type OutputNumber } from './sweepStatistic.js';

/** Which output (and, for the indices, which of its numbers) to draw; defaults as sweepOutput and outputNumber choose. */
export interface SweepChoice {
  readonly output?: string;
  readonly statistic?: string;
  readonly year?: number;
}

type Drawn = Omit<PlotFigure, 'name'>;

/** A figure of a complete sweep folder: uncertainty fan, Sobol' or Morris indices, or the distribution of the peak year. */
export async function sweepFigure(kind: SweepKind, sweep: SweepFolder, choice: SweepChoice, chart: ChartOptions): Promise<PlotFigure> {
  const output = sweepOutput(sweep, kind, choice.output);
  const name = `${slug(sweep.model)}-${kind}-${slug(output.name)}`;
  if (kind === 'fan') return { name, ...(await fanFigure(sweep, output, chart)) };
  if (kind === 'peak-years') return { name, ...(await peakYearsFigure(sweep, output, chart)) };
  return { name, ...(await indicesFigure(kind, sweep, output, outputNumber(output, choice.statistic, choice.year), chart)) };
}

/** The per-year quantiles that summary.parquet holds: the 5–95 % and 25–75 % bands and the median. */
async function fanFigure(sweep: SweepFolder, output: SweepOutput, chart: ChartOptions): Promise<Drawn> {
  const rows = (await readSummary(sweep.folder, sweep.manifest)).filter((row) => row.output === output.name && row.statistic === 'value');
  const quantile = (key: 'p05' | 'p25' | 'p50' | 'p75' | 'p95') => rows.map((row) => row[key]);
  const input = {
    title: sweep.model,
    quantity: displayName(output.name),
    unit: outputUnit(sweep, output),
    years: rows.map((row) => row.year!),
    scenarios: [{ name: scenarioName(sweep), p05: quantile('p05'), p25: quantile('p25'), p50: quantile('p50'), p75: quantile('p75'), p95: quantile('p95') }],
    samples: sweep.manifest.runs,
  };
  const missing = Math.max(...rows.map((row) => row.missing));
  return {
    svg: fanChartSvg(input, chart).svg,
    notes: [`output: ${output.name}`, ...(missing > 0 ? [`up to ${missing} of ${sweep.manifest.runs} runs have no value in a year; its quantiles leave them out`] : [])],
  };
}

async function peakYearsFigure(sweep: SweepFolder, output: SweepOutput, chart: ChartOptions): Promise<Drawn> {
  const column = sweep.manifest.columns.findIndex((entry) => entry.output === output.name && entry.statistic === 'peak_year');
  const recorded = await readColumnBlock(sweep.folder, sweep.manifest, column, column + 1);
  const [start, end] = output.years;
  // Ties go to the earliest year, so a peak in the last year is a series still rising there: no peak within the horizon.
  const peakYears = Array.from(recorded).filter((year) => !Number.isNaN(year)).map((year) => (year === end ? NaN : year));
  const missing = recorded.length - peakYears.length;
  const input = { title: sweep.model, quantity: output.name.replace(/_+/g, ' '), horizon: { start, end }, peakYears, scenario: scenarioName(sweep) };
  return {
    svg: peakYearSvg(input, chart).svg,
    notes: [`output: ${output.name}`, ...(missing > 0 ? [`${missing} runs without a peak year (failed, or zero throughout) are left out`] : [])],
  };
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
  const notes = [`output: ${output.name}, ${label}`];
  if (kind === 'morris') {
    const parameters = indices.factors.flatMap((factor) => ('muStar' in factor ? [{ name: factor.factor, muStar: factor.muStar, sigma: factor.sigma }] : []));
    const input = { title: sweep.model, output: label, unit: numberUnit(sweep, output, number), parameters, trajectories: sweep.n ?? undefined, scenario: scenarioName(sweep) };
    return { svg: morrisSvg(input, chart).svg, notes: [...notes, "elementary effects are per whole range of each factor (a factor's [0, 1] scale)"] };
  }
  const parameters = indices.factors.flatMap((factor) =>
    'first' in factor
      ? [{ name: factor.factor, first: { value: factor.first, low: factor.firstLow, high: factor.firstHigh }, total: { value: factor.total, low: factor.totalLow, high: factor.totalHigh } }]
      : [],
  );
  if (!parameters.every(({ first, total }) => [first.low, first.high, total.low, total.high].every(Number.isFinite))) {
    throw new UsageError(`no confidence intervals of ${label}: in some bootstrap resamples it does not vary (sweep with a larger n, or ${choose})`);
  }
  const input = { title: sweep.model, output: label, parameters, confidence: report.level, samples: report.runs, scenario: scenarioName(sweep) };
  return { svg: sobolSvg(input, chart).svg, notes };
}

/** Every figure states its scenario; a sweep of none is of the base model. */
function scenarioName(sweep: SweepFolder): string {
  return sweep.scenario ?? 'base model';
}
