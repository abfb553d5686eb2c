import type { Distribution, MorrisPlacement } from '../design/index.js';

/**
 * A sweep as its file says it, checked for shape and for impossible distributions but not yet
 * against the model (see resolveSweep.ts). Paths are those of the sweep file, for messages.
 */
export interface SweepSpec {
  /** The sweep file as the user named it. */
  readonly file: string;
  /** The model file, relative to the sweep file (the sweep file itself when the sweep is inside the model). */
  readonly model: string;
  /** Path of the sweep in its file: '' for a sweep file, 'sweep' inside a model file. */
  readonly root: string;
  readonly scenario: string | undefined;
  readonly sampler: SamplerName;
  /** sobol: base points N; morris: trajectories; monte-carlo, latin-hypercube: runs; grid: undefined. */
  readonly n: number | undefined;
  readonly seed: number;
  /** sobol: also the runs that second-order indices need. */
  readonly secondOrder: boolean;
  /** morris: grid levels p, and where they lie in [0, 1]. */
  readonly levels: number;
  readonly placement: MorrisPlacement;
  readonly factors: readonly FactorSpec[];
  readonly outputs: readonly OutputSpec[];
  readonly sourceMap: Readonly<Record<string, { readonly line: number; readonly column: number }>>;
}

export const SAMPLERS = ['sobol', 'morris', 'monte-carlo', 'latin-hypercube', 'grid'] as const;
export type SamplerName = (typeof SAMPLERS)[number];

/**
 * One varied input. A parameter factor sets the parameter (`apply: set`, the default) or multiplies
 * its base value (`apply: scale`), for all its items or the items selected. A driver factor always
 * multiplies the driver's series (every year alike): a time series has no single value to set,
 * and a scale factor keeps its shape, which is what an uncertain level of a driver usually means.
 * It may be limited to a span of years (e.g. the projected ones, leaving observed history as it is).
 */
export interface FactorSpec {
  /** Column name in the samples table. */
  readonly name: string;
  /** Undefined when the file names neither: the factor's name is then a value parameter or a driver of the model. */
  readonly target: 'parameter' | 'driver' | undefined;
  /** The parameter or driver name in the model. */
  readonly symbol: string;
  /** Items selected by dimension (dimension -> item); undefined: all items. A bare item name is kept under '' until resolved. */
  readonly items: Readonly<Record<string, string>> | undefined;
  /** Undefined when the file does not say: set for a parameter, scale for a driver. */
  /** 'quantile': a driver's projected years follow its forecast's p-quantile, p the factor's value. */
  readonly apply: 'set' | 'scale' | 'quantile' | undefined;
  /** For every sampler but grid. */
  readonly distribution: Distribution | undefined;
  /** For the grid sampler: the values to combine. */
  readonly levels: readonly number[] | undefined;
  /** Driver factors: the inclusive years scaled (the driver keeps its values in the others); undefined: every year. */
  readonly years: readonly [number, number] | undefined;
  /** What figures and tables call it; undefined: its name. */
  readonly label: string | undefined;
  readonly path: string;
}

/** One recorded output: a series of the solution, reduced to what `record` asks for. */
export interface OutputSpec {
  readonly name: string;
  readonly source:
    | { readonly kind: 'flow' | 'waste'; readonly id: string }
    | { readonly kind: 'stock'; readonly id: string; readonly measure: StockMeasure }
    | { readonly kind: 'emission'; readonly id: string; readonly measure: EmissionMeasure }
    | { readonly kind: 'indicator'; readonly id: string };
  readonly items: Readonly<Record<string, string>> | undefined;
  /** Per-year values, the peak (year and value), the total: in this order in the columns. */
  readonly record: readonly OutputRecord[];
  /** Inclusive years; undefined: the whole horizon. */
  readonly years: readonly [number, number] | undefined;
  /** What figures and tables call it; undefined: its name. */
  readonly label: string | undefined;
  readonly path: string;
}

export const STOCK_MEASURES = ['level', 'inflow', 'outflow'] as const;
/** An emission route's CO2e: what it emits (direct), what it avoids (credit); net only for the total over routes. */
export const EMISSION_MEASURES = ['direct', 'credit', 'net'] as const;
export type EmissionMeasure = (typeof EMISSION_MEASURES)[number];
export type StockMeasure = (typeof STOCK_MEASURES)[number];
export const OUTPUT_RECORDS = ['series', 'peak', 'total'] as const;
export type OutputRecord = (typeof OUTPUT_RECORDS)[number];
