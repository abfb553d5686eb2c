import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import { ModelError } from '../errors.js';

export type SourceMap = Record<string, { line: number; column: number }>;

/** `flows` + 2 -> `flows[2]`; `drivers` + `population` -> `drivers.population`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * The line and column of every path in a parsed document. A map entry is placed at its key (so
 * a block that spans lines points at the line that names it), a list item at its first character.
 *
 * Keys are compared as the plain data will see them: `2015` and `"2015"` are different YAML keys
 * but the same object key, so one would silently replace the other; that is an error here.
 */
export function buildSourceMap(root: Node | null, lineCounter: LineCounter, file: string): SourceMap {
  const sourceMap: SourceMap = {};
  const place = (path: string, offset: number | undefined) => {
    if (offset === undefined) return;
    const { line, col } = lineCounter.linePos(offset);
    sourceMap[path] = { line, column: col };
  };

  function visit(node: unknown, path: string): void {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items as Pair<unknown, unknown>[]) {
        const key = keyText(pair.key, path, file, lineCounter);
        const entryPath = childPath(path, key);
        if (seen.has(key)) {
          const { line, col } = lineCounter.linePos(startOf(pair.key) ?? 0);
          throw new ModelError(`duplicate key: ${key}`, { file, path: entryPath, line, column: col }, 'each key may appear once in a map; remove or rename one');
        }
        seen.add(key);
        place(entryPath, startOf(pair.key) ?? startOf(pair.value));
        visit(pair.value, entryPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const itemPath = childPath(path, index);
        place(itemPath, startOf(item));
        visit(item, itemPath);
      });
    }
  }

  place('', startOf(root) ?? 0);
  visit(root, '');
  return sourceMap;
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range ? range[0] : undefined;
}

function keyText(key: unknown, path: string, file: string, lineCounter: LineCounter): string {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  const { line, col } = lineCounter.linePos(startOf(key) ?? 0);
  throw new ModelError('invalid key: keys are names or years', { file, path, line, column: col }, 'write a plain key such as population or 2015');
}
