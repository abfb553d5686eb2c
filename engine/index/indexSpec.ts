import type { EmissionMeasure, StockMeasure } from '../sweep/spec/sweepSpec.js';
import type { Aggregation, Imputation, IndexMethod, Normalisation } from './indexMethod.js';

/**
 * An index file as loaded: checked for shape and consistency, with every path kept for messages.
 * Values that come from a model run are still references here; resolveModelValues turns them
 * into numbers (indexData.ts then lays everything out for computation).
 */
export interface IndexSpec {
  /** The index file as the user named it. */
  readonly file: string;
  readonly sourceMap: Readonly<Record<string, { readonly line: number; readonly column: number }>>;
  readonly name: string;
  readonly description: string | undefined;
  readonly cities: readonly CitySpec[];
  readonly dimensions: readonly DimensionSpec[];
  readonly indicators: readonly IndicatorSpec[];
  readonly sources: Readonly<Record<string, SourceSpec>>;
  /** The file's method, defaults filled in. */
  readonly method: IndexMethod;
  readonly uncertainty: UncertaintySettings;
}

export interface CitySpec {
  readonly id: string;
  readonly label: string;
  readonly country: string | undefined;
}

export interface DimensionSpec {
  readonly id: string;
  readonly label: string;
  /** Undefined: equal among dimensions. */
  readonly weight: number | undefined;
  readonly path: string;
}

export interface IndicatorSpec {
  readonly id: string;
  /** Index into IndexSpec.dimensions. */
  readonly dimension: number;
  readonly label: string;
  readonly unit: string;
  readonly direction: 'higher' | 'lower';
  /** Undefined: equal within the dimension. */
  readonly weight: number | undefined;
  readonly target: number | undefined;
  readonly imputation: Imputation | undefined;
  readonly definition: string | undefined;
  /** One per city, in the order of IndexSpec.cities. */
  readonly values: readonly CityValue[];
  readonly path: string;
}

export type CityValue =
  | { readonly kind: 'number'; readonly value: number; readonly year: number | undefined; readonly source: string; readonly uncertainty: ValueUncertainty | undefined; readonly path: string }
  | { readonly kind: 'model'; readonly ref: ModelSeriesRef; readonly source: string; readonly uncertainty: ValueUncertainty | undefined; readonly path: string }
  | { readonly kind: 'missing'; readonly note: string | undefined; readonly path: string };

/** A value's own uncertainty; `relative` is resolved to an sd once the value is known. */
export type ValueUncertainty =
  | { readonly kind: 'normal'; readonly sd: number }
  | { readonly kind: 'relative'; readonly share: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number };

/** A series of a model run, in a year, addressed as sweep outputs are (see sweepSpec.ts). */
export interface ModelSeriesRef {
  /** Relative to the index file. */
  readonly model: string;
  readonly scenario: string | undefined;
  readonly year: number;
  readonly series:
    | { readonly kind: 'flow'; readonly id: string }
    | { readonly kind: 'stock'; readonly id: string; readonly measure: StockMeasure }
    | { readonly kind: 'emission'; readonly id: string; readonly measure: EmissionMeasure }
    | { readonly kind: 'indicator'; readonly id: string };
  readonly items: Readonly<Record<string, string>> | undefined;
  /** A driver to divide by, in its declared unit. */
  readonly per: string | undefined;
}

export interface SourceSpec {
  readonly citation: string;
  readonly url: string | undefined;
  readonly licence: string | undefined;
  readonly read: string | undefined;
}

/** What the Monte Carlo over the choices draws (Saisana, Saltelli & Tarantola 2005). */
export interface UncertaintySettings {
  /** Base points N of the Saltelli design. */
  readonly samples: number;
  readonly seed: number;
  readonly normalisations: readonly Normalisation[];
  readonly aggregations: readonly Aggregation[];
  readonly imputations: readonly Imputation[];
  /** Each weight is drawn uniformly in [w(1 − spread), w(1 + spread)]; 0 keeps them. */
  readonly weightSpread: number;
  readonly values: boolean;
  readonly resamples: number;
}
