import { ModelError, unknownNameError, type SourceLocation } from '../errors.js';
import { cellNumber, parseCsv } from './csv.js';
import type { DimensionSpace } from './dimensionSpace.js';
import type { LoadContext } from './loadContext.js';
import type { NumberTree } from './numberTree.js';
import { childPath } from './sourceMap.js';

/**
 * One observed value as written, before its uncertainty is settled: a value with its own sd or
 * cv, a range, or a bare value that takes the observation's sd or cv.
 */
export interface WrittenPoint {
  readonly year: number;
  readonly item: number;
  readonly value: number;
  readonly own: { readonly sd: number } | { readonly cv: number } | undefined;
  readonly at: SourceLocation;
}

/**
 * A range [low, high] is read as a 95 % interval of a normal error, mean ± 2 sd: value the
 * midpoint, sd a quarter of the width. (A uniform distribution over the range would have an sd of
 * width/√12, 15 % more; reported ranges are rarely hard limits.)
 */
export function rangePoint(low: number, high: number): { value: number; sd: number } {
  return { value: (low + high) / 2, sd: (high - low) / 4 };
}

const YEAR_KEY = /^-?\d+$/;
const ENTRY_FORMS = 'a number, { value, sd }, { value, cv } or { low, high }';

/**
 * Inline values: items (one level per dimension, in the order `dims` lists them) down to a map
 * year -> entry. Unlike a driver's data, observations are sparse: any item may be left out.
 */
export function inlinePoints(tree: NumberTree, space: DimensionSpace, path: string, context: LoadContext): WrittenPoint[] {
  const points: WrittenPoint[] = [];
  const descend = (node: NumberTree, depth: number, indices: number[], nodePath: string): void => {
    if (typeof node === 'number') {
      const expected = depth < space.listed.length ? `a map over ${space.listed[depth].name}` : 'a map of years';
      throw context.fail(`invalid value at ${nodePath}: expected ${expected}`, nodePath, depth < space.listed.length ? `give values per item of ${space.listed[depth].name}, e.g. { ${space.listed[depth].items[0]}: { 2019: 120 } }` : 'write year: value pairs, e.g. { 2019: 120, 2020: 131 }');
    }
    for (const [key, child] of Object.entries(node)) {
      const childAt = childPath(nodePath, key);
      if (depth < space.listed.length) {
        const dimension = space.listed[depth];
        const item = dimension.items.indexOf(key);
        if (item < 0) throw unknownNameError(`item of ${dimension.name}`, key, dimension.items, context.at(childAt));
        descend(child, depth + 1, [...indices, item], childAt);
        continue;
      }
      if (!YEAR_KEY.test(key)) throw context.fail(`invalid year: ${key}`, childAt, 'keys of observed values are whole years, e.g. 2019');
      points.push({ year: Number(key), item: space.flatIndex(indices), ...inlineEntry(child, childAt, context), at: context.at(childAt) });
    }
  };
  descend(tree, 0, [], path);
  return points;
}

function inlineEntry(node: NumberTree, path: string, context: LoadContext): Pick<WrittenPoint, 'value' | 'own'> {
  if (typeof node === 'number') return { value: node, own: undefined };
  const keys = Object.keys(node).sort().join(',');
  const number = (key: string) => {
    const value = node[key];
    if (typeof value !== 'number') throw context.fail(`invalid value at ${childPath(path, key)}: expected a number`, childPath(path, key), `each year maps to ${ENTRY_FORMS}`);
    return value;
  };
  if (keys === 'value') return { value: number('value'), own: undefined };
  if (keys === 'sd,value') return { value: number('value'), own: { sd: number('sd') } };
  if (keys === 'cv,value') return { value: number('value'), own: { cv: number('cv') } };
  if (keys === 'high,low') return rangeEntry(number('low'), number('high'), context.at(path));
  throw context.fail(`invalid observed value at ${path}: keys ${keys || '(none)'}`, path, `each year maps to ${ENTRY_FORMS}`);
}

function rangeEntry(low: number, high: number, at: SourceLocation): Pick<WrittenPoint, 'value' | 'own'> {
  if (!(low <= high)) throw new ModelError(`invalid range: low ${low} is above high ${high}`, at, 'write the range as { low, high } with low ≤ high');
  const { value, sd } = rangePoint(low, high);
  return { value, own: { sd } };
}

/**
 * A CSV file: `year`, one column per dimension of `dims` holding item names, and `value`
 * (optionally with `sd` or `cv`, the value's own uncertainty) or `low` and `high` (a range).
 */
export function csvPoints(relativePath: string, space: DimensionSpace, path: string, context: LoadContext): WrittenPoint[] {
  const { text, file } = context.readData(relativePath, path);
  const table = parseCsv(text, file);
  const headerAt = (column: string): SourceLocation => ({ file, path: column, line: table.headerLine });
  const keys = ['year', ...space.listed.map((dimension) => dimension.name)];
  const layouts = [['value'], ['value', 'sd'], ['value', 'cv'], ['low', 'high']];
  const dataColumns = table.header.filter((column) => !keys.includes(column));
  const missing = keys.find((column) => !table.header.includes(column));
  const layout = layouts.find((candidate) => candidate.length === dataColumns.length && candidate.every((column) => dataColumns.includes(column)));
  if (missing !== undefined || layout === undefined) {
    throw new ModelError(
      missing !== undefined ? `missing column: ${missing} in ${file}` : `unexpected columns: ${dataColumns.join(', ') || '(none)'} in ${file}`,
      headerAt(missing ?? ''),
      `expected ${keys.join(', ')} and then value, value and sd, value and cv, or low and high`,
    );
  }
  const column = (name: string) => table.header.indexOf(name);
  const itemIndex = space.listed.map((dimension) => new Map(dimension.items.map((item, index) => [item, index])));
  return table.rows.map((row): WrittenPoint => {
    const year = cellNumber(table, row, column('year'));
    const at: SourceLocation = { file, path: 'year', line: row.line };
    if (!Number.isInteger(year)) throw new ModelError(`invalid year: ${row.cells[column('year')].trim()}`, at, 'years are whole numbers');
    const indices = space.listed.map((dimension, d) => {
      const cell = column(dimension.name);
      const name = row.cells[cell].trim();
      const item = itemIndex[d].get(name);
      if (item === undefined) throw unknownNameError(`item of ${dimension.name}`, name, dimension.items, { file, path: dimension.name, line: row.line, column: row.columns[cell] });
      return item;
    });
    const read = (name: string) => cellNumber(table, row, column(name));
    const entry = layout[0] === 'low' ? rangeEntry(read('low'), read('high'), at) : { value: read('value'), own: layout[1] === 'sd' ? { sd: read('sd') } : layout[1] === 'cv' ? { cv: read('cv') } : undefined };
    return { year, item: space.flatIndex(indices), ...entry, at };
  });
}
