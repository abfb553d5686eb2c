import type { TargetDefinition } from '../definition/indicatorTypes.js';
import type { Solution } from '../simulate/solution.js';

/** How a run does against one target. */
export interface TargetResult {
  readonly name: string;
  readonly label: string | undefined;
  readonly indicator: string;
  readonly year: number;
  readonly comparison: TargetDefinition['comparison'];
  readonly threshold: number;
  /** The indicator's value in the target year. */
  readonly value: number;
  readonly met: boolean;
  /** By how much it is met (positive) or missed (negative), in the indicator's unit. */
  readonly margin: number;
  /** The first year from the horizon's start in which the indicator meets the comparison; undefined if none. */
  readonly firstYearMet: number | undefined;
  /** The target that binds: the one with the smallest margin relative to its threshold (missed by the most, or met by the least). */
  readonly binding: boolean;
}

/**
 * Each target against the run's indicator in its year: met or missed, by how much, and the first
 * year the comparison holds. Of several targets the binding one is the one with the smallest
 * margin relative to the size of its threshold (or to 1 for a threshold of 0), which makes a
 * −15 % change and a 70 % rate comparable.
 */
export function evaluateTargets(solution: Pick<Solution, 'derived' | 'years'>, targets: readonly TargetDefinition[]): TargetResult[] {
  const results = targets.map((target) => {
    const series = solution.derived.find((candidate) => candidate.kind === 'indicator' && candidate.id === target.indicator);
    const values = series?.values ?? new Float64Array(solution.years.length).fill(NaN);
    const holds = (value: number) => (target.comparison === 'at-least' ? value >= target.value : value <= target.value);
    const value = values[target.year - solution.years[0]];
    const margin = target.comparison === 'at-least' ? value - target.value : target.value - value;
    const first = values.findIndex((candidate) => holds(candidate));
    return {
      name: target.name,
      label: target.label,
      indicator: target.indicator,
      year: target.year,
      comparison: target.comparison,
      threshold: target.value,
      value,
      met: holds(value),
      margin,
      firstYearMet: first < 0 ? undefined : solution.years[first],
      relative: margin / (Math.abs(target.value) || 1),
    };
  });
  const bindingIndex = results.reduce((best, result, i) => (Number.isNaN(result.relative) ? best : best < 0 || result.relative < results[best].relative ? i : best), -1);
  return results.map(({ relative: _relative, ...result }, i) => ({ ...result, binding: i === bindingIndex }));
}
