import { describe, expect, it } from 'vitest';
import { levenbergMarquardt, type NonlinearProblem } from '../../../engine/forecast/levenbergMarquardt.js';

/** y = A·e^(k·x) at x = 0..9. */
function exponentialProblem(ys: Float64Array): NonlinearProblem {
  return {
    observations: ys.length,
    parameters: 2,
    evaluate(theta, residuals, jacobian) {
      for (let i = 0; i < ys.length; i++) {
        const growth = Math.exp(theta[1] * i);
        residuals[i] = ys[i] - theta[0] * growth;
        if (jacobian) {
          jacobian[i] = growth;
          jacobian[ys.length + i] = theta[0] * i * growth;
        }
      }
    },
  };
}

describe('levenbergMarquardt', () => {
  it('levenbergMarquardt(problem, start) recovers an exponential from a poor start', () => {
    const ys = Float64Array.from({ length: 10 }, (_, i) => 2.5 * Math.exp(0.3 * i));
    const outcome = levenbergMarquardt(exponentialProblem(ys), Float64Array.of(1, 0));
    expect(outcome.status).toBe('converged');
    expect(outcome.theta[0]).toBeCloseTo(2.5, 10);
    expect(outcome.theta[1]).toBeCloseTo(0.3, 12);
  });

  it('levenbergMarquardt(problem, start) reports singular when a parameter has no effect', () => {
    const problem: NonlinearProblem = {
      observations: 3,
      parameters: 2,
      evaluate(theta, residuals, jacobian) {
        for (let i = 0; i < 3; i++) {
          residuals[i] = i - theta[0];
          if (jacobian) {
            jacobian[i] = 1;
            jacobian[3 + i] = 0;
          }
        }
      },
    };
    expect(levenbergMarquardt(problem, Float64Array.of(0, 0)).status).toBe('singular');
  });

  it('levenbergMarquardt(problem, start) gives the same bits twice', () => {
    const ys = Float64Array.from({ length: 10 }, (_, i) => 2.5 * Math.exp(0.3 * i) * (1 + 0.01 * Math.sin(i)));
    const first = levenbergMarquardt(exponentialProblem(ys), Float64Array.of(1, 0));
    const second = levenbergMarquardt(exponentialProblem(ys), Float64Array.of(1, 0));
    expect(Array.from(second.theta)).toStrictEqual(Array.from(first.theta));
  });
});
