import type { Imputation } from './indexMethod.js';
import type { IndexSpec } from './indexSpec.js';

/**
 * An index laid out for computation: plain arrays only, so that it is cloned into worker threads
 * as it is. Values are indicator-major, `values[indicator · cities + city]`, NaN where missing.
 * Paths and the file's source map travel along so that errors still point at a line.
 */
export interface IndexData {
  readonly file: string;
  readonly sourceMap: IndexSpec['sourceMap'];
  readonly cities: readonly string[];
  readonly dimensions: readonly { readonly id: string; readonly weight: number | undefined; readonly path: string }[];
  readonly indicators: readonly IndicatorData[];
  readonly values: Float64Array;
  /** Per value: 0 none, 1 normal (a = sd), 2 uniform on [a, b]. */
  readonly spreadKind: Uint8Array;
  readonly spreadA: Float64Array;
  readonly spreadB: Float64Array;
}

export interface IndicatorData {
  readonly id: string;
  readonly dimension: number;
  readonly higherIsBetter: boolean;
  readonly weight: number | undefined;
  readonly target: number | undefined;
  readonly imputation: Imputation | undefined;
  readonly path: string;
  /** Path of each city's value. */
  readonly valuePaths: readonly string[];
}

export const SPREAD_NONE = 0;
export const SPREAD_NORMAL = 1;
export const SPREAD_UNIFORM = 2;

/** The layout of an index whose model values are resolved (resolveModelValues); a model value left is a bug. */
export function indexData(spec: IndexSpec): IndexData {
  const cityCount = spec.cities.length;
  const size = spec.indicators.length * cityCount;
  const values = new Float64Array(size).fill(NaN);
  const spreadKind = new Uint8Array(size);
  const spreadA = new Float64Array(size);
  const spreadB = new Float64Array(size);
  spec.indicators.forEach((indicator, i) => {
    indicator.values.forEach((value, c) => {
      if (value.kind === 'missing') return;
      if (value.kind === 'model') throw new Error(`model value of ${indicator.id} not resolved: call resolveModelValues first`);
      const k = i * cityCount + c;
      values[k] = value.value;
      const spread = value.uncertainty;
      if (spread?.kind === 'normal' || spread?.kind === 'relative') {
        spreadKind[k] = SPREAD_NORMAL;
        spreadA[k] = spread.kind === 'normal' ? spread.sd : spread.share * Math.abs(value.value);
      } else if (spread?.kind === 'uniform') {
        spreadKind[k] = SPREAD_UNIFORM;
        spreadA[k] = spread.min;
        spreadB[k] = spread.max;
      }
    });
  });
  return {
    file: spec.file,
    sourceMap: spec.sourceMap,
    cities: spec.cities.map((city) => city.id),
    dimensions: spec.dimensions.map(({ id, weight, path }) => ({ id, weight, path })),
    indicators: spec.indicators.map((indicator) => ({
      id: indicator.id,
      dimension: indicator.dimension,
      higherIsBetter: indicator.direction === 'higher',
      weight: indicator.weight,
      target: indicator.target,
      imputation: indicator.imputation,
      path: indicator.path,
      valuePaths: indicator.values.map((value) => value.path),
    })),
    values,
    spreadKind,
    spreadA,
    spreadB,
  };
}
