import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../engine/definition/limits.js';
import { HEADER, load, loadError } from './loadHelpers.js';

const body = `processes: [a]
flows:
  - { from: outside, to: a, value: 1 }
  - { from: a, to: outside, share: 1 }
`;

/** `n` nested lists, `[[[…]]]`, as one line. */
const nestedLists = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('loadModelFromText(text): hostile documents end in a ModelError with a line and a hint', () => {
  it('loadModelFromText(alias bomb) refuses aliases that expand past the limit', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 7; level++) bomb.push(`${'abcdefg'[level]}: &${'abcdefg'[level]} [${Array(9).fill(`*${'abcdefg'[level - 1]}`).join(', ')}]`);
    const error = loadError(`${HEADER}${body}sweep:\n${bomb.map((line) => `  ${line}`).join('\n')}\n`);
    expect(error.message).toMatch(/^too many values: the file holds more than [\d,]+ values, aliases expanded$/);
    expect(error.at.line).toBeGreaterThan(4);
  });

  it('loadModelFromText(unresolved alias) names the alias and its line', () => {
    const error = loadError(`${HEADER}processes: [*nothing]\n`);
    expect(error.message).toBe('unresolved alias: *nothing');
    expect(error.at).toMatchObject({ line: 5 });
    expect(error.hint).toMatch(/&nothing/);
  });

  it('loadModelFromText(text) still reads an alias of an anchor written before it', () => {
    const definition = load(`${HEADER}processes: [&first a, b]
flows:
  - { from: outside, to: *first, value: 1 }
  - { from: a, to: b, share: 1 }
  - { from: b, to: outside, share: 1 }
`);
    expect(definition.flows[0].to).toBe('a');
  });

  it('loadModelFromText(deeply nested yaml or json) is a ModelError at the line where the limit is passed', () => {
    for (const depth of [LIMITS.nesting + 1, 1_000, 100_000]) {
      const yaml = loadError(`${HEADER}${body}sweep:\n  x: ${nestedLists(depth)}\n`);
      expect(yaml.message).toBe(`too deeply nested: more than ${LIMITS.nesting} levels of maps and lists`);
      expect(yaml.at.line).toBe(10);
      const json = loadError(`{"metabolis": 1,\n "sweep": {"x": ${nestedLists(depth)}}}`, {}, 'model.json');
      expect(json.message).toBe(`too deeply nested: more than ${LIMITS.nesting} levels of maps and lists`);
      expect(json.at.line).toBe(2);
    }
  });

  it('loadModelFromText(deep block nesting) counts indented maps and compact lists too', () => {
    const compact = `${HEADER}${body}sweep:\n  x: \n${'  '}${'- '.repeat(LIMITS.nesting + 5)}1\n`;
    expect(loadError(compact).message).toMatch(/^too deeply nested/);
    const indented = `${HEADER}${body}sweep:\n${Array.from({ length: LIMITS.nesting + 5 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`;
    expect(loadError(indented).message).toMatch(/^too deeply nested/);
  });

  it('loadModelFromText(text) accepts nesting up to the limit', () => {
    expect(() => load(`${HEADER}${body}sweep:\n  x: ${nestedLists(LIMITS.nesting - 3)}\n`)).not.toThrow();
  });

  it('loadModelFromText(text larger than the limit) is refused before it is parsed', () => {
    const error = loadError(`${HEADER}${body}#${'x'.repeat(LIMITS.modelFileBytes)}\n`);
    expect(error.message).toMatch(/^file too large: models\/test\/model.yaml has [\d,]+ characters, more than 4 MiB$/);
  });

  it('loadModelFromText(map of 50,000 keys) reads it in time linear in the keys, and finds a key written twice', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}`);
    const error = loadError(`${HEADER}${body}sweep:\n${keys.join('\n')}\n  k7: 1\n`);
    expect(error.message).toBe('duplicate key: k7');
    expect(error.at.line).toBe(50_000 + 10);
  });
});
