import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseModelText } from '../../../engine/definition/parseModelText.js';
import { childPath } from '../../../engine/definition/sourceMap.js';

type Tree = number | { [key: string]: Tree } | Tree[];

/** Every path of a plain value, parents before children. */
function paths(value: Tree, path = ''): string[] {
  if (typeof value === 'number') return [];
  const entries: [string | number, Tree][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [childPath(path, key), ...paths(child, childPath(path, key))]);
}

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 99 }),
    fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), tie('node'), { maxKeys: 4 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

describe('parseModelText(text, file)', () => {
  it('parseModelText(yaml) places every path of the document, keys at their own line', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), tree, { minKeys: 1, maxKeys: 4 }), (data) => {
        const text = stringify(data);
        const lines = text.split('\n');
        const { data: parsed, sourceMap } = parseModelText(text, 'model.yaml');
        expect(parsed).toEqual(data);
        for (const path of paths(data)) {
          const position = sourceMap[path];
          expect(position, path).toBeDefined();
          const key = /\.([a-z0-9_]+)$|^([a-z0-9_]+)$/.exec(path);
          const written = lines[position.line - 1].slice(position.column - 1);
          // A map entry starts with its key; a list item starts with its value (or its first key).
          if (key) expect(written.startsWith(key[1] ?? key[2]), `${path} at ${position.line}:${position.column}`).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('parseModelText(json) gives the same paths as the YAML of the same data', () => {
    const data = { flows: [{ from: 'a', to: 'b', share: 0.5 }], drivers: { population: { csv: 'p.csv' } } };
    const fromJson = parseModelText(JSON.stringify(data, null, 2), 'model.json').sourceMap;
    const fromYaml = parseModelText(stringify(data), 'model.yaml').sourceMap;
    expect(Object.keys(fromJson).sort()).toEqual(Object.keys(fromYaml).sort());
    expect(fromJson['flows[0].share']).toEqual({ line: 6, column: 7 });
    expect(fromJson['drivers.population.csv']).toEqual({ line: 11, column: 7 });
  });
});
