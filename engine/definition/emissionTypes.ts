import type { GASES } from './emissionsSchema.js';

/**
 * What a model's `gwp` and `emissions` sections say, validated; expressions stay text for the
 * compiler (which checks names and units). Masses of gases are in the model's mass unit.
 */

export type Gas = (typeof GASES)[number];

/** GWP100 weights of the gases; CO2 is 1 and biogenic CO2 is left out of CO2e unless stated. */
export interface GwpDefinition {
  /** 'AR5' or 'given'. */
  readonly name: string;
  readonly CH4: number;
  readonly CH4_fossil: number;
  readonly N2O: number;
  /** Where the values come from, for outputs: "IPCC AR5 WG1 Table 8.7 (models/factors/gwp.yaml)". */
  readonly source: string;
  readonly path: string;
}

/** What a route's mass comes from: one flow, or everything a process receives. */
export type EmissionTarget = { readonly flow: string } | { readonly process: string };

interface RouteBase {
  readonly id: string;
  readonly label: string | undefined;
  readonly path: string;
}

/** mass of gas = factor × mass of the target; `credit`: avoided, reported apart. */
export interface FactorRouteDefinition extends RouteBase {
  readonly kind: 'factor';
  readonly target: EmissionTarget;
  readonly gas: Gas;
  readonly factor: string;
  /** Unit of a dimensionless factor expression (a plain number), default t/t. */
  readonly unit: string;
  readonly credit: boolean;
}

/** IPCC 2006 Vol. 5, Eq. 5.1: fossil (and, apart, biogenic) CO2 of the carbon burnt. */
export interface IncinerationRouteDefinition extends RouteBase {
  readonly kind: 'incineration';
  readonly target: EmissionTarget;
  readonly dryMatter: string;
  readonly carbonFraction: string;
  readonly fossilFraction: string;
  readonly oxidation: string;
}

/** IPCC 2006 Vol. 5, Ch. 3: methane from the first-order decay of what an accumulating stock keeps. */
export interface LandfillRouteDefinition extends RouteBase {
  readonly kind: 'landfill';
  readonly stock: string;
  readonly doc: string;
  readonly docf: string;
  readonly mcf: string;
  readonly f: string;
  /** Decay rate (per year) or half-life (years): exactly one. */
  readonly rate: { readonly k: string } | { readonly halfLife: string };
  readonly startMonth: number;
  readonly oxidation: string;
  /** A share of the CH4 generated, or a mass per year; undefined: none recovered. */
  readonly recovery: string | undefined;
  readonly recoveryUse: 'flare' | 'energy';
  /** Credit for recovered CH4 used for energy: electricity per mass of CH4 and CO2e avoided per electricity. */
  readonly electricity: string | undefined;
  readonly gridFactor: string | undefined;
  /** Deposits before the horizon: ascending years, `values[yearIndex * size + item]` in the model's mass unit. */
  readonly history: { readonly years: readonly number[]; readonly values: Float64Array; readonly dims: readonly string[] } | undefined;
}

/** CO2e avoided by energy recovered from the target's mass (a credit). */
export interface EnergyCreditRouteDefinition extends RouteBase {
  readonly kind: 'energy-credit';
  readonly target: EmissionTarget;
  readonly electricity: string | undefined;
  readonly gridFactor: string | undefined;
  readonly heat: string | undefined;
  readonly heatFactor: string | undefined;
}

export type EmissionRouteDefinition = FactorRouteDefinition | IncinerationRouteDefinition | LandfillRouteDefinition | EnergyCreditRouteDefinition;

export interface EmissionsDefinition {
  readonly gwp: GwpDefinition;
  readonly routes: readonly EmissionRouteDefinition[];
}
