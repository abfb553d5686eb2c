import type { DerivedSeries } from '../../engine/simulate/solution.js';
import { totalOverItems } from '../../engine/analysis/peaks.js';
import { displayName } from '../adapters/displayName.js';
import type { RunSeries } from '../adapters/runSeries.js';
import { timeSeriesSvg, type TimeSeries } from '../charts/time-series.js';
import { formatQuantity } from '../figure/quantity.js';
import { figureBlock, type ReportSection } from './figureBlock.js';
import { h, text, textTable } from './html.js';

/** A run's CO2e series of one kind (emission, credit, net-emission) and id, summed over items, or undefined. */
function co2e(run: RunSeries, kind: DerivedSeries['kind'], id: string): Float64Array | undefined {
  const series = run.derived.find((candidate) => candidate.kind === kind && candidate.id === id);
  return series && totalOverItems(series.values, series.values.length / run.years.length);
}

const sum = (values: Float64Array | undefined) => (values ?? new Float64Array(0)).reduce((total, value) => total + value, 0);
const scenarioName = (run: RunSeries) => run.scenario ?? 'base model';

/**
 * Emissions of the runs that succeeded, for a model with an `emissions` section: net emissions
 * per scenario, each scenario's emissions and credits by route, and a table of totals over the
 * horizon with the savings against the baseline run (its net emissions minus the scenario's).
 */
export function emissionsSection(runs: readonly RunSeries[], baseline: string | undefined): ReportSection | undefined {
  const withEmissions = runs.filter((run) => co2e(run, 'net-emission', 'total') !== undefined);
  if (withEmissions.length === 0) return undefined;
  const { years, model } = withEmissions[0];
  const unit = withEmissions[0].derived.find((series) => series.kind === 'net-emission')!.unit;
  const totalUnit = unit.replace(/\/yr$/, '');
  const horizon = `${years[0]}–${years[years.length - 1]}`;
  const last = years.length - 1;

  const netSeries: TimeSeries[] = withEmissions.map((run) => ({ label: scenarioName(run), values: co2e(run, 'net-emission', 'total')! }));
  const net = timeSeriesSvg({ title: model, quantity: 'Net emissions', unit, years, series: netSeries }, { width: 'double' });
  const netCaption = `Net emissions (direct minus credits) per year, ${horizon}: ${netSeries.map(({ label, values }) => `${label} ${formatQuantity(sum(values as Float64Array), totalUnit)} in all`).join('; ')}.`;

  const routeFigures = withEmissions.map((run) => {
    const routes = run.derived.filter((series) => series.id !== 'total' && (series.kind === 'emission' || series.kind === 'credit'));
    const series = routes.map((route) => ({ label: `${displayName(route.id)}${route.kind === 'credit' ? ', credit' : ''}`, values: co2e(run, route.kind, route.id)! }));
    const svg = timeSeriesSvg({ title: model, quantity: 'Emissions by route', unit, years, series, scenario: scenarioName(run) }, { width: 'single' }).svg;
    const words = series.map(({ label, values }) => `${label} ${formatQuantity(sum(values), totalUnit)}`);
    const name = scenarioName(run);
    return figureBlock({ file: `emissions-${name}`, svg, alt: `Chart of emissions by route, scenario ${name}`, caption: `Scenario ${name}, ${horizon} in all: ${words.join('; ')}.`, width: 'single' });
  });

  const base = withEmissions.find((run) => scenarioName(run) === baseline);
  const baseNet = base && co2e(base, 'net-emission', 'total')!;
  const header = ['scenario', `direct, ${horizon}`, 'credits', 'net', `net in ${years[last]}`];
  if (baseNet && withEmissions.length > 1) header.push(`saved against ${baseline}, ${horizon}`, `saved in ${years[last]}`);
  const rows = withEmissions.map((run) => {
    const netValues = co2e(run, 'net-emission', 'total')!;
    const row = [scenarioName(run), sum(co2e(run, 'emission', 'total')), sum(co2e(run, 'credit', 'total')), sum(netValues), netValues[last]].map((value, i) =>
      typeof value === 'string' ? value : formatQuantity(value, i === 4 ? unit : totalUnit),
    );
    if (baseNet && withEmissions.length > 1) row.push(formatQuantity(sum(baseNet) - sum(netValues), totalUnit), formatQuantity(baseNet[last] - netValues[last], unit));
    return row;
  });
  const savings = baseNet && withEmissions.length > 1 ? ` Savings are the net emissions of ${baseline} minus those of the scenario: positive where the scenario emits less.` : '';
  const html =
    h('p', { class: 'lead' }, text(`Emissions in CO2e (the Overview states the GWP set; biogenic CO2 is reported but weighs nothing). Credits (energy recovered, production avoided) are kept apart: net = direct − credits.${savings}`)) +
    figureBlock({ file: 'net-emissions', svg: net.svg, alt: `Chart of net emissions per year, ${horizon}`, caption: netCaption }) +
    textTable(`Emissions, ${totalUnit} over ${horizon} and ${unit} in ${years[last]}`, header, rows, header.map((_, i) => i > 0)) +
    h('div', { class: 'figure-grid' }, ...routeFigures);
  return { id: 'emissions', title: 'Emissions', html };
}
