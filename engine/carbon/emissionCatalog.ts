import type { DerivedSeries } from '../simulate/solution.js';
import type { SolutionEmissions } from './emissionSeries.js';

/** The id of the totals over every route, which no route may take. */
export const TOTAL_ROUTE = 'total';

/**
 * A run's emissions as derived series (see Solution.derived): per route the CO2e it emits
 * ('emission') and avoids ('credit'), over the route's dims; and over all routes and items the
 * totals 'emission' total, 'credit' total and 'net-emission' total (direct − credits).
 */
export function emissionCatalog(emissions: SolutionEmissions, massUnit: string, years: number): DerivedSeries[] {
  const unit = `${massUnit} CO2e/yr`;
  const routes = new Map<string, { emission?: DerivedSeries; credit?: DerivedSeries }>();
  const totals = { emission: new Float64Array(years), credit: new Float64Array(years) };
  for (const series of emissions.series) {
    const kind = series.kind === 'direct' ? 'emission' : 'credit';
    const entry = routes.get(series.route) ?? {};
    const existing = entry[kind] ?? { kind, id: series.route, dims: series.dims, values: new Float64Array(series.co2e.length), unit };
    for (let i = 0; i < series.co2e.length; i++) existing.values[i] += series.co2e[i];
    entry[kind] = existing;
    routes.set(series.route, entry);
    const size = series.co2e.length / years;
    for (let t = 0; t < years; t++) for (let k = 0; k < size; k++) totals[kind][t] += series.co2e[t * size + k];
  }
  const derived: DerivedSeries[] = [];
  for (const entry of routes.values()) {
    if (entry.emission) derived.push(entry.emission);
    if (entry.credit) derived.push(entry.credit);
  }
  derived.push({ kind: 'emission', id: TOTAL_ROUTE, dims: [], values: totals.emission, unit });
  derived.push({ kind: 'credit', id: TOTAL_ROUTE, dims: [], values: totals.credit, unit });
  derived.push({ kind: 'net-emission', id: TOTAL_ROUTE, dims: [], values: totals.emission.map((value, t) => value - totals.credit[t]), unit });
  return derived;
}
