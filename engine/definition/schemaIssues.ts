import { z } from 'zod';
import { abbreviate, ModelError, nearestNames } from '../errors.js';
import type { LoadContext } from './loadContext.js';
import { childPath } from './sourceMap.js';

type Issue = z.core.$ZodIssue;
type Segment = PropertyKey;

/**
 * Turns zod's issues into the one ModelError a user should see first: the issue written earliest
 * in the file, with the path, its line, and a hint that says what is expected there.
 */
export function schemaError(issues: readonly Issue[], schema: z.ZodType, data: unknown, context: LoadContext, document = 'the model'): ModelError {
  const errors = preferTypos(issues, [], data).map((issue) => describeIssue(issue, [], schema, data, context, document));
  const line = (error: ModelError) => error.at.line ?? Number.POSITIVE_INFINITY;
  return errors.reduce((first, error) => (line(error) < line(first) ? error : first));
}

/** `document` names the file's kind where a key at its top level is missing ("the sweep file needs model"). */
function describeIssue(issue: Issue, base: readonly Segment[], schema: z.ZodType, data: unknown, context: LoadContext, document: string): ModelError {
  const segments = [...base, ...issue.path];
  const path = pathText(segments);
  const value = valueAt(data, segments);
  // YAML's .nan and .inf are numbers to the parser but never a value a model may hold.
  if (typeof value === 'number' && !Number.isFinite(value)) return context.fail(`invalid number: ${value}`, path, 'values must be finite numbers');
  switch (issue.code) {
    case 'invalid_union': {
      if (value === undefined) return missingKey(segments, issue.errors.map((branch) => (branch[0]?.code === 'invalid_type' ? branch[0].expected : 'a value')).join(' or '), context, document);
      // A branch that failed only because the value has another type is not what the user meant.
      const meant = issue.errors.filter((branch) => !(branch.length === 1 && branch[0].code === 'invalid_type' && branch[0].path.length === 0));
      if (meant.length > 0) {
        const closest = meant.reduce((best, branch) => (branch.length < best.length ? branch : best));
        return describeIssue(preferTypos(closest, segments, data)[0], segments, schema, data, context, document);
      }
      const expected = issue.errors.map((branch) => (branch[0].code === 'invalid_type' ? branch[0].expected : 'another value'));
      return context.fail(`invalid type: expected ${expected.join(' or ')}, got ${typeName(value)}`, path, TYPE_HINTS[expected[0]] ?? 'see the model language reference in the README');
    }
    case 'invalid_type': {
      if (value === undefined) return missingKey(segments, issue.expected, context, document);
      return context.fail(`invalid type: expected ${issue.expected}, got ${typeName(value)}`, path, TYPE_HINTS[issue.expected] ?? `write a ${issue.expected}`);
    }
    case 'unrecognized_keys': {
      const [key] = issue.keys;
      const allowed = allowedKeys(schema, segments);
      const nearest = nearestNames(key, allowed, 1);
      const suggestion = nearest.length > 0 ? `did you mean '${nearest[0]}'? ` : '';
      return context.fail(`unknown key: ${abbreviate(key)}`, childPath(path, key), `${suggestion}allowed here: ${allowed.join(', ')}`);
    }
    case 'invalid_value': {
      if (value === undefined) return missingKey(segments, issue.values.map(String).join(' | '), context, document);
      const allowed = issue.values.map((option) => String(option));
      const expected = `expected ${allowed.join(' | ')}`;
      if (typeof value === 'object' && value !== null) return context.fail(`invalid type: ${expected}, got ${typeName(value)}`, path, `write one of ${allowed.join(', ')}`);
      const [nearest] = nearestNames(String(value), allowed, 1);
      return context.fail(`invalid ${String(segments[segments.length - 1])}: ${abbreviate(String(value))}`, path, `${expected}${allowed.length > 1 ? `; did you mean '${nearest}'?` : ''}`);
    }
    case 'invalid_key':
    case 'invalid_format': {
      const shown = issue.code === 'invalid_key' ? String(segments[segments.length - 1]) : String(value);
      return context.fail(`invalid name: ${abbreviate(shown)}`, path, 'names start with a letter or _, then letters, digits or _ (items, scenarios and ids may also use -)');
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      const what = issue.origin === 'array' ? 'item(s)' : issue.origin === 'string' ? 'character(s)' : '';
      return context.fail(`invalid value at ${path}`, path, `needs ${bound}${what ? ` ${what}` : ''}`);
    }
    default:
      return context.fail(`invalid value at ${path}: ${issue.message}`, path, 'see the model language reference in the README');
  }
}

function missingKey(segments: readonly Segment[], expected: string, context: LoadContext, document: string): ModelError {
  const key = String(segments[segments.length - 1]);
  return context.fail(`missing key: ${key}`, pathText(segments), `${pathText(segments.slice(0, -1)) || document} needs ${key} (${expected})`);
}

/** A key missing next to an unknown key is usually that key misspelt: report the typo only. */
function preferTypos(issues: readonly Issue[], base: readonly Segment[], data: unknown): Issue[] {
  const withTypos = new Set(issues.filter((issue) => issue.code === 'unrecognized_keys').map((issue) => pathText(issue.path)));
  const missing = (issue: Issue) => (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(data, [...base, ...issue.path]) === undefined;
  return issues.filter((issue) => !(missing(issue) && withTypos.has(pathText(issue.path.slice(0, -1)))));
}

const TYPE_HINTS: Readonly<Record<string, string>> = {
  number: 'write a number, e.g. 0.3',
  int: 'write a whole number, e.g. 2030',
  string: 'write text (quote it if it looks like a number)',
  boolean: 'write true or false',
  array: 'write a list, e.g. [a, b]',
  object: 'write a map of keys, e.g. { key: value }',
  record: 'write a map of keys, e.g. { key: value }',
};

function pathText(segments: readonly Segment[]): string {
  return segments.reduce<string>((path, segment) => childPath(path, typeof segment === 'number' ? segment : String(segment)), '');
}

function valueAt(data: unknown, segments: readonly Segment[]): unknown {
  let value = data;
  for (const segment of segments) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
  return value;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing (null)';
  if (typeof value === 'object') return 'a map';
  return typeof value === 'string' ? `string ${JSON.stringify(abbreviate(value, 40))}` : `${typeof value} ${String(value)}`;
}

/** The keys the schema allows for the object at `segments` (walking through wrappers and unions). */
function allowedKeys(schema: z.ZodType, segments: readonly Segment[]): string[] {
  const resolve = (node: z.ZodType): z.ZodType => {
    if (node instanceof z.ZodOptional || node instanceof z.ZodLazy) return resolve(node.unwrap() as z.ZodType);
    if (node instanceof z.ZodUnion) return resolve((node.options as z.ZodType[]).find((option) => resolve(option) instanceof z.ZodObject) ?? node);
    return node;
  };
  let node = resolve(schema);
  for (const segment of segments) {
    if (node instanceof z.ZodObject) node = resolve(node.shape[String(segment)] as z.ZodType);
    else if (node instanceof z.ZodRecord) node = resolve(node.valueType as z.ZodType);
    else if (node instanceof z.ZodArray) node = resolve(node.element as z.ZodType);
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}
