import type { Gas, GwpDefinition } from '../definition/emissionTypes.js';

/**
 * A run's emissions. Every series is year-major over its dims, in the model's mass unit per year
 * (of the gas, or of CO2e). Credits (avoided emissions: energy recovered, primary production
 * avoided) are kept apart from direct emissions and are positive numbers: net = direct − credits.
 */
export interface SolutionEmissions {
  readonly gwp: Omit<GwpDefinition, 'path'>;
  /** Biogenic CO2 is reported but weighs 0 in CO2e (the IPCC inventory convention). */
  readonly biogenicCO2: 'excluded from CO2e';
  readonly series: readonly EmissionSeries[];
  /** The first-order decay of each landfill route: what goes in and what comes out, for figures. */
  readonly landfills: readonly LandfillSeries[];
  /** Per route, the mass it applies to each year, summed over items (a landfill: its deposits). */
  readonly routeMass: readonly { readonly route: string; readonly values: Float64Array }[];
}

export type EmissionKind = 'direct' | 'credit';

export interface EmissionSeries {
  readonly route: string;
  readonly label: string | undefined;
  readonly kind: EmissionKind;
  readonly gas: Gas;
  readonly dims: readonly string[];
  /** Mass of the gas (of CO2e for gas 'CO2e'). */
  readonly values: Float64Array;
  /** The same weighted by the GWP into CO2e. */
  readonly co2e: Float64Array;
}

export interface LandfillSeries {
  readonly route: string;
  readonly dims: readonly string[];
  /** Waste deposited each year (the landfill stock's inflow). */
  readonly deposits: Float64Array;
  /** CH4 generated, recovered and emitted (after oxidation in the cover). */
  readonly generated: Float64Array;
  readonly recovered: Float64Array;
  readonly emitted: Float64Array;
}

/** The GWP100 weight of a gas: CO2 1, biogenic CO2 0, CO2e itself 1. */
export function gwpOf(gas: Gas, gwp: Pick<GwpDefinition, 'CH4' | 'CH4_fossil' | 'N2O'>): number {
  switch (gas) {
    case 'CO2_fossil':
    case 'CO2e':
      return 1;
    case 'CO2_biogenic':
      return 0;
    case 'CH4':
      return gwp.CH4;
    case 'CH4_fossil':
      return gwp.CH4_fossil;
    case 'N2O':
      return gwp.N2O;
  }
}

/** Direct, credits and net CO2e per year, summed over routes and items. */
export function co2eTotals(emissions: SolutionEmissions, years: number): { direct: Float64Array; credits: Float64Array; net: Float64Array } {
  const direct = new Float64Array(years);
  const credits = new Float64Array(years);
  for (const series of emissions.series) {
    const size = series.co2e.length / years;
    const into = series.kind === 'direct' ? direct : credits;
    for (let t = 0; t < years; t++) for (let k = 0; k < size; k++) into[t] += series.co2e[t * size + k];
  }
  return { direct, credits, net: direct.map((value, t) => value - credits[t]) };
}
