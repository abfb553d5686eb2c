import type { DerivedKind, DerivedSeries } from '../simulate/solution.js';
import type { CompiledEmissions, CompiledRoute } from './compiledEmissions.js';
import type { SolutionEmissions } from './emissionSeries.js';

/** The id of the totals over every route, which no route may take. */
export const TOTAL_ROUTE = 'total';

/** Where a derived emission series sits in Solution.derived, known before any run (sweeps bind outputs to it). */
export interface DerivedSlot {
  readonly kind: DerivedKind;
  readonly id: string;
  /** Dimension indices of the model. */
  readonly dims: readonly number[];
}

/**
 * The derived series a model's emissions give, in their order in Solution.derived: per route the
 * CO2e it emits ('emission') and then what it avoids ('credit'), over the route's dims; then, over
 * all routes and items, 'emission' total, 'credit' total and 'net-emission' total.
 */
export function emissionSlots(emissions: CompiledEmissions): DerivedSlot[] {
  const slots: DerivedSlot[] = [];
  for (const route of emissions.routes) {
    const dims = route.kind === 'landfill' ? route.dims : route.source.dims;
    if (emitsDirectly(route)) slots.push({ kind: 'emission', id: route.id, dims });
    if (credits(route)) slots.push({ kind: 'credit', id: route.id, dims });
  }
  slots.push({ kind: 'emission', id: TOTAL_ROUTE, dims: [] }, { kind: 'credit', id: TOTAL_ROUTE, dims: [] }, { kind: 'net-emission', id: TOTAL_ROUTE, dims: [] });
  return slots;
}

function emitsDirectly(route: CompiledRoute): boolean {
  return route.kind === 'incineration' || route.kind === 'landfill' || (route.kind === 'factor' && !route.credit);
}

function credits(route: CompiledRoute): boolean {
  return route.kind === 'energy-credit' || (route.kind === 'landfill' && route.recoveryUse === 'energy') || (route.kind === 'factor' && route.credit);
}

/** A run's emissions as derived series, in the order of emissionSlots (see Solution.derived). */
export function emissionCatalog(emissions: SolutionEmissions, slots: readonly DerivedSlot[], dimNames: (dims: readonly number[]) => string[], massUnit: string, years: number): DerivedSeries[] {
  const unit = `${massUnit} CO2e/yr`;
  const derived = slots.map((slot) => {
    const size = slot.dims.length === 0 ? 1 : (emissions.series.find((series) => series.route === slot.id)?.co2e.length ?? years) / years;
    return { kind: slot.kind, id: slot.id, dims: dimNames(slot.dims), values: new Float64Array(years * size), unit };
  });
  const find = (kind: DerivedKind, id: string) => derived.find((series) => series.kind === kind && series.id === id)!;
  const [totalEmission, totalCredit, net] = [find('emission', TOTAL_ROUTE), find('credit', TOTAL_ROUTE), find('net-emission', TOTAL_ROUTE)];
  for (const series of emissions.series) {
    const kind = series.kind === 'direct' ? 'emission' : 'credit';
    const route = find(kind, series.route);
    const total = kind === 'emission' ? totalEmission : totalCredit;
    const size = series.co2e.length / years;
    for (let i = 0; i < series.co2e.length; i++) {
      route.values[i] += series.co2e[i];
      total.values[Math.floor(i / size)] += series.co2e[i];
    }
  }
  for (let t = 0; t < years; t++) net.values[t] = totalEmission.values[t] - totalCredit.values[t];
  return derived;
}
