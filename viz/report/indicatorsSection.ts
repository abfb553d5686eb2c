import { totalOverItems } from '../../engine/analysis/peaks.js';
import { evaluateTargets } from '../../engine/analysis/targets.js';
import type { IndicatorDefinition, TargetDefinition } from '../../engine/definition/indicatorTypes.js';
import { displayName } from '../adapters/displayName.js';
import type { RunSeries } from '../adapters/runSeries.js';
import { timeSeriesSvg } from '../charts/time-series.js';
import { formatNumber } from '../figure/quantity.js';
import { figureBlock, type ReportSection } from './figureBlock.js';
import { h, text, textTable } from './html.js';

const scenarioName = (run: RunSeries) => run.scenario ?? 'base model';

/**
 * The model's indicators across the runs that succeeded, one chart each (every scenario a line),
 * and its targets: per target and scenario the indicator in the target year, met or missed, by
 * how much, the first year it is met, and which target binds in each scenario.
 */
export function indicatorsSection(runs: readonly RunSeries[], indicators: readonly IndicatorDefinition[], targets: readonly TargetDefinition[]): ReportSection | undefined {
  const withIndicators = runs.filter((run) => run.derived.some((series) => series.kind === 'indicator'));
  if (withIndicators.length === 0 || indicators.length === 0) return undefined;
  const { years, model } = withIndicators[0];
  const figures = indicators.map((indicator) => {
    const label = indicator.label ?? displayName(indicator.name);
    const series = withIndicators.map((run) => {
      const found = run.derived.find((candidate) => candidate.kind === 'indicator' && candidate.id === indicator.name)!;
      return { label: scenarioName(run), values: totalOverItems(found.values, found.values.length / years.length), unit: found.unit };
    });
    const unit = series[0].unit === '1' ? '' : series[0].unit;
    const svg = timeSeriesSvg({ title: model, quantity: label, unit, years, series: series.map(({ label: name, values }) => ({ label: name, values })) }, { width: 'single' }).svg;
    const last = years.length - 1;
    const words = series.map(({ label: name, values }) => `${name} ${formatNumber(values[last])}${unit ? ` ${unit}` : ''} in ${years[last]}`).join('; ');
    return figureBlock({ file: `indicator-${indicator.name}`, svg, alt: `Chart of the indicator ${label} per year and scenario`, caption: `${label}${indicator.changeFrom !== undefined ? `, change from ${indicator.changeFrom}` : ''}: ${words}.`, width: 'single' });
  });
  let table = '';
  if (targets.length > 0) {
    const header = ['target', 'scenario', 'indicator in its year', 'threshold', 'outcome', 'margin', 'first year met'];
    const rows = withIndicators.flatMap((run) =>
      evaluateTargets(run, targets).map((result) => [
        `${result.label ?? result.name}${result.binding ? ' (binds)' : ''}`,
        scenarioName(run),
        formatNumber(result.value),
        `${result.comparison === 'at-least' ? '≥' : '≤'} ${formatNumber(result.threshold)} in ${result.year}`,
        result.met ? 'met' : 'missed',
        formatNumber(result.margin),
        result.firstYearMet === undefined ? 'never' : String(result.firstYearMet),
      ]),
    );
    table = textTable('Targets per scenario: the indicator in the target year, and whether it meets the threshold', header, rows, [false, false, true, false, false, true, false]);
  }
  const lead = h('p', { class: 'lead' }, text('Indicators are the model\'s own expressions over its results, per year. A target binds in a scenario when it is the one met by the least, or missed by the most, relative to its threshold.'));
  return { id: 'indicators', title: 'Indicators and targets', html: lead + table + h('div', { class: 'figure-grid' }, ...figures) };
}
