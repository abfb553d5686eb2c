import type { Solution } from '../simulate/solution.js';
import { wasteGenerated } from './wasteGeneration.js';

/**
 * What a scenario saves against a baseline, route by route, and why. Each route's emissions
 * (direct, and credits apart) are written as E_r = G · s_r · i_r, with G the waste generated,
 * s_r = m_r / G the share of it the route handles and i_r = E_r / m_r its emissions per tonne. The
 * change from the baseline (0) to the scenario (1) splits exactly into three effects by the
 * additive logarithmic mean Divisia index (LMDI-I, Ang 2004, Energy Policy 32:1131), G being the
 * waste generated (engine/analysis/wasteGeneration.ts), so that waste moved to a process with no
 * route (recycling without a credit) counts as mix, not as less waste:
 *   scale     L(E1, E0) · ln(G1 / G0)      — less (or more) waste generated,
 *   mix       L(E1, E0) · ln(s1 / s0)      — waste moved between routes (less landfill, more recycling),
 *   intensity L(E1, E0) · ln(i1 / i0)      — emissions per tonne of a route (factors, recovery),
 * with L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a. A route absent on one side (zero mass or
 * zero emissions) has no logarithm: its whole change counts as mix. Savings are baseline net minus
 * scenario net, so a positive saving is less CO2e; a credit's saving is positive when the scenario
 * avoids more (and negative when it avoids less). For a landfill, E is this year's methane and m this year's deposits, so its
 * intensity mixes the decades of deposits behind the methane.
 */
export interface RouteSaving {
  readonly route: string;
  readonly kind: 'direct' | 'credit';
  /** Per year, in CO2e: baseline − scenario (for credits: scenario − baseline, what the scenario avoids more). */
  readonly saving: Float64Array;
  readonly scale: Float64Array;
  readonly mix: Float64Array;
  readonly intensity: Float64Array;
}

export interface CarbonSavings {
  readonly baseline: string;
  readonly scenario: string;
  readonly years: readonly number[];
  readonly unit: string;
  /** Net CO2e saved per year and in all (baseline net − scenario net). */
  readonly net: Float64Array;
  readonly cumulative: number;
  readonly routes: readonly RouteSaving[];
}

export function carbonSavings(baseline: Solution, scenario: Solution): CarbonSavings {
  const years = baseline.years;
  const horizon = years.length;
  const [handled0, handled1] = [wasteGenerated(baseline), wasteGenerated(scenario)];
  const routes: RouteSaving[] = [];
  for (const kind of ['direct', 'credit'] as const) {
    for (const { route, values: mass0 } of baseline.emissions!.routeMass) {
      const e0 = routeCO2e(baseline, route, kind);
      const e1 = routeCO2e(scenario, route, kind);
      if (e0.every((value) => value === 0) && e1.every((value) => value === 0)) continue;
      const mass1 = scenario.emissions!.routeMass.find((entry) => entry.route === route)!.values;
      const effects = { saving: new Float64Array(horizon), scale: new Float64Array(horizon), mix: new Float64Array(horizon), intensity: new Float64Array(horizon) };
      for (let t = 0; t < horizon; t++) {
        // Credits count against the scenario: avoiding more is a saving too.
        const sign = kind === 'direct' ? 1 : -1;
        const change = e1[t] - e0[t];
        effects.saving[t] = -sign * change;
        const logs = [handled1[t] / handled0[t], mass1[t] / handled1[t] / (mass0[t] / handled0[t]), e1[t] / mass1[t] / (e0[t] / mass0[t])].map(Math.log);
        if (!logs.every(Number.isFinite) || change === 0) {
          effects.mix[t] = effects.saving[t];
          continue;
        }
        const weight = logMean(e1[t], e0[t]);
        effects.scale[t] = -sign * weight * logs[0];
        effects.mix[t] = -sign * weight * logs[1];
        effects.intensity[t] = -sign * weight * logs[2];
      }
      routes.push({ route, kind, ...effects });
    }
  }
  const net = new Float64Array(horizon);
  for (const route of routes) for (let t = 0; t < horizon; t++) net[t] += route.saving[t];
  return { baseline: baseline.scenario ?? 'base model', scenario: scenario.scenario ?? 'base model', years, unit: `${baseline.unit} CO2e/yr`, net, cumulative: net.reduce((sum, value) => sum + value, 0), routes };
}

/** A route's direct or credited CO2e per year, summed over items and gases. */
function routeCO2e(solution: Solution, route: string, kind: 'direct' | 'credit'): Float64Array {
  const horizon = solution.years.length;
  const total = new Float64Array(horizon);
  for (const series of solution.emissions!.series) {
    if (series.route !== route || series.kind !== kind) continue;
    const size = series.co2e.length / horizon;
    for (let t = 0; t < horizon; t++) for (let k = 0; k < size; k++) total[t] += series.co2e[t * size + k];
  }
  return total;
}

/** The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), with L(a, a) = a. */
export function logMean(a: number, b: number): number {
  return a === b ? a : (a - b) / (Math.log(a) - Math.log(b));
}
