import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketRoot } from '../../../engine/numeric/bracketRoot.js';

const solve = (f: (x: number) => number, a: number, b: number, tolerance = 1e-10) => bracketRoot(f, a, b, f(a), f(b), tolerance);

describe('bracketRoot', () => {
  it('bracketRoot(f, a, b) finds √2 as the root of x² − 2 in a few evaluations', () => {
    const { x, evaluations } = solve((x) => x * x - 2, 0, 2);
    expect(x).toBeCloseTo(Math.SQRT2, 9);
    expect(evaluations).toBeLessThan(15);
  });

  it('bracketRoot(f, a, b) finds the root of a step-like monotone function within the tolerance', () => {
    const { x } = solve((x) => Math.tanh(50 * (x - 0.3)), 0, 1, 1e-9);
    expect(Math.abs(x - 0.3)).toBeLessThan(1e-8);
  });

  it('bracketRoot(f, a, b) lands within the tolerance of the root of any increasing line', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (root, slope) => {
        const { x } = solve((x) => slope * (x - root), -1000, 1000, 1e-6);
        expect(Math.abs(x - root)).toBeLessThan(1e-6);
      }),
    );
  });
});
