import fc from 'fast-check';
import { parse, stringify } from 'yaml';

/**
 * Malformed models made from valid ones, as data (a key deleted or repeated, a wrong type, a
 * huge or non-finite number, a long string, deep nesting, a path out of the folder) and as text
 * (a line deleted or repeated, a stray bracket, alias or control character, a cut). A mutation
 * is plain data drawn by fast-check, so a case is replayed from the seed and its index alone.
 */
export interface Mutation {
  readonly kind: (typeof KINDS)[number];
  /** Where: a fraction of the way through the nodes, lines or characters. */
  readonly where: number;
  /** Which variant of the mutation (an index into its list of replacements). */
  readonly choice: number;
}

/** `path` is listed three times: a third of the data files it names are read, the rest refused, and both count. */
const KINDS = ['delete', 'duplicate', 'wrong-type', 'number', 'long', 'nest', 'path', 'path', 'path', 'size', 'name', 'line', 'insert', 'cut'] as const;

/** Unbiased: fast-check would otherwise draw the first node and the first variant far more often than the others. */
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...KINDS),
  where: fc.noBias(fc.nat(2 ** 30 - 1)).map((n) => n / 2 ** 30),
  choice: fc.noBias(fc.nat(1_000)),
});

/** Paths a hostile model may give a data file: out of its folder, devices, links, nothing. */
export const ODD_PATHS = ['../secret.txt', '../../secret.txt', '/etc/passwd', '/etc/shadow', '/proc/self/environ', '/dev/zero', '/dev/stdin', '/dev/null', 'data/escape.csv', 'data/inside.csv', 'data', '', 'data/../../secret.txt', '../shared/extra.csv', 'nothing.csv'];

const WRONG_TYPES: readonly unknown[] = ['text', 42, true, null, [], {}, [1, 2], { x: 1 }, '1 +', 'import("fs")'];
const NUMBERS: readonly number[] = [1e308, -1e308, 5e-324, 2 ** 53 + 2, -1, 0, 1e15, 2.5, NaN, Infinity, -Infinity, 1e9];
const STRINGS: readonly string[] = ['x'.repeat(20_000), 'name\u0000\u001b[2J\u0007', '\uD800lone', '__proto__', 'constructor', 'toString', 'outside', 'rest', 'year', `${'('.repeat(5_000)}1${')'.repeat(5_000)}`, Array(3_000).fill('1').join('+')];
const TEXT_INSERTS: readonly string[] = ['[', '{', ']', '}', ': ', '- ', '&a ', '*a', '*nope ', '"', "'", '\t', '\u0000', '%YAML 1.1\n', '!!binary ', '? ', '<<: *a\n', '---\n', '['.repeat(20_000), '\uFEFF', 'a: &a [*a]\n'];

type Tree = Record<string, unknown> | unknown[];

/** Every node of the document as [parent, key] pairs, in document order. */
function nodes(root: unknown): [Tree, string | number][] {
  const found: [Tree, string | number][] = [];
  const pending: Tree[] = typeof root === 'object' && root !== null ? [root as Tree] : [];
  for (let parent = pending.pop(); parent !== undefined; parent = pending.pop()) {
    const keys = Array.isArray(parent) ? parent.map((_, index) => index) : Object.keys(parent);
    for (const key of keys) {
      found.push([parent, key]);
      const child = (parent as Record<string | number, unknown>)[key];
      if (typeof child === 'object' && child !== null) pending.push(child as Tree);
    }
  }
  return found;
}

const pick = <T>(list: readonly T[], choice: number): T => list[choice % list.length];

function mutateData(data: unknown, { kind, where, choice }: Mutation): void {
  const all = nodes(data);
  if (all.length === 0) return;
  const [parent, key] = all[Math.floor(where * all.length)];
  const slot = parent as Record<string | number, unknown>;
  switch (kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete slot[key];
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(slot[key]));
      else slot[`${String(key)}${choice % 2 === 0 ? '_copy' : ''}`] = structuredClone(slot[key]);
      return;
    case 'wrong-type':
      slot[key] = structuredClone(pick(WRONG_TYPES, choice));
      return;
    case 'number':
      slot[key] = pick(NUMBERS, choice);
      return;
    case 'long':
      slot[key] = pick(STRINGS, choice);
      return;
    case 'nest': {
      let nested = slot[key];
      for (let level = 0; level < [5, 60, 70, 200][choice % 4]; level++) nested = choice % 3 === 0 ? { a: nested } : [nested];
      slot[key] = nested;
      return;
    }
    case 'path': {
      // A data file named by an existing csv key, or by a driver added for it.
      const csvKeys = all.filter(([, name]) => name === 'csv');
      const path = pick(ODD_PATHS, choice);
      if (csvKeys.length > 0) {
        const [csvParent, csvKey] = csvKeys[choice % csvKeys.length];
        (csvParent as Record<string | number, unknown>)[csvKey] = path;
      } else if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
        const model = data as Record<string, unknown>;
        model.drivers = { ...(model.drivers as object | undefined), fuzz_data: { unit: 't', csv: path, extrapolate: 'constant' } };
      }
      return;
    }
    case 'size': {
      const items = (n: number) => Array.from({ length: n }, (_, i) => `i${i}`);
      // Just past the limits on items per dimension and on years (of data or of a lifetime table), and huge counts.
      const sizes: unknown[] = [items(10_001), items(2_000), Object.fromEntries(items(1_001).map((_, i) => [String(1000 + i), i])), Array(1_001).fill(1), 2_000_000_000, 9_007_199_254_740_991];
      slot[key] = pick(sizes, choice);
      return;
    }
    default: {
      // name: a key renamed, so that references to it dangle (or meet a reserved or inherited name).
      if (Array.isArray(parent)) return;
      const renamed = pick(['__proto__', 'constructor', 'outside', 'x'.repeat(500), `${String(key)}2`, 'hasOwnProperty', '0'], choice);
      const value = slot[key];
      delete slot[key];
      Object.defineProperty(slot, renamed, { value, enumerable: true, writable: true, configurable: true });
    }
  }
}

function mutateText(text: string, { kind, where, choice }: Mutation): string {
  const lines = text.split('\n');
  const line = Math.floor(where * lines.length);
  const offset = Math.floor(where * text.length);
  switch (kind) {
    case 'line':
      if (choice % 2 === 0) lines.splice(line, 1);
      else lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 'insert':
      return `${text.slice(0, offset)}${pick(TEXT_INSERTS, choice)}${text.slice(offset)}`;
    default:
      return text.slice(0, offset);
  }
}

const TEXT_KINDS: readonly string[] = ['line', 'insert', 'cut'];

/**
 * The base file with the mutations applied: those on data to its parsed data (then written out
 * once), those on text to the text after that. `data` is the base text already parsed.
 */
export function mutate(base: { readonly text: string; readonly data: unknown }, mutations: readonly Mutation[]): string {
  const onData = mutations.filter((step) => !TEXT_KINDS.includes(step.kind));
  let text = base.text;
  if (onData.length > 0) {
    const data = structuredClone(base.data);
    for (const step of onData) mutateData(data, step);
    // Data nested too deep to write out stays as it was.
    try {
      text = stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
    } catch {
      text = base.text;
    }
  }
  return mutations.filter((step) => TEXT_KINDS.includes(step.kind)).reduce(mutateText, text);
}

/** A base file as mutate takes it. */
export function baseFile(text: string): { readonly text: string; readonly data: unknown } {
  return { text, data: parse(text) };
}
