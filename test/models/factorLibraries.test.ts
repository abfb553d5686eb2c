import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createUnitSystem } from '../../engine/expr/unitSystem.js';

// Structural sanity of the shipped factor libraries until the engine has a loader of its own;
// whether each number is right is SOURCES.md's business, not this test's.
const librariesDirectory = join(import.meta.dirname, '../../models/factors');
const libraries = readdirSync(librariesDirectory).filter((name) => name.endsWith('.yaml'));
const ITEM = /^[A-Za-z0-9_.-]+$/;
const REQUIRED = ['unit', 'dims', 'values', 'source', 'read_in'] as const;

interface Table {
  unit: unknown;
  dims: string[];
  values: unknown;
  source: unknown;
  read_in: unknown;
}
interface Library {
  'metabolis-factors': unknown;
  name: unknown;
  dimensions: Record<string, string[]>;
  tables: Record<string, Table>;
}

function load(file: string): Library {
  return parse(readFileSync(join(librariesDirectory, file), 'utf8')) as Library;
}

/** Every problem of a value tree over `dims`: a key that is not an item, a leaf that is not a finite number. */
function treeProblems(tree: unknown, dims: readonly string[], dimensions: Library['dimensions'], path: string): string[] {
  if (dims.length === 0) return typeof tree === 'number' && Number.isFinite(tree) ? [] : [`${path} is not a finite number`];
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return [`${path} is not a map over ${dims[0]}`];
  const items = dimensions[dims[0]] ?? [];
  return Object.entries(tree).flatMap(([key, subtree]) => [
    ...(items.includes(key) ? [] : [`${path}.${key} is not an item of ${dims[0]}`]),
    ...treeProblems(subtree, dims.slice(1), dimensions, `${path}.${key}`),
  ]);
}

/** The leaves of a value tree, keyed by their path. */
function leaves(tree: unknown, path = ''): Map<string, number> {
  if (typeof tree === 'number') return new Map([[path, tree]]);
  return new Map(Object.entries(tree as Record<string, unknown>).flatMap(([key, subtree]) => [...leaves(subtree, `${path}/${key}`)]));
}

describe('factor libraries', () => {
  it('readdirSync(models/factors) finds the three shipped libraries', () => {
    expect(libraries.sort()).toEqual(['bcrc-zero-waste-city.yaml', 'gwp.yaml', 'ipcc-2006-waste.yaml']);
  });

  it.each(libraries)('parse(%s) has the library header and declares dimensions of unique, well-formed items', (file) => {
    const library = load(file);
    expect(library['metabolis-factors']).toBe(1);
    expect(typeof library.name).toBe('string');
    for (const [dimension, items] of Object.entries(library.dimensions)) {
      expect({ dimension, wellFormed: ITEM.test(dimension) && items.every((item) => ITEM.test(item)) }).toEqual({ dimension, wellFormed: true });
      expect({ dimension, duplicates: items.length - new Set(items).size }).toEqual({ dimension, duplicates: 0 });
    }
  });

  it.each(libraries)('parse(%s) gives every table unit, dims, values, source and read_in, with dims that are declared', (file) => {
    const library = load(file);
    for (const [name, table] of Object.entries(library.tables)) {
      expect({ name, missing: REQUIRED.filter((key) => table[key] === undefined || table[key] === '') }).toEqual({ name, missing: [] });
      expect({ name, source: typeof table.source, readIn: typeof table.read_in }).toEqual({ name, source: 'string', readIn: 'string' });
      expect({ name, undeclared: table.dims.filter((dimension) => !(dimension in library.dimensions)) }).toEqual({ name, undeclared: [] });
    }
  });

  it.each(libraries)('parse(%s) holds only finite numbers, each under items of its dimensions', (file) => {
    const library = load(file);
    for (const [name, table] of Object.entries(library.tables)) {
      expect({ name, problems: treeProblems(table.values, table.dims, library.dimensions, name) }).toEqual({ name, problems: [] });
    }
  });

  it.each(libraries)('createUnitSystem().parse reads the unit of every table in %s', (file) => {
    const units = createUnitSystem([]);
    for (const [name, table] of Object.entries(load(file).tables)) {
      expect(() => units.parse(String(table.unit), { file, path: `tables.${name}.unit` }), name).not.toThrow();
    }
  });

  it.each(libraries)('parse(%s) keeps every default between its _low and _high where the range is given', (file) => {
    const tables = load(file).tables;
    for (const [name, table] of Object.entries(tables)) {
      const low = tables[`${name}_low`];
      const high = tables[`${name}_high`];
      if (low === undefined || high === undefined) continue;
      const lows = leaves(low.values);
      const highs = leaves(high.values);
      for (const [path, value] of leaves(table.values)) {
        const range = [lows.get(path), highs.get(path)];
        if (range[0] === undefined || range[1] === undefined) continue;
        expect({ name, path, inRange: range[0] <= value && value <= range[1] }).toEqual({ name, path, inRange: true });
      }
    }
  });
});
