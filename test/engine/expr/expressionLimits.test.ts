import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../engine/definition/limits.js';
import { compileExpression, type ExpressionScope } from '../../../engine/expr/compileExpression.js';
import { createUnitSystem } from '../../../engine/expr/unitSystem.js';
import { at, compile, compileError, evaluate, modelErrorOf, testScope } from './scope.js';

describe('compileExpression(source): hostile expressions end in a ModelError, in time linear in their length', () => {
  it('compileExpression(a sum of 1,000 ones) compiles (no subtree is written out while compiling) and adds up', () => {
    const source = Array(LIMITS.expressionChain + 1).fill('1').join('+');
    expect(compile(source).constantValue).toBe(LIMITS.expressionChain + 1);
  });

  it('compileExpression(a longer chain of operations) is refused before anything recurses over it', () => {
    const error = compileError(Array(LIMITS.expressionChain + 2).fill('1').join('+'));
    expect(error.message).toBe(`expression too long: more than ${LIMITS.expressionChain.toLocaleString('en-US')} operations in a row`);
    expect(error.hint).toMatch(/sum\(x, dimension\)/);
  });

  it('compileExpression(a long sum of names) evaluates, and a mistake at its end is still named with the text around it', () => {
    const source = Array(LIMITS.expressionChain).fill('a').join(' + ');
    expect(evaluate(source, { a: [1, 2] })).toEqual([LIMITS.expressionChain, 2 * LIMITS.expressionChain]);
    const error = compileError(`${source} + mass`);
    expect(error.message).toMatch(/^unit mismatch: cannot add 1 and kg$/);
    expect(error.hint!.length).toBeLessThan(400);
  });

  it('compileExpression(source longer than the limit) is refused before it is parsed', () => {
    const error = compileError(`1${'+1'.repeat(LIMITS.expressionLength / 2)}`);
    expect(error.message).toBe(`expression too long: ${LIMITS.expressionLength + 1} characters, more than ${LIMITS.expressionLength.toLocaleString('en-US')}`);
    expect(error.at).toEqual(at);
    expect(error.hint).toMatch(/parameter/);
  });

  it('compileExpression(deeply nested parentheses, calls, signs or powers) is refused with the limit named', () => {
    const depth = LIMITS.expressionNesting + 1;
    for (const source of [`${'('.repeat(depth)}1${')'.repeat(depth)}`, `${'abs('.repeat(depth)}1${')'.repeat(depth)}`, `${'-'.repeat(depth)}1`, Array(depth + 1).fill('a').join('^'), `${'a ? 1 : '.repeat(depth)}2`]) {
      const error = compileError(source);
      expect(error.message, source.slice(0, 20)).toBe(`expression too deeply nested: more than ${LIMITS.expressionNesting} levels`);
    }
    for (const depth of [5_000, 100_000]) expect(compileError(`${'('.repeat(depth)}1${')'.repeat(depth)}`).message).toMatch(/^expression too (deeply nested|long)/);
  });

  it('compileExpression(source) accepts nesting up to the limit', () => {
    const depth = LIMITS.expressionNesting - 2;
    expect(compile(`${'('.repeat(depth)}1${')'.repeat(depth)}`).constantValue).toBe(1);
  });

  it('compileExpression(a product over many large dimensions) is refused before its values are allocated', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `i${i}`);
    const dimensions = [
      { name: 'x', items: items(1_000) },
      { name: 'y', items: items(1_000) },
      { name: 'z', items: items(1_000) },
    ];
    const units = createUnitSystem([]);
    const scope: ExpressionScope = {
      dimensions,
      horizon: 5,
      units,
      names: () => ['p', 'q', 'r'],
      lookup: (name) => ({ p: [0], q: [1], r: [2] } as Record<string, number[]>)[name] && { dims: ({ p: [0], q: [1], r: [2] } as Record<string, number[]>)[name], unit: units.parse('1', at) },
    };
    const error = modelErrorOf(() => compileExpression('p * q * r', scope, at));
    expect(error.message).toBe(`too many values: "p * q * r" over [x, y, z] has 5 years × 1,000,000,000 items, more than ${LIMITS.seriesValues.toLocaleString('en-US')} values`);
    expect(error.hint).toMatch(/sum\(/);
  });

  it('compileExpression(many large intermediate results) is refused once the expressions of a model pass the limit', () => {
    const big = [{ name: 'x', items: Array.from({ length: 10_000 }, (_, i) => `i${i}`) }];
    const units = createUnitSystem([]);
    const scope: ExpressionScope = { ...testScope(100, big), units, names: () => ['p'], lookup: (name) => (name === 'p' ? { dims: [0], unit: units.parse('1', at) } : undefined) };
    const error = modelErrorOf(() => compileExpression(Array(200).fill('p').join(' * '), scope, at));
    expect(error.message).toBe(`too many values: the expressions of the model hold more than ${LIMITS.modelValues.toLocaleString('en-US')} values`);
  });
});
