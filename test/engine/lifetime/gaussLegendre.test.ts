import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussLegendre } from '../../../engine/lifetime/gaussLegendre.js';

describe('gaussLegendre', () => {
  it('gaussLegendre(n) integrates x^k over [0, 1] exactly for k < 2n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.nat(), (points, power) => {
        const degree = power % (2 * points);
        const { nodes, weights } = gaussLegendre(points);
        let sum = 0;
        for (let j = 0; j < points; j++) sum += weights[j] * nodes[j] ** degree;
        expect(sum).toBeCloseTo(1 / (degree + 1), 14);
      }),
    );
  });

  it('gaussLegendre(3) has the nodes ½ ∓ √(3/5)/2 and ½ with weights 5/18, 8/18, 5/18', () => {
    const { nodes, weights } = gaussLegendre(3);
    const half = Math.sqrt(0.6) / 2;
    [0.5 - half, 0.5, 0.5 + half].forEach((node, j) => expect(nodes[j]).toBeCloseTo(node, 15));
    [5 / 18, 8 / 18, 5 / 18].forEach((weight, j) => expect(weights[j]).toBeCloseTo(weight, 15));
  });
});
