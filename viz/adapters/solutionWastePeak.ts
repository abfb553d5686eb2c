import { totalOverItems } from '../../engine/analysis/peaks.js';
import { OptionsError } from '../../engine/errors.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { WastePeakInput } from '../charts/waste-peak.js';
import { flowNamer, type FlowLook } from './displayName.js';
import { resolveSeries, seriesQuantity, type ResolvedSeries, type SeriesRef } from './seriesRef.js';
import { checkSameYears } from './sameYears.js';
import type { SavedRun } from './tableRun.js';
import { wasteGenerationSeries } from './wasteGeneration.js';

export interface SolutionWastePeakOptions {
  /** One waste stream (a flow, or a stock's outflow by the stock's name); default: all waste generated. */
  readonly series?: SeriesRef;
  /** Default: the model's name. */
  readonly title?: string;
  /** The model's flows, for their labels; a flow without one is named from its id. */
  readonly flows?: readonly FlowLook[];
  /** The model's indicators and emission routes (by id), for their labels; likewise. */
  readonly indicators?: readonly FlowLook[];
  readonly routes?: readonly FlowLook[];
}

/**
 * The series a waste-peak chart of this run sums: the one asked for, or every waste stream at the
 * head of its chain: found from a Solution's network, or as a saved run recorded them.
 */
export function wastePeakSeries(run: Solution | SavedRun, series: SeriesRef | undefined): ResolvedSeries[] {
  if (series) return [resolveSeries(run, series, 'stock-outflow')];
  if (!('wasteGeneration' in run)) return wasteGenerationSeries(run);
  if (run.wasteGeneration === undefined) throw new OptionsError('series', 'must be given: the saved run does not record which streams make up the waste generated (run the model again to record them)');
  return run.wasteGeneration.map((ref) => resolveSeries(run, ref, 'stock-outflow'));
}

/** Runs of one model (one per scenario, or saved runs) as a waste-peak chart: one line per run, its peak marked. */
export function solutionWastePeakInput(solutions: readonly (Solution | SavedRun)[], options: SolutionWastePeakOptions = {}): WastePeakInput {
  const years = checkSameYears(solutions);
  const scenarios = solutions.map((solution) => {
    const parts = wastePeakSeries(solution, options.series);
    if (parts.length === 0) throw new OptionsError('series', `must be given: ${solution.model} marks no waste stream and has no stock outflow`);
    const sum = new Float64Array(years.length);
    for (const part of parts) {
      const totals = totalOverItems(part.values, part.values.length / years.length);
      for (let t = 0; t < years.length; t++) sum[t] += totals[t];
    }
    return { name: solution.scenario ?? 'base model', values: sum, unit: parts[0].unit, quantity: options.series ? seriesQuantity(parts[0], { flow: flowNamer(options.flows), indicator: flowNamer(options.indicators), route: flowNamer(options.routes) }) : 'Waste generated' };
  });
  return {
    title: options.title ?? solutions[0].model,
    quantity: scenarios[0].quantity,
    unit: scenarios[0].unit,
    years,
    scenarios: scenarios.map(({ name, values }) => ({ name, values })),
  };
}
