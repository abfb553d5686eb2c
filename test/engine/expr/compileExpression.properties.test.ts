import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, testScope } from './scope.js';

type Tree =
  | { readonly kind: 'symbol'; readonly name: 'a' | 'b' | 'c' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'unary'; readonly operator: (typeof UNARY)[number]; readonly operand: Tree }
  | { readonly kind: 'binary'; readonly operator: (typeof BINARY)[number]; readonly left: Tree; readonly right: Tree };

const UNARY = ['-', 'abs', 'sqrt', 'exp', 'log'] as const;
const BINARY = ['+', '-', '*', '/', '^', 'min', 'max'] as const;

const { tree } = fc.letrec<{ tree: Tree; unary: Tree; binary: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.record({ kind: fc.constant('symbol' as const), name: fc.constantFrom('a' as const, 'b' as const, 'c' as const) }),
    fc.record({ kind: fc.constant('number' as const), value: fc.integer({ min: -40, max: 40 }).map((n) => n / 4) }),
    tie('unary'),
    tie('binary'),
  ),
  unary: fc.record({ kind: fc.constant('unary' as const), operator: fc.constantFrom(...UNARY), operand: tie('tree') }),
  binary: fc.record({ kind: fc.constant('binary' as const), operator: fc.constantFrom(...BINARY), left: tie('tree'), right: tie('tree') }),
}));

/** Fully parenthesised mathjs source for a tree, so that precedence cannot differ from the reference. */
function render(node: Tree): string {
  switch (node.kind) {
    case 'symbol':
      return node.name;
    case 'number':
      return `(${node.value})`;
    case 'unary':
      return node.operator === '-' ? `(-${render(node.operand)})` : `${node.operator}(${render(node.operand)})`;
    case 'binary':
      return node.operator === 'min' || node.operator === 'max'
        ? `${node.operator}(${render(node.left)}, ${render(node.right)})`
        : `(${render(node.left)} ${node.operator} ${render(node.right)})`;
  }
}

const UNARY_REFERENCE: Record<(typeof UNARY)[number], (x: number) => number> = { '-': (x) => -x, abs: Math.abs, sqrt: Math.sqrt, exp: Math.exp, log: Math.log };
const BINARY_REFERENCE: Record<(typeof BINARY)[number], (x: number, y: number) => number> = {
  '+': (x, y) => x + y,
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  '/': (x, y) => x / y,
  '^': Math.pow,
  min: Math.min,
  max: Math.max,
};

function reference(node: Tree, values: Readonly<Record<'a' | 'b' | 'c', number>>): number {
  switch (node.kind) {
    case 'symbol':
      return values[node.name];
    case 'number':
      return node.value;
    case 'unary':
      return UNARY_REFERENCE[node.operator](reference(node.operand, values));
    case 'binary':
      return BINARY_REFERENCE[node.operator](reference(node.left, values), reference(node.right, values));
  }
}

function agrees(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return actual === expected || Math.abs(actual - expected) <= 1e-12 * Math.abs(expected);
}

const HORIZON = 3;
const series = fc.array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(NaN) }), {
  minLength: HORIZON,
  maxLength: HORIZON,
});

describe('compileExpression (properties)', () => {
  const scope = testScope(HORIZON);

  it('evaluate(inputs) of a random arithmetic tree equals a direct computation of the same tree, NaN included', () => {
    fc.assert(
      fc.property(tree, series, series, series, (expression, a, b, c) => {
        const inputs = { a, b, c };
        const actual = evaluate(render(expression), inputs, scope);
        for (let t = 0; t < HORIZON; t++) {
          const expected = reference(expression, { a: a[t], b: b[t], c: c[t] });
          expect(agrees(actual[t], expected), `${render(expression)} in year ${t}: ${actual[t]} vs ${expected}`).toBe(true);
        }
      }),
    );
  });

  it('sum(x * y, region) over any item counts equals sum(x, region) * y', () => {
    const sizes = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
    fc.assert(
      fc.property(
        sizes.chain(([regions, streams]) =>
          fc.record({
            regions: fc.constant(regions),
            streams: fc.constant(streams),
            population: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: regions, maxLength: regions }),
            perCapita: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: streams, maxLength: streams }),
          }),
        ),
        ({ regions, streams, population, perCapita }) => {
          const itemNames = (count: number, prefix: string) => Array.from({ length: count }, (_, k) => `${prefix}${k}`);
          const local = testScope(1, [
            { name: 'region', items: itemNames(regions, 'r') },
            { name: 'stream', items: itemNames(streams, 's') },
          ]);
          const inputs = { population, per_capita: perCapita };
          const summed = evaluate('sum(population * per_capita, region)', inputs, local);
          const total = population.reduce((sum, value) => sum + value, 0);
          expect(compile('sum(population * per_capita, region)', local).dims).toEqual([1]);
          summed.forEach((value, stream) => expect(Math.abs(value - total * perCapita[stream])).toBeLessThanOrEqual(1e-12 * Math.max(1, total * perCapita[stream])));
        },
      ),
    );
  });
});
