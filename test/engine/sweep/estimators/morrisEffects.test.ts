import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../../engine/errors.js';
import { designRows } from '../../../../engine/sweep/design/design.js';
import { morrisDesign } from '../../../../engine/sweep/design/morris.js';
import { morrisEffects } from '../../../../engine/sweep/estimators/morrisEffects.js';
import { evaluateRows } from './testFunctions.js';

const COEFFICIENTS = [3, -2, 0.5, 0];
const LOW = [0, 10, -1, 5];
const HIGH = [1, 14, 1, 6];

/** f = Σ c_i x_i with x_i = lo_i + u_i (hi_i − lo_i). */
function linear(u: Float64Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < COEFFICIENTS.length; i++) sum += COEFFICIENTS[i] * (LOW[i] + u[offset + i] * (HIGH[i] - LOW[i]));
  return sum;
}

describe('morrisEffects', () => {
  it.each([
    ['grid', undefined],
    ['centred', undefined],
    ['grid', 40],
  ] as const)('morrisEffects of a linear function (%s levels, %s candidates): μ = c·range, μ* = |c|·range, σ = 0', (placement, candidates) => {
    const design = morrisDesign({ factors: 4, trajectories: 12, seed: 1, placement, candidates });
    const points = designRows(design);
    const effects = morrisEffects(points, evaluateRows(points, 4, linear), { factors: 4, outputs: 1 });
    expect(effects.trajectories).toBe(12);
    for (let i = 0; i < 4; i++) {
      const expected = COEFFICIENTS[i] * (HIGH[i] - LOW[i]);
      expect(effects.mu[i]).toBeCloseTo(expected, 12);
      expect(effects.muStar[i]).toBeCloseTo(Math.abs(expected), 12);
      expect(effects.sigma[i]).toBeCloseTo(0, 12);
    }
  });

  it('morrisEffects of x1² on the 4-level grid: every effect is 2a + Δ for a start a in {0, ⅓}, so μ* = μ ∈ [⅔, 4/3] and σ follows', () => {
    const points = designRows(morrisDesign({ factors: 2, trajectories: 50, seed: 7 }));
    const effects = morrisEffects(points, evaluateRows(points, 2, (u, offset) => u[offset] ** 2), { factors: 2, outputs: 1 });
    // Each effect is 2/3 or 4/3; with k of the 50 at 4/3, μ = 2/3 + (2/3)k/50 and σ² = (4/9)·k(50 − k)/(50·49).
    const k = Math.round(((effects.mu[0] - 2 / 3) * 50 * 3) / 2);
    expect(effects.mu[0]).toBeCloseTo(2 / 3 + (2 / 3) * (k / 50), 12);
    expect(effects.muStar[0]).toBeCloseTo(effects.mu[0], 12);
    expect(effects.sigma[0]).toBeCloseTo(Math.sqrt(((4 / 9) * k * (50 - k)) / (50 * 49)), 12);
    expect(effects.mu[1]).toBe(0);
  });

  it('morrisEffects handles many outputs at once, each as if alone', () => {
    const points = designRows(morrisDesign({ factors: 3, trajectories: 9, seed: 2 }));
    const f = evaluateRows(points, 3, (u, o) => u[o] * u[o + 1] + Math.sin(3 * u[o + 2]));
    const g = evaluateRows(points, 3, (u, o) => Math.exp(u[o]) - u[o + 2]);
    const matrix = new Float64Array(f.length * 2);
    f.forEach((value, run) => {
      matrix[run * 2] = value;
      matrix[run * 2 + 1] = g[run];
    });
    const together = morrisEffects(points, matrix, { factors: 3, outputs: 2 });
    const [alone0, alone1] = [f, g].map((output) => morrisEffects(points, output, { factors: 3, outputs: 1 }));
    expect(Array.from(together.muStar)).toEqual([...alone0.muStar, ...alone1.muStar]);
    expect(Array.from(together.sigma)).toEqual([...alone0.sigma, ...alone1.sigma]);
  });

  it('morrisEffects rejects points that are not Morris trajectories', () => {
    const points = designRows(morrisDesign({ factors: 2, trajectories: 2, seed: 0 }));
    points[1 * 2 + 0] = 0.123456;
    expect(() => morrisEffects(points, new Float64Array(6), { factors: 2, outputs: 1 })).toThrow(OptionsError);
    expect(() => morrisEffects(points.subarray(0, 5), new Float64Array(6), { factors: 2, outputs: 1 })).toThrow('options.points must hold r·(d + 1)·d numbers');
  });
});
