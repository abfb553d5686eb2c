import type { DimensionSpace } from './dimensionSpace.js';
import { itemLeaves } from './itemTree.js';
import type { LoadContext } from './loadContext.js';
import type { NumberTree } from './schema.js';
import { childPath } from './sourceMap.js';
import { assembleYearPoints, type YearEntry, type YearPoints } from './yearPoints.js';

const YEAR_KEY = /^-?\d+$/;

/**
 * Values written in the model file: a map year -> number (`{ 2015: 1.0, 2030: 1.4 }`), nested
 * under items where there are dimensions (`{ food: { 2015: … }, paper: { 2015: … } }`).
 */
export function readInlineSeries(tree: NumberTree, space: DimensionSpace, path: string, context: LoadContext, subject: string): YearPoints {
  const entries: YearEntry[] = [];
  for (const leaf of itemLeaves(tree, space, path, context)) {
    if (typeof leaf.node === 'number') {
      throw context.fail(`invalid value at ${leaf.path}: expected a map of years`, leaf.path, 'write year: value pairs, e.g. { 2015: 1.0, 2030: 1.4 }');
    }
    for (const [key, value] of Object.entries(leaf.node)) {
      const yearPath = childPath(leaf.path, key);
      if (!YEAR_KEY.test(key)) throw context.fail(`invalid year: ${key}`, yearPath, 'keys of a series are whole years, e.g. 2015');
      if (typeof value !== 'number') throw context.fail(`invalid value at ${yearPath}: expected a number`, yearPath, 'each year maps to one number');
      entries.push({ year: Number(key), flat: leaf.flat, value, at: context.at(yearPath) });
    }
  }
  return assembleYearPoints(entries, space, subject, context.at(path));
}
