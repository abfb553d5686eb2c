import type { IndicatorDefinition, TargetDefinition } from '../../engine/definition/indicatorTypes.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { ComparisonInput, ComparisonPanel } from '../charts/comparison.js';
import { displayName, type FlowLook } from './displayName.js';
import { checkSameYears } from './sameYears.js';
import { solutionWastePeakInput, wastePeakSeries } from './solutionWastePeak.js';

export interface ComparisonOptions {
  /** The model's indicators, for their labels; an indicator without one is named from its id. */
  readonly indicators?: readonly Pick<IndicatorDefinition, 'name' | 'label'>[];
  /** The model's targets: each is marked in its indicator's panel. */
  readonly targets?: readonly Pick<TargetDefinition, 'indicator' | 'year' | 'comparison' | 'value'>[];
  /** The model's flows, for their labels. */
  readonly flows?: readonly FlowLook[];
  /** Default: the model's name. */
  readonly title?: string;
}

/**
 * Runs of several scenarios as the comparison chart: a panel of the waste generated (when the
 * model marks waste), then one per indicator, in the model's order, each with its targets. A
 * dimensionless indicator (a rate, a change from a base year) is shown in per cent. An indicator
 * with a value per item has no single line per scenario and is left out, with a note.
 */
export function comparisonInput(solutions: readonly Solution[], options: ComparisonOptions = {}): ComparisonInput {
  const years = checkSameYears(solutions);
  const panels: ComparisonPanel[] = [];
  if (wastePeakSeries(solutions[0], undefined).length > 0) {
    const waste = solutionWastePeakInput(solutions, { flows: options.flows });
    panels.push({ title: waste.quantity, unit: waste.unit, values: waste.scenarios.map((scenario) => scenario.values) });
  }
  const labels = new Map((options.indicators ?? []).map((indicator) => [indicator.name, indicator.label]));
  const indicators = solutions[0].derived.filter((series) => series.kind === 'indicator');
  const byItem = indicators.filter((series) => series.dims.length > 0);
  for (const indicator of indicators) {
    if (indicator.dims.length > 0) continue;
    const percent = indicator.unit === '1';
    const scale = percent ? 100 : 1;
    const values = solutions.map((solution) => solution.derived.find((series) => series.kind === 'indicator' && series.id === indicator.id)!.values.map((value) => value * scale));
    const targets = (options.targets ?? []).filter((target) => target.indicator === indicator.id).map((target) => ({ year: target.year, comparison: target.comparison, value: target.value * scale }));
    panels.push({ title: labels.get(indicator.id) ?? displayName(indicator.id), unit: percent ? '%' : indicator.unit, values, targets });
  }
  const notes = byItem.map((series) => `${series.id} has a value per item (of ${series.dims.join(' and ')}) and is not drawn here.`);
  return { title: options.title ?? solutions[0].model, years, scenarios: solutions.map((solution) => solution.scenario ?? 'base model'), panels, notes };
}
