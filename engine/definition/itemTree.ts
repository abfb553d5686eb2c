import { listNames, unknownNameError } from '../errors.js';
import type { DimensionSpace } from './dimensionSpace.js';
import type { LoadContext } from './loadContext.js';
import type { NumberTree } from './schema.js';
import { childPath } from './sourceMap.js';
import type { DimensionDefinition } from './types.js';

/**
 * Maps nested over dimensions, items as keys in the order the user listed the dimensions:
 * `{ food: 0.1, paper: 0.4 }`, or `{ north: { food: 1, … }, … }` over two.
 */

/** What a leaf of an item tree is, after the walk: the node, the items above it, and where it is. */
export interface ItemLeaf {
  readonly node: NumberTree;
  readonly flat: number;
  readonly path: string;
}

/**
 * One number per item. A number stands for every item below it (`0.3` over [stream] is 0.3 for
 * every stream). An item left out is an error, or NaN where `missing` is 'nan' (a ramp's
 * `to_value`, where NaN means "keep the base value").
 */
export function itemValues(tree: NumberTree, space: DimensionSpace, path: string, context: LoadContext, missing: 'error' | 'nan'): Float64Array {
  const values = new Float64Array(space.size).fill(Number.NaN);
  const fill = (value: number, depth: number, indices: number[]): void => {
    if (depth === space.listed.length) {
      values[space.flatIndex(indices)] = value;
      return;
    }
    space.listed[depth].items.forEach((_, item) => fill(value, depth + 1, [...indices, item]));
  };
  const descend = (node: NumberTree, depth: number, indices: number[], nodePath: string): void => {
    if (typeof node === 'number') return fill(node, depth, indices);
    if (depth === space.listed.length) throw context.fail(`invalid value at ${nodePath}: expected a number`, nodePath, 'every item needs one number here');
    for (const [item, child, childAt] of itemEntries(node, depth, space, nodePath, context, missing === 'error')) descend(child, depth + 1, [...indices, item], childAt);
  };
  descend(tree, 0, [], path);
  return values;
}

/** The subtrees exactly one level per dimension down (year maps of a series, say); every item required. */
export function itemLeaves(tree: NumberTree, space: DimensionSpace, path: string, context: LoadContext): ItemLeaf[] {
  const leaves: ItemLeaf[] = [];
  const descend = (node: NumberTree, depth: number, indices: number[], nodePath: string): void => {
    if (depth === space.listed.length) {
      leaves.push({ node, flat: space.flatIndex(indices), path: nodePath });
      return;
    }
    if (typeof node === 'number') {
      throw context.fail(`invalid value at ${nodePath}: expected a map over ${space.listed[depth].name}`, nodePath, `give one entry per item: ${listNames(space.listed[depth].items)}`);
    }
    for (const [item, child, childAt] of itemEntries(node, depth, space, nodePath, context, true)) descend(child, depth + 1, [...indices, item], childAt);
  };
  descend(tree, 0, [], path);
  return leaves;
}

/** Item positions by name, made once per dimension: maps may have as many keys as a dimension has items. */
const itemPositions = new WeakMap<DimensionDefinition, ReadonlyMap<string, number>>();

function itemEntries(node: { [key: string]: NumberTree }, depth: number, space: DimensionSpace, path: string, context: LoadContext, complete: boolean) {
  const dimension = space.listed[depth];
  let positions = itemPositions.get(dimension);
  if (!positions) itemPositions.set(dimension, (positions = new Map(dimension.items.map((item, index) => [item, index]))));
  const entries = Object.entries(node).map(([key, child]): [number, NumberTree, string] => {
    const item = positions.get(key) ?? -1;
    if (item < 0) throw unknownNameError(`item of ${dimension.name}`, key, dimension.items, context.at(childPath(path, key)));
    return [item, child, childPath(path, key)];
  });
  const missing = dimension.items.filter((item) => !Object.hasOwn(node, item));
  if (complete && missing.length > 0) {
    throw context.fail(`missing item: ${listNames(missing)} at ${path}`, path, `give a value for every item of ${dimension.name}: ${listNames(dimension.items)}`);
  }
  return entries;
}
