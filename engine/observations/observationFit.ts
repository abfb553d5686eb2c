import type { Solution } from '../simulate/solution.js';
import { modelValues } from './modelValues.js';
import type { CompiledObservation } from './observationTypes.js';

export interface ObservedPointFit {
  readonly year: number;
  readonly observed: number;
  readonly sd: number;
  readonly model: number;
  /** model − observed. */
  readonly error: number;
  /** error / observed; NaN where the observed value is 0. */
  readonly relativeError: number;
}

/** How a run reproduces one observed series: an observation, one item of its dims. */
export interface ObservedSeriesFit {
  readonly observation: string;
  readonly label: string | undefined;
  readonly subject: string;
  /** The items of the observation's dims this series is of ([] without dims), and those it fixes. */
  readonly items: readonly string[];
  readonly fixedItems: string;
  readonly unit: string;
  readonly points: readonly ObservedPointFit[];
  /** 100/n · Σ |error/observed|; NaN when an observed value is 0. */
  readonly mape: number;
  /** Mean error (model − observed), in `unit`. */
  readonly bias: number;
  /** Σ error / Σ observed: the bias as a share of what was observed. */
  readonly relativeBias: number;
  /** Σ (error/sd)² over the values with sd > 0, and how many those are: χ²/n near 1 is a fit within the stated uncertainty. */
  readonly chiSquare: number;
  readonly weighted: number;
}

/**
 * The fit of a solution to each observed series, per year: error, relative error, and over the
 * years MAPE, bias (absolute and relative) and the sum of squared standardised errors. Substance
 * observations are left out: a run computes the goods only.
 */
export function observationFit(solution: Solution, observations: readonly CompiledObservation[]): ObservedSeriesFit[] {
  const first = solution.years[0];
  return observations.flatMap((observation) => {
    if (observation.substance !== undefined) return [];
    const model = modelValues(solution, observation);
    const { t, group, value, sd } = observation.points;
    return observation.groups.flatMap((observed, g): ObservedSeriesFit[] => {
      const points: ObservedPointFit[] = [];
      let absolutePercent = 0;
      let errorSum = 0;
      let observedSum = 0;
      let chiSquare = 0;
      let weighted = 0;
      for (let i = 0; i < t.length; i++) {
        if (group[i] !== g) continue;
        const error = model[i] - value[i];
        const relativeError = value[i] === 0 ? NaN : error / value[i];
        points.push({ year: first + t[i], observed: value[i], sd: sd[i], model: model[i], error, relativeError });
        absolutePercent += Math.abs(relativeError);
        errorSum += error;
        observedSum += value[i];
        if (sd[i] > 0) {
          chiSquare += (error / sd[i]) ** 2;
          weighted++;
        }
      }
      if (points.length === 0) return [];
      const n = points.length;
      return [
        {
          observation: observation.name,
          label: observation.label,
          subject: observation.subject,
          items: observed.items,
          fixedItems: observation.fixedItems,
          unit: observation.unit,
          points,
          mape: (100 * absolutePercent) / n,
          bias: errorSum / n,
          relativeBias: errorSum / observedSum,
          chiSquare,
          weighted,
        },
      ];
    });
  });
}

/** The items a series is of, in words: `material paper; north` (fixed items, then those of its dims), or ''. */
export function seriesItems(series: Pick<ObservedSeriesFit, 'fixedItems' | 'items'>): string {
  return [series.fixedItems, series.items.join(', ')].filter((part) => part !== '').join('; ');
}
