import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../engine/expr/parseExpression.js';
import { at, modelErrorOf } from './scope.js';

const parseError = (source: string) => modelErrorOf(() => parseExpression(source, at));

describe('parseExpression', () => {
  it('parseExpression(source) rejects code a model file must never run, naming the construct', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['import("fs")', 'function import()'],
      ['evaluate("1+1")', 'function evaluate()'],
      ['createUnit("x")', 'function createUnit()'],
      ['parse("1")', 'function parse()'],
      ['compile("1")', 'function compile()'],
      ['population(2)', 'function population()'],
      ['a = 1', 'assignment'],
      ['f(x) = x', 'function definition'],
      ['a.b', 'property or index access'],
      ['a.constructor("return 1")', 'property or index access'],
      ['a[1]', 'property or index access'],
      ['[1, 2]', 'matrix'],
      ['{a: 1}', 'object'],
      ['"text"', 'string'],
      ['1:3', 'range'],
      ['a; b', 'several statements'],
      ['a < b < c', 'chained comparison'],
      ['true', 'literal true'],
      ['a mod b', 'operator mod'],
      ['x!', 'operator !'],
      ['a to b', 'operator to'],
      ['a & b', 'operator &'],
      ['a xor b', 'operator xor'],
      ['a ?? b', 'operator ??'],
    ];
    for (const [source, what] of cases) {
      const error = parseError(source);
      expect(error.message, source).toBe(`forbidden expression construct: ${what}`);
      expect(error.at).toBe(at);
      expect(error.hint).toContain('never runs code');
      expect(error.hint).toContain('min max exp log sqrt abs pow clamp sum');
    }
  });

  it('parseExpression(source) reports a syntax error with its column', () => {
    const error = parseError('population + / 2');
    expect(error.message).toBe('invalid expression: value expected at column 14');
    expect(error.hint).toBe('in "population + / 2"');
    expect(parseError('(a + b').message).toMatch(/^invalid expression: .* at column \d+$/);
  });

  it('parseExpression("") is an invalid, empty expression', () => {
    expect(parseError('').message).toBe('invalid expression: empty');
  });

  it('parseExpression(source) checks the number of arguments of every function', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['exp(a, b)', 'exp() takes 1 argument, got 2'],
      ['pow(a)', 'pow() takes 2 arguments, got 1'],
      ['min(a)', 'min() takes 2 or more arguments, got 1'],
      ['clamp(a, 0)', 'clamp() takes 3 arguments (x, lo, hi), got 2'],
      ['sum(a)', 'sum() takes 2 arguments, got 1'],
      ['sum(a, 1)', 'the second argument of sum() must be a dimension name'],
    ];
    for (const [source, message] of cases) expect(parseError(source).message).toBe(`invalid expression: ${message}`);
  });

  it('parseExpression(source) removes sugar: unary plus, pow(), n-ary min and clamp()', () => {
    expect(parseExpression('+a', at)).toEqual({ kind: 'name', name: 'a', text: 'a' });
    expect(parseExpression('pow(a, 2)', at)).toMatchObject({ kind: 'binary', operator: 'pow', left: { name: 'a' }, right: { value: 2 } });
    expect(parseExpression('min(a, b, c)', at)).toMatchObject({
      kind: 'binary',
      operator: 'min',
      left: { kind: 'binary', operator: 'min', left: { name: 'a' }, right: { name: 'b' } },
      right: { name: 'c' },
    });
    expect(parseExpression('clamp(x, 0, 1)', at)).toMatchObject({
      kind: 'binary',
      operator: 'min',
      left: { kind: 'binary', operator: 'max', left: { name: 'x' }, right: { value: 0 } },
      right: { value: 1 },
    });
  });

  it('parseExpression(source) keeps parentheses only as structure and reads 5% as 5 / 100', () => {
    expect(parseExpression('(a + b) * c', at)).toMatchObject({ kind: 'binary', operator: 'multiply', left: { kind: 'binary', operator: 'add' } });
    expect(parseExpression('5%', at)).toMatchObject({ kind: 'binary', operator: 'divide', left: { value: 5 }, right: { value: 100 } });
  });

  it('parseExpression(source) reads numbers as mathjs writes them and unit names as names, though its parser never builds units', () => {
    const cases: readonly (readonly [string, number])[] = [['2.5e3', 2500], ['.5', 0.5], ['1e-3', 0.001], ['0x1F', 31], ['0b101', 5]];
    for (const [source, value] of cases) expect(parseExpression(source, at), source).toMatchObject({ kind: 'number', value });
    expect(parseExpression('2 kg', at)).toMatchObject({ kind: 'binary', operator: 'multiply', left: { value: 2 }, right: { kind: 'name', name: 'kg' } });
    expect(parseExpression('kg / yr', at).text).toBe('kg / yr');
  });
});
