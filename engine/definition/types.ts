/**
 * ModelDefinition: what a model file says, validated and with every data file read, but not yet
 * compiled. Plain, JSON-serialisable data (typed arrays aside); things refer to each other by name.
 *
 * Conventions:
 * - Years are integers; the horizon is `time.start..time.end` inclusive, T = end - start + 1 steps.
 * - An array "over dims" stores items in row-major order of the listed dimensions, in the order the
 *   model declares its dimensions (so `[region, stream]` has stream varying fastest).
 * - A "series" over dims is year-major: `values[(year - start) * size + item]`.
 * - Values are in the unit the model declared for them; compile converts to internal units.
 */

import type { EmissionsDefinition } from './emissionTypes.js';
import type { DriverForecastDefinition } from './forecastDriver.js';
import type { FactorSource } from './loadLibraries.js';
import type { IndicatorDefinition, TargetDefinition } from './indicatorTypes.js';
import type { ObservationDefinition } from './observationTypes.js';

/** The name of the system boundary: flows from `outside` are imports, flows to it exports/emissions. */
export const OUTSIDE = 'outside';

export interface ModelDefinition {
  readonly formatVersion: 1;
  readonly name: string;
  /** The model file as the user named it; every location below refers to it unless it says otherwise. */
  readonly file: string;
  readonly time: { readonly start: number; readonly end: number };
  /** Mass unit of every flow (per year) and every stock, e.g. 't' or 'kt'. */
  readonly massUnit: string;
  /** Extra count units the model declares (e.g. 'dwelling'); 'person' and 'item' always exist. */
  readonly countUnits: readonly string[];
  readonly dimensions: readonly DimensionDefinition[];
  readonly drivers: readonly DriverDefinition[];
  readonly parameters: readonly ParameterDefinition[];
  readonly processes: readonly ProcessDefinition[];
  readonly flows: readonly FlowDefinition[];
  readonly stocks: readonly StockDefinition[];
  readonly scenarios: readonly ScenarioDefinition[];
  /** How survival curves are evaluated, unless a stock says otherwise; see engine/lifetime. Default 'integer-age'. */
  readonly survival: SurvivalConvention;
  /** What each treatment route emits or avoids (the `emissions` section), or undefined. */
  readonly emissions: EmissionsDefinition | undefined;
  /** Parameters taken from factor libraries (`libraries`), with the source of each table. */
  readonly factorSources: readonly FactorSource[];
  /** Indicators over the run's results, the preset targets' included. */
  readonly indicators: readonly IndicatorDefinition[];
  readonly targets: readonly TargetDefinition[];
  /** Measured values of the model's series (`observations`); a run never reads them. */
  readonly observations: readonly ObservationDefinition[];
  /** Line and column of every path in the model file (`flows[2].share` -> {line, column}). */
  readonly sourceMap: Readonly<Record<string, { readonly line: number; readonly column: number }>>;
}

export type SurvivalConvention = 'integer-age' | 'survival-mid-year' | 'survival-year-average' | 'density-mid-year';

export interface DimensionDefinition {
  readonly name: string;
  readonly items: readonly string[];
}

export interface DriverDefinition {
  readonly name: string;
  readonly unit: string;
  readonly dims: readonly string[];
  /** Series over dims for every model year, already interpolated and extrapolated (or projected by its forecast). */
  readonly values: Float64Array;
  /** The forecast that projects the years after the last given one, with its fit per item. */
  readonly forecast: DriverForecastDefinition | undefined;
  /** Path of the definition in the model file, e.g. `drivers.population`. */
  readonly path: string;
}

export type ParameterDefinition = ValueParameterDefinition | ExpressionParameterDefinition;

export interface ValueParameterDefinition {
  readonly kind: 'value';
  readonly name: string;
  readonly unit: string;
  readonly dims: readonly string[];
  /** One value per item of dims (length 1 for a scalar). */
  readonly value: Float64Array;
  /** May be negative (`signed: true`); a fit bounds the others at 0. */
  readonly signed: boolean;
  readonly path: string;
}

/** A parameter computed from others, e.g. `sum(per_capita, stream)`; evaluated every year. */
export interface ExpressionParameterDefinition {
  readonly kind: 'expression';
  readonly name: string;
  /** Declared unit, checked against the expression's unit; undefined means inferred. */
  readonly unit: string | undefined;
  readonly expression: string;
  readonly path: string;
}

export interface ProcessDefinition {
  readonly name: string;
  /** Column of processes in a Sankey diagram (0: the first), when the user fixes it. */
  readonly stage: number | undefined;
  readonly label: string | undefined;
  readonly path: string;
}

/**
 * A flow is given by exactly one of:
 * - `value`: an expression of drivers and parameters, a mass per year (or per step);
 * - `share`: an expression for the share of the source process's outflow (dimensionless);
 * - `rest`: whatever share of the source's outflow the other shares leave (one per process);
 * - `demand`: the inflow a stock-driven stock needs to meet its target (flows into its process);
 * - `balance`: from outside, what the target process's other inflows leave short of a total given by
 *   an expression (a market balance: primary input = demand − secondary input).
 */
export interface FlowDefinition {
  /** Unique id; `from->to` unless the file gives one. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: 'value' | 'share' | 'rest' | 'demand' | 'balance';
  /** Marked `waste: true`: a waste stream, whose peak the run summary reports. */
  readonly waste: boolean;
  /** How figures name the flow (and, for a flow from or to outside, its source or sink); undefined: made from the id. */
  readonly label: string | undefined;
  /** Groups the flow belongs to: an indicator names a tag for the sum of its flows. */
  readonly tags: readonly string[];
  /** The expression for `value` and `share` flows (a number is written as its decimal string). */
  readonly expression: string | undefined;
  readonly path: string;
}

export type StockKind = 'accumulate' | 'inflow-driven' | 'stock-driven';

export interface StockDefinition {
  readonly name: string;
  readonly process: string;
  readonly kind: StockKind;
  /** Required for inflow- and stock-driven stocks. */
  readonly lifetime: LifetimeDefinition | undefined;
  /** Stock-driven only: expression for the stock level at the end of each year (mass). */
  readonly target: string | undefined;
  /** Stock-driven only: retire older cohorts pro rata instead of letting inflow go negative. */
  readonly negativeInflowCorrection: boolean;
  /** Whether what leaves the stock is waste generated (`waste: false` keeps it apart); default true. */
  readonly waste: boolean;
  readonly initial: InitialStockDefinition | undefined;
  /** How this stock's survival curves are evaluated: its own `survival`, else the model's. */
  readonly survival: SurvivalConvention;
  readonly path: string;
}

export type LifetimeDistribution =
  | 'fixed'
  | 'normal'
  | 'folded-normal'
  | 'lognormal'
  | 'weibull'
  | 'gamma'
  | 'exponential'
  | 'table';

/**
 * Parameters (all in years) by distribution:
 * fixed {mean}; normal {mean, sd}; folded-normal {mean, sd} (of the underlying normal);
 * lognormal {mean, sd} (of the lifetime itself); weibull {shape, scale}; gamma {shape, scale};
 * exponential {mean}; table: survival share by integer age in `table`.
 * Each parameter is an expression (usually a number or a parameter name); when it depends on a
 * time series it is evaluated at the cohort's year, so lifetimes can differ by cohort.
 */
export interface LifetimeDefinition {
  readonly distribution: LifetimeDistribution;
  readonly parameters: Readonly<Record<string, string>>;
  /** Survival share at ages 0, 1, 2, ... (non-increasing, <= 1); for 'table' only. */
  readonly table: readonly number[] | undefined;
  readonly path: string;
}

/** Stock by cohort at the end of the year before `time.start` (mass, per item of the stock's dims). */
export interface InitialStockDefinition {
  /** Cohort years (all < time.start), ascending. */
  readonly cohorts: readonly number[];
  /** `values[cohortIndex * size + item]`, in the model's mass unit. */
  readonly values: Float64Array;
  /**
   * The initial cohorts' own lifetime, when the file gives one: its parameters are expressions of
   * value parameters and `year` (the cohort's year). Without it they leave by the stock's lifetime
   * as evaluated in the first model year.
   */
  readonly lifetime: LifetimeDefinition | undefined;
  readonly path: string;
}

export interface ScenarioDefinition {
  readonly name: string;
  readonly overrides: readonly OverrideDefinition[];
  readonly path: string;
}

/**
 * A scenario's change to one parameter or driver:
 * - `set`: a new value for every year (parameter: per item; driver: a full series);
 * - `ramp`: linear from the base value in year `from` to `toValue` in year `to`, held after;
 *   items missing from `toValue` (NaN in it) keep their base values.
 */
export type OverrideDefinition =
  | { readonly kind: 'set-parameter'; readonly target: string; readonly value: Float64Array; readonly path: string }
  | {
      readonly kind: 'set-driver';
      readonly target: string;
      readonly values: Float64Array;
      /** When the scenario projects the driver's own data with a forecast of its own. */
      readonly forecast?: DriverForecastDefinition | undefined;
      readonly path: string;
    }
  | {
      readonly kind: 'ramp';
      readonly target: string;
      readonly from: number;
      readonly to: number;
      readonly toValue: Float64Array;
      readonly path: string;
    };
