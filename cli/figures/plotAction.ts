import type { TidyKind } from '../../engine/analysis/tidyTable.js';
import { SERIES_KINDS } from '../../viz/adapters/index.js';
import type { ChartOptions } from '../../viz/index.js';
import { UsageError } from '../failure.js';
import { figureFormat, writeFigure } from './figureFile.js';
import { integerFlag, numberFlag, periodFlags, widthFlag } from './flags.js';
import { modelFigure } from './modelPlots.js';
import { openModel } from './modelRuns.js';
import { dataFolders } from '../dataRoots.js';
import type { PlotFigure } from './plotFigure.js';
import { checkFlagsFit, checkFolderScenario, fittingKind, plotSource } from './plotSource.js';
import { readRunFolder } from './runFolder.js';
import { MODEL_KINDS, RUN_KINDS, type ModelKind, type RunKind } from './runKinds.js';
import { runFigure } from './runPlots.js';
import { sweepFigure } from './sweepFigures.js';
import { openSweepFolder, sweepKinds, type SweepKind } from './sweepFolder.js';

export interface PlotFlags {
  readonly kind?: string;
  readonly series?: string;
  readonly seriesKind?: string;
  readonly by?: string;
  readonly stacked?: boolean;
  readonly tolerance?: string;
  readonly output?: string;
  readonly statistic?: string;
  readonly year?: string;
  readonly span?: string;
  readonly aggregate?: string;
  readonly baseline?: string;
  readonly route?: string;
  readonly scenario: readonly string[];
  readonly width?: string;
  readonly out?: string;
  readonly dpi: string;
  readonly dataRoot?: string[];
}

/** `metabolis plot <source>`: draw a figure of a model, a results folder or a sweep folder. */
export async function drawPlot(path: string, flags: PlotFlags): Promise<void> {
  const chart: ChartOptions = { width: widthFlag(flags.width) };
  const dpi = integerFlag('--dpi', flags.dpi);
  if (flags.out !== undefined) figureFormat(flags.out);
  const figure = await plotFigure(path, flags, chart);
  const out = flags.out ?? `${figure.name}.svg`;
  const notes = [...figure.notes, ...(await writeFigure(out, figure.svg, dpi))];
  process.stdout.write(`${[`wrote ${out}`, ...notes].join('\n')}\n`);
}

async function plotFigure(path: string, flags: PlotFlags, chart: ChartOptions): Promise<PlotFigure> {
  const source = plotSource(path);
  const given = {
    '--series': flags.series,
    '--series-kind': flags.seriesKind,
    '--by': flags.by,
    '--stacked': flags.stacked,
    '--tolerance': flags.tolerance,
    '--output': flags.output,
    '--statistic': flags.statistic,
    '--year': flags.year,
    '--span': flags.span,
    '--aggregate': flags.aggregate,
    '--baseline': flags.baseline,
    '--route': flags.route,
  };
  if (source === 'sweep folder') {
    const sweep = openSweepFolder(path);
    const kind = fittingKind(flags.kind, sweepKinds(sweep), path, `${sweep.sampler} sweep`) as SweepKind;
    checkFlagsFit(kind, given);
    checkFolderScenario(flags.scenario, sweep.scenario, path);
    const year = flags.year === undefined ? undefined : integerFlag('--year', flags.year);
    return sweepFigure(kind, sweep, { output: flags.output, statistic: flags.statistic, year }, chart);
  }
  const kind = fittingKind(flags.kind, source === 'model' ? [...RUN_KINDS, ...MODEL_KINDS] : RUN_KINDS, path, source);
  checkFlagsFit(kind, given);
  if ((MODEL_KINDS as readonly string[]).includes(kind)) {
    const period = periodFlags(flags.year, flags.span, flags.aggregate ?? 'sum');
    return modelFigure(kind as ModelKind, openModel(path, dataFolders(flags)), { scenarios: flags.scenario, baseline: flags.baseline, route: flags.route, period }, chart);
  }
  if (flags.seriesKind !== undefined && !(SERIES_KINDS as readonly string[]).includes(flags.seriesKind)) {
    throw new UsageError(`--series-kind must be one of ${SERIES_KINDS.join(', ')} (got ${flags.seriesKind})`);
  }
  if (kind === 'series' && flags.series === undefined) throw new UsageError('--kind series needs --series <flow id or stock name>');
  const series = flags.series === undefined ? undefined : { id: flags.series, ...(flags.seriesKind ? { kind: flags.seriesKind as TidyKind } : {}) };
  const choice = { series, by: flags.by === 'total' ? null : flags.by, stacked: flags.stacked === true, tolerance: numberFlag('--tolerance', flags.tolerance, false) };
  if (source === 'run folder') {
    const run = readRunFolder(path);
    checkFolderScenario(flags.scenario, run.scenario, path);
    return runFigure(kind as RunKind, [run], choice, chart, { flows: run.flowLabels, indicators: run.indicatorLabels ?? [] });
  }
  const model = openModel(path, dataFolders(flags));
  const everyScenario = kind === 'waste-peaks' && model.scenarios.length > 0 ? model.scenarios : [undefined];
  const indicators = model.definition.indicators.map(({ name, label }) => ({ id: name, label }));
  return runFigure(kind as RunKind, model.run(flags.scenario.length > 0 ? flags.scenario : everyScenario), choice, chart, { flows: model.definition.flows, indicators });
}
