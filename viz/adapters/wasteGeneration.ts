import { wasteGenerationParts } from '../../engine/analysis/wasteGeneration.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { resolveSeries, type ResolvedSeries } from './seriesRef.js';

/** The series whose sum is the waste a run generates (see engine/analysis/wasteGeneration.ts), resolved for the charts. */
export function wasteGenerationSeries(solution: Solution): ResolvedSeries[] {
  return wasteGenerationParts(solution).map((part) => resolveSeries(solution, part, 'stock-outflow'));
}
