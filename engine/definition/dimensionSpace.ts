import { unknownNameError } from '../errors.js';
import { checkSeriesSize } from './limits.js';
import type { LoadContext } from './loadContext.js';
import type { ModelFrame } from './loadDrivers.js';
import { childPath } from './sourceMap.js';
import type { DimensionDefinition } from './types.js';

/**
 * The items of a quantity over some dimensions. Users list dimensions in any order (and nest
 * maps in that order); storage is row-major over the model's declaration order, so that
 * `[region, stream]` and `[stream, region]` are the same array.
 */
export interface DimensionSpace {
  /** Dimension names in the model's declaration order (what the definition stores). */
  readonly dims: readonly string[];
  /** The dimensions as the user listed them. */
  readonly listed: readonly DimensionDefinition[];
  readonly size: number;
  /** Flat index of one item index per listed dimension. */
  flatIndex(itemIndices: readonly number[]): number;
  /** The items at a flat index, one per listed dimension, in the user's order. */
  itemKeys(flat: number): string[];
  /** `food` or `north, food`, for messages. */
  itemLabel(flat: number): string;
}

/**
 * The space of `subject` (a driver, a parameter, an initial stock) over the dimensions `names`,
 * written at `path`. Its series, a value per year and item, must stay within LIMITS.seriesValues.
 */
export function dimensionSpace(names: readonly string[], frame: ModelFrame, path: string, context: LoadContext, subject: string): DimensionSpace {
  const { dimensions, time } = frame;
  const listed = names.map((name, i) => {
    const dimension = dimensions.find((candidate) => candidate.name === name);
    if (!dimension) throw unknownNameError('dimension', name, dimensions.map((d) => d.name), context.at(childPath(path, i)));
    if (names.indexOf(name) !== i) throw context.fail(`duplicate dimension: ${name}`, childPath(path, i), 'list each dimension once');
    return dimension;
  });
  const declared = dimensions.filter((dimension) => listed.includes(dimension));
  // Row-major over the declaration order: the last declared dimension varies fastest.
  const strides = new Map<DimensionDefinition, number>();
  let size = 1;
  for (let d = declared.length - 1; d >= 0; d--) {
    strides.set(declared[d], size);
    size *= declared[d].items.length;
  }
  checkSeriesSize(subject, time.end - time.start + 1, size, context.at(path), 'use fewer dimensions or items, or aggregate the data over one dimension');
  context.values.add(time.end - time.start + 1, size, context.at(path));
  const listedStrides = listed.map((dimension) => strides.get(dimension)!);
  const itemKeys = (flat: number) => listed.map((dimension, d) => dimension.items[Math.floor(flat / listedStrides[d]) % dimension.items.length]);
  return {
    dims: declared.map((dimension) => dimension.name),
    listed,
    size,
    flatIndex: (itemIndices) => itemIndices.reduce((flat, item, d) => flat + item * listedStrides[d], 0),
    itemKeys,
    itemLabel: (flat) => itemKeys(flat).join(', '),
  };
}
