import type { BoundExpression } from '../compile/compiledModel.js';
import type { Gas, GwpDefinition } from '../definition/emissionTypes.js';

/**
 * Emission routes with names bound to indices and every factor bound to an expression that
 * evaluates, per year and item of the route's source, in the unit the route computes in:
 * mass ratios dimensionless, energies in MWh/t or GJ/t of waste, grid factors in t/MWh or t/GJ,
 * decay rates per year, recovered methane as a share or in the model's mass unit per year.
 */
export interface CompiledEmissions {
  readonly gwp: GwpDefinition;
  readonly routes: readonly CompiledRoute[];
}

/** What a route applies to: the sum of some flows (one flow, or a process's inflows), over the same dims. */
export interface RouteSource {
  readonly flows: readonly number[];
  readonly dims: readonly number[];
  readonly size: number;
}

interface CompiledRouteBase {
  readonly id: string;
  readonly label: string | undefined;
}

export type CompiledRoute =
  | (CompiledRouteBase & { readonly kind: 'factor'; readonly source: RouteSource; readonly gas: Gas; readonly credit: boolean; readonly factor: BoundExpression })
  | (CompiledRouteBase & {
      readonly kind: 'incineration';
      readonly source: RouteSource;
      readonly dryMatter: BoundExpression;
      readonly carbonFraction: BoundExpression;
      readonly fossilFraction: BoundExpression;
      readonly oxidation: BoundExpression;
    })
  | (CompiledRouteBase & {
      readonly kind: 'landfill';
      readonly stock: number;
      readonly dims: readonly number[];
      readonly size: number;
      readonly doc: BoundExpression;
      readonly docf: BoundExpression;
      readonly mcf: BoundExpression;
      readonly f: BoundExpression;
      /** Per year; from a half-life when `halfLife` is set (then it holds years). */
      readonly rate: BoundExpression;
      readonly halfLife: boolean;
      readonly startMonth: number;
      readonly oxidation: BoundExpression;
      readonly recovery: { readonly bound: BoundExpression; readonly mode: 'share' | 'mass' } | undefined;
      readonly recoveryUse: 'flare' | 'energy';
      /** MWh per t of CH4 recovered, and t CO2e per MWh: the credit for gas used for energy. */
      readonly electricity: BoundExpression | undefined;
      readonly gridFactor: BoundExpression | undefined;
      /** Deposits before the horizon, `values[yearIndex * size + item]` in the model's mass unit. */
      readonly history: { readonly years: readonly number[]; readonly values: Float64Array } | undefined;
    })
  | (CompiledRouteBase & {
      readonly kind: 'energy-credit';
      readonly source: RouteSource;
      readonly electricity: BoundExpression | undefined;
      readonly gridFactor: BoundExpression | undefined;
      readonly heat: BoundExpression | undefined;
      readonly heatFactor: BoundExpression | undefined;
    });
