import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { count, LIMITS, limitError } from './limits.js';
import { ModelError, type SourceLocation } from '../errors.js';

/**
 * The plain data of a parsed document, in one pass in document order. An alias (`*name`) is the
 * value of the last anchor (`&name`) written before it, shared as `yaml` shares it; aliases are
 * resolved here rather than by the package's toJS, which searches the whole document for every
 * alias (quadratic) and throws untyped errors. Refused, as ModelErrors at the alias: an alias
 * with no anchor before it, an alias inside the value it names (a cycle), and aliases that
 * expand the document past LIMITS.documentValues (an alias bomb: nine aliases of nine aliases
 * of … are few to write and billions of values to read).
 */
export function documentData(root: Node | null, lineCounter: LineCounter, file: string): unknown {
  const anchors = new Map<string, Node>();
  const values = new Map<Node, { data: unknown; count: number }>();
  const open = new Set<Node>();
  const at = (node: unknown): SourceLocation => {
    const { line, col } = lineCounter.linePos((node as { range?: readonly number[] }).range?.[0] ?? 0);
    return { file, path: '', line, column: col };
  };

  /** The node's data and how many values it holds with its aliases expanded. */
  function convert(node: unknown): { data: unknown; count: number } {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) throw new ModelError(`unresolved alias: *${node.source}`, at(node), `an alias repeats a value marked &${node.source} earlier in the file; write that anchor before the alias`);
      if (open.has(target)) throw new ModelError(`invalid alias: *${node.source} is inside the value it repeats`, at(node), 'an alias may repeat a value written before it, never one that contains it');
      return values.get(target)!;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor !== undefined) anchors.set(anchor, node as Node);
    open.add(node as Node);
    const converted = isMap(node) ? convertMap(node.items) : isSeq(node) ? convertList(node.items) : { data: isScalar(node) ? node.value : null, count: 1 };
    open.delete(node as Node);
    if (converted.count > LIMITS.documentValues) {
      throw limitError(`too many values: the file holds more than ${count(LIMITS.documentValues)} values, aliases expanded`, at(node), 'repeat fewer values with aliases, or move large tables into CSV data files');
    }
    if (anchor !== undefined) values.set(node as Node, converted);
    return converted;
  }

  function convertMap(pairs: readonly { key: unknown; value: unknown }[]): { data: unknown; count: number } {
    const data: Record<string, unknown> = {};
    let total = 1;
    for (const pair of pairs) {
      const key = convert(pair.key);
      const value = convert(pair.value);
      const name = key.data === null ? '' : String(key.data);
      // As yaml's toJS does: a key such as __proto__ or toString becomes an own property, never the prototype.
      if (name in data) Object.defineProperty(data, name, { value: value.data, writable: true, enumerable: true, configurable: true });
      else data[name] = value.data;
      total += key.count + value.count;
    }
    return { data, count: total };
  }

  function convertList(items: readonly unknown[]): { data: unknown; count: number } {
    let total = 1;
    const data = items.map((item) => {
      const value = convert(item);
      total += value.count;
      return value.data;
    });
    return { data, count: total };
  }

  return root === null ? null : convert(root).data;
}
