import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from '../../../engine/compile/stronglyConnected.js';

describe('stronglyConnectedComponents', () => {
  it('stronglyConnectedComponents(graph) groups a recycling loop and orders components along the flow', () => {
    // 0 -> 1 -> 2 -> 1 (loop 1-2), 2 -> 3
    const components = stronglyConnectedComponents(4, [[1], [2], [1, 3], []]);
    expect(components).toEqual([[0], [1, 2], [3]]);
  });

  it('stronglyConnectedComponents(graph) puts every edge forward or inside a component', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }))),
        ([n, edges]) => {
          const successors = Array.from({ length: n }, () => [] as number[]);
          for (const [a, b] of edges) successors[a].push(b);
          const components = stronglyConnectedComponents(n, successors);
          const position = new Map<number, number>();
          components.forEach((members, c) => members.forEach((m) => position.set(m, c)));
          expect(position.size).toBe(n);
          for (const [a, b] of edges) expect(position.get(a)!).toBeLessThanOrEqual(position.get(b)!);
        },
      ),
    );
  });
});
