import type { Solution } from '../../engine/simulate/solution.js';
import { emissionFacts, solutionEmissionsInput, solutionTimeSeriesInput, solutionWastePeakInput, wastePeakSeries, type FlowLook, type SavedRun, type SeriesRef } from '../../viz/adapters/index.js';
import { emissionsSvg, timeSeriesSvg, wastePeakSvg, type ChartOptions } from '../../viz/index.js';
import { UsageError } from '../failure.js';
import { slug } from '../output/slug.js';
import { requireSuccess } from './modelRuns.js';
import type { PlotFigure } from './plotFigure.js';
import type { RunKind } from './runKinds.js';


/** What the model calls its flows and indicators: a model's definition, or what a results folder recorded. */
export interface ModelLabels {
  readonly flows: readonly FlowLook[];
  readonly indicators: readonly FlowLook[];
}

export interface RunChoice {
  /** waste-peaks: one stream instead of all waste generated; series: the flow or stock to draw. */
  readonly series: SeriesRef | undefined;
  /** series: the dimension with a line per item; null for the total. */
  readonly by: string | null | undefined;
  readonly stacked: boolean;
  /** waste-peaks: another hump within this share of the peak is marked as a near tie (default 0). */
  readonly tolerance?: number | undefined;
}

/** A chart of runs over time, from a model's runs or a results folder's saved run alike; `labels` give the model's flow and indicator labels. */
export function runFigure(kind: RunKind, runs: readonly (Solution | SavedRun)[], choice: RunChoice, chart: ChartOptions, labels: ModelLabels): PlotFigure {
  const { flows, indicators } = labels;
  const routes = emissionFacts(runs[0])?.routeLabels ?? [];
  requireSuccess(runs);
  const notes: string[] = [];
  const single = runs.length === 1 && runs[0].scenario !== undefined ? `-${slug(runs[0].scenario)}` : '';
  const name = `${slug(runs[0].model)}${single}-${kind}`;
  if (kind === 'series') {
    const input = solutionTimeSeriesInput(runs, { series: choice.series!, by: choice.by, flows, indicators, routes });
    return { svg: timeSeriesSvg(input, { ...chart, mode: choice.stacked ? 'stacked' : 'lines' }).svg, notes, name };
  }
  if (kind === 'emissions') {
    if (runs.length > 1) throw new UsageError('--kind emissions draws one scenario: give -s once');
    if (emissionFacts(runs[0]) === undefined) throw new UsageError(`--kind emissions needs a model with an emissions section: ${runs[0].model} has none${'emissions' in runs[0] ? '' : ' (or its results folder was written before metabolis recorded emissions)'}`);
    return { svg: emissionsSvg(solutionEmissionsInput(runs[0]), chart).svg, notes, name };
  }
  const svg = wastePeakSvg(solutionWastePeakInput(runs, { series: choice.series, flows, indicators, routes }), { ...chart, tolerance: choice.tolerance }).svg;
  if (!choice.series) {
    const parts = wastePeakSeries(runs[0], undefined).map((part) => (part.kind === 'flow' ? part.id : `${part.id} (${part.kind})`));
    notes.push(`waste generated: the sum of ${parts.join(', ')}`);
  }
  return { svg, notes, name };
}
