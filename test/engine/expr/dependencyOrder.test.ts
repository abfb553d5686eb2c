import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByDependencies } from '../../../engine/expr/dependencyOrder.js';
import { modelErrorOf } from './scope.js';

const node = (name: string, ...references: string[]) => ({ name, references, at: { file: 'model.yaml', path: `parameters.${name}` } });

const cycleError = (nodes: Parameters<typeof orderByDependencies>[0]) => modelErrorOf(() => orderByDependencies(nodes));

describe('orderByDependencies', () => {
  it('orderByDependencies(nodes) puts every node after the nodes it references and ignores other names', () => {
    expect(orderByDependencies([node('total', 'food', 'paper', 'population'), node('food', 'base'), node('paper', 'base'), node('base', 'year')])).toEqual([
      'base',
      'food',
      'paper',
      'total',
    ]);
    expect(orderByDependencies([])).toEqual([]);
  });

  it('orderByDependencies(nodes) lists a cycle from its first node, at that node', () => {
    const error = cycleError([node('x'), node('b', 'c'), node('c', 'a', 'x'), node('a', 'b')]);
    expect(error.message).toBe('cycle among expressions: b -> c -> a -> b');
    expect(error.at.path).toBe('parameters.b');
    expect(error.hint).toBeTruthy();
  });

  it('orderByDependencies(nodes) reports a node that references itself', () => {
    expect(cycleError([node('a', 'a')]).message).toBe('cycle among expressions: a -> a');
  });

  it('orderByDependencies(nodes) of any acyclic graph orders every edge and keeps every name once', () => {
    // An edge only from a later to an earlier index cannot close a cycle; the order is then shuffled.
    const graph = fc.integer({ min: 1, max: 12 }).chain((count) =>
      fc.record({
        edges: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: 30 }).map((pairs) => pairs.filter(([from, to]) => from > to)),
        order: fc.shuffledSubarray(Array.from({ length: count }, (_, k) => k), { minLength: count, maxLength: count }),
      }),
    );
    fc.assert(
      fc.property(graph, ({ edges, order }) => {
        const nodes = order.map((k) => node(`n${k}`, ...edges.filter(([from]) => from === k).map(([, to]) => `n${to}`)));
        const sorted = orderByDependencies(nodes);
        expect([...sorted].sort()).toEqual(nodes.map((n) => n.name).sort());
        for (const [from, to] of edges) expect(sorted.indexOf(`n${to}`)).toBeLessThan(sorted.indexOf(`n${from}`));
      }),
    );
  });
});
