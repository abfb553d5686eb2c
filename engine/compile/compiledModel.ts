import type { CompiledEmissions } from '../carbon/compiledEmissions.js';
import type { CompiledExpression } from '../expr/compileExpression.js';
import type { CompiledIndicator } from '../indicators/compileIndicators.js';
import type { LifetimeDistribution, ModelDefinition, StockKind, SurvivalConvention } from '../definition/types.js';

/**
 * The compiled form of a model: names resolved to integer indices, expressions to closures,
 * units to conversion factors, and the transfer system's solve order fixed. Compile once, run
 * many times; a CompiledModel is immutable after compile except for its private run workspace.
 */
export interface CompiledModel {
  readonly definition: ModelDefinition;
  /** Number of yearly steps T. */
  readonly horizon: number;
  readonly years: Float64Array;
  /** Item count of every dimension, in declaration order. */
  readonly itemCounts: readonly number[];
  /** Drivers and parameters in evaluation order (an expression after everything it uses). */
  readonly symbols: readonly CompiledSymbol[];
  readonly symbolIndex: ReadonlyMap<string, number>;
  readonly processes: readonly CompiledProcess[];
  readonly flows: readonly CompiledFlow[];
  readonly stocks: readonly CompiledStock[];
  /** Groups of processes in solve order; a group of more than one (or with a self-loop) is a recycling loop. */
  readonly components: readonly TransferComponent[];
  readonly scenarios: ReadonlyMap<string, CompiledScenario>;
  /** The emission routes, when the model has an `emissions` section. */
  readonly emissions: CompiledEmissions | undefined;
  /** Indicators in the model's order (each after those it reads). */
  readonly indicators: readonly CompiledIndicator[];
}

/** Where an expression reads its inputs from: indices into `symbols`, aligned with `expression.references`. */
export interface BoundExpression {
  readonly expression: CompiledExpression;
  readonly inputs: readonly number[];
  /** Multiplies the SI-based result into the quantity's unit (e.g. kg/s -> t/yr). */
  readonly factor: number;
  /** For each item of the quantity's dims, the item of the expression's (fewer) dims. */
  readonly broadcast: Int32Array;
  /** Path in the model file, for messages. */
  readonly path: string;
}

export type CompiledSymbol =
  | {
      readonly kind: 'driver';
      readonly name: string;
      readonly dims: readonly number[];
      readonly size: number;
      /** SI-based series for every year, T × size. */
      readonly series: Float64Array;
      /** Declared unit -> SI-based. */
      readonly toSI: number;
    }
  | {
      readonly kind: 'value';
      readonly name: string;
      readonly dims: readonly number[];
      readonly size: number;
      /** Value per item in the declared unit. */
      readonly value: Float64Array;
      /** Declared unit -> SI-based. */
      readonly toSI: number;
    }
  | {
      readonly kind: 'expression';
      readonly name: string;
      readonly dims: readonly number[];
      readonly size: number;
      readonly bound: BoundExpression;
    };

export interface CompiledProcess {
  readonly name: string;
  readonly dims: readonly number[];
  readonly size: number;
  /** Index into `stocks`, or -1. */
  readonly stock: number;
  readonly inflows: readonly number[];
  /** `value` and `demand` flows out: known before the transfer system is solved. */
  readonly fixedOutflows: readonly number[];
  /** `share` and `rest` flows out. */
  readonly shareOutflows: readonly number[];
  /** Index into `flows` of the `rest` flow, or -1. */
  readonly restFlow: number;
  /** Index into `flows` of the `balance` flow that fixes the process's total inflow, or -1. */
  readonly balanceFlow: number;
}

export type FlowKind = 'value' | 'share' | 'rest' | 'demand' | 'balance';

export interface CompiledFlow {
  readonly id: string;
  /** Process index, or -1 for outside. */
  readonly from: number;
  readonly to: number;
  readonly kind: FlowKind;
  readonly dims: readonly number[];
  readonly size: number;
  /** `value` flows: the mass per year; `balance` flows: the total inflow of their target; `share` flows: the share (broadcast onto the source's dims). */
  readonly bound: BoundExpression | undefined;
  /** `demand` flows: the stock whose inflow this is. */
  readonly demandOf: number;
}

export interface CompiledLifetime {
  readonly distribution: LifetimeDistribution;
  /** Parameter name -> expression (in years), broadcast onto the stock's dims. */
  readonly parameters: readonly { readonly name: string; readonly bound: BoundExpression }[];
  readonly table: Float64Array | undefined;
}

/** The initial cohorts' own lifetime: parameters evaluated per initial cohort (see compileInitialLifetime). */
export interface CompiledInitialLifetime {
  readonly distribution: LifetimeDistribution;
  readonly parameters: readonly {
    readonly name: string;
    /** Over the initial cohorts instead of the years: its `horizon` is the number of initial cohorts. */
    readonly expression: CompiledExpression;
    /** Value parameters it reads (indices into `symbols`), at their first-year values. */
    readonly inputs: readonly number[];
    /** Multiplies the SI-based result into years. */
    readonly factor: number;
    readonly broadcast: Int32Array;
  }[];
  readonly table: Float64Array | undefined;
  /** The initial cohorts' years, what `year` is in the parameters. */
  readonly cohortYears: Float64Array;
}

export interface CompiledStock {
  readonly name: string;
  readonly process: number;
  readonly kind: StockKind;
  readonly dims: readonly number[];
  readonly size: number;
  readonly lifetime: CompiledLifetime | undefined;
  /** The initial cohorts' own lifetime, or undefined: they leave by `lifetime` as in the first model year. */
  readonly initialLifetime: CompiledInitialLifetime | undefined;
  readonly survival: SurvivalConvention;
  /** Stock-driven: target stock in the model's mass unit. */
  readonly target: BoundExpression | undefined;
  readonly negativeInflowCorrection: boolean;
  /** Whether what leaves the stock is waste generated (StockDefinition.waste). */
  readonly waste: boolean;
  /** Initial stock by cohort: years ascending, values [cohort * size + item] in the mass unit. */
  readonly initialCohorts: readonly number[];
  readonly initialValues: Float64Array | undefined;
  /** Index of the `demand` flow that feeds a stock-driven stock, or -1. */
  readonly demandFlow: number;
}

export interface TransferComponent {
  readonly processes: readonly number[];
  /** True for a recycling loop (more than one process, or a process feeding itself). */
  readonly cyclic: boolean;
}

export type CompiledOverride =
  | { readonly kind: 'set-parameter'; readonly symbol: number; readonly value: Float64Array }
  | { readonly kind: 'set-driver'; readonly symbol: number; readonly series: Float64Array }
  | { readonly kind: 'ramp'; readonly symbol: number; readonly from: number; readonly to: number; readonly toValue: Float64Array };

export interface CompiledScenario {
  readonly name: string;
  /** Values in SI-based units (parameters: per item; drivers: T × size). */
  readonly overrides: readonly CompiledOverride[];
}
