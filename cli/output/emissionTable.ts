import { itemLabels } from '../../engine/compile/dimensionIndex.js';
import { co2eTotals } from '../../engine/carbon/emissionSeries.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { csvLine } from './csv.js';

/**
 * A run's emissions in detail, tidy: a row per year, route, gas and dimension item, with the mass
 * of the gas and its CO2e. `kind` is direct or credit (avoided, reported apart).
 */
export function emissionRows(solution: Solution): Record<string, string | number>[] {
  const emissions = solution.emissions;
  if (emissions === undefined) return [];
  const dimensionNames = solution.dimensions.map((d) => d.name);
  const rows: Record<string, string | number>[] = [];
  for (const series of emissions.series) {
    const positions = series.dims.map((name) => dimensionNames.indexOf(name));
    const labels = itemLabels(series.dims.map((_, i) => i), positions.map((p) => solution.dimensions[p].items));
    solution.years.forEach((year, t) => {
      labels.forEach((label, k) => {
        const items = Object.fromEntries(dimensionNames.map((name, d) => [name, positions.includes(d) ? label[positions.indexOf(d)] : '']));
        const i = t * labels.length + k;
        rows.push({ year, route: series.route, kind: series.kind, gas: series.gas, ...items, value: series.values[i], co2e: series.co2e[i], unit: `${solution.unit}/yr` });
      });
    });
  }
  return rows;
}

export function emissionCsv(solution: Solution): string {
  const rows = emissionRows(solution);
  const header = ['year', 'route', 'kind', 'gas', ...solution.dimensions.map((d) => d.name), 'value', 'co2e', 'unit'];
  return rows.reduce((text, row) => text + csvLine(header.map((name) => row[name])), csvLine(header));
}

/** What summary.json says of the emissions: weights, conventions, direct, credits and net per year and in all, and the routes' labels (for figures of the folder). */
export function emissionSummary(solution: Solution) {
  const emissions = solution.emissions;
  if (emissions === undefined) return undefined;
  const { direct, credits, net } = co2eTotals(emissions, solution.years.length);
  const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);
  return {
    unit: `${solution.unit} CO2e`,
    gwp: emissions.gwp,
    biogenicCO2: emissions.biogenicCO2,
    total: { direct: sum(direct), credits: sum(credits), net: sum(net) },
    perYear: { direct: [...direct], credits: [...credits], net: [...net] },
    routes: [...new Set(emissions.series.map((series) => series.route))],
    routeLabels: Object.fromEntries(emissions.series.flatMap((series) => (series.label === undefined ? [] : [[series.route, series.label]]))),
  };
}
