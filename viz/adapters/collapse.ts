import { OptionsError } from '../../engine/errors.js';
import type { YearSpan } from './span.js';

/** A series reduced to the items of one dimension (or to its total): `values[t * items.length + k]`. */
export interface CollapsedSeries {
  /** Items of the kept dimension, or undefined for a total. */
  readonly items: readonly string[] | undefined;
  readonly size: number;
  readonly values: Float64Array;
}

type Dimensions = readonly { readonly name: string; readonly items: readonly string[] }[];

/**
 * Sums a year-major series over `dims` down to the items of `keep`, or to its total when the
 * series does not have that dimension (or `keep` is undefined). Items are row-major over `dims`,
 * so item k's index in dimension d is floor(k / stride_d) mod n_d, stride_d being the product of
 * the sizes of the dimensions after d.
 */
export function collapseSeries(values: Float64Array, dims: readonly string[], dimensions: Dimensions, keep: string | undefined): CollapsedSeries {
  const sizes = dims.map((name) => {
    const dimension = dimensions.find((d) => d.name === name);
    if (!dimension) throw new OptionsError('dims', `must name dimensions of the run: unknown dimension: ${name}`);
    return dimension.items.length;
  });
  const size = sizes.reduce((product, n) => product * n, 1);
  const position = keep === undefined ? -1 : dims.indexOf(keep);
  const kept = position < 0 ? 1 : sizes[position];
  let stride = 1;
  for (let d = position + 1; position >= 0 && d < dims.length; d++) stride *= sizes[d];
  const years = values.length / size;
  const collapsed = new Float64Array(years * kept);
  for (let t = 0; t < years; t++) {
    for (let k = 0; k < size; k++) {
      const item = position < 0 ? 0 : Math.floor(k / stride) % kept;
      collapsed[t * kept + item] += values[t * size + k];
    }
  }
  const items = position < 0 ? undefined : dimensions.find((d) => d.name === keep)!.items;
  return { items, size: kept, values: collapsed };
}

/** One value per item over a span of years: their sum, or their mean. */
export function spanValues(series: CollapsedSeries, span: YearSpan): Float64Array {
  const result = new Float64Array(series.size);
  for (let t = span.first; t <= span.last; t++) {
    for (let k = 0; k < series.size; k++) result[k] += series.values[t * series.size + k];
  }
  if (span.aggregate === 'mean') {
    const count = span.last - span.first + 1;
    for (let k = 0; k < series.size; k++) result[k] /= count;
  }
  return result;
}

/** One item's values (or the total's) over every year. */
export function itemSeries(series: CollapsedSeries, item: number): Float64Array {
  const years = series.values.length / series.size;
  const result = new Float64Array(years);
  for (let t = 0; t < years; t++) result[t] = series.values[t * series.size + item];
  return result;
}
