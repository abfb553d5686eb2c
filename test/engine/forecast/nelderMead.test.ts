import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../engine/forecast/nelderMead.js';

describe('nelderMead', () => {
  it('nelderMead(f, start, step) finds the minimum of Rosenbrock’s valley at (1, 1)', () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const { x, value } = nelderMead(rosenbrock, Float64Array.of(-1.2, 1), 0.5);
    expect(x[0]).toBeCloseTo(1, 6);
    expect(x[1]).toBeCloseTo(1, 6);
    expect(value).toBeLessThan(1e-12);
  });

  it('nelderMead(f, start, step) finds the centre of a three-dimensional bowl', () => {
    const bowl = (x: Float64Array) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2 + 0.5 * (x[2] - 0.25) ** 2;
    const { x } = nelderMead(bowl, Float64Array.of(0, 0, 0), 0.5);
    expect(Array.from(x).map((v) => Number(v.toFixed(5)))).toStrictEqual([3, -1, 0.25]);
  });
});
