import { describe, expect, it } from 'vitest';
import { erfc } from '../../../engine/lifetime/erfc.js';
import { reconcile } from '../../../engine/reconcile/index.js';
import { balance, covarianceOf, measured, variable } from './problems.js';

/**
 * One process, in = out, both measured: the reconciled flow is the inverse-variance weighted mean
 * w = (a/σa² + b/σb²)/(1/σa² + 1/σb²) with variance 1/(1/σa² + 1/σb²), and both reconciled values
 * are that one number, so their covariance is that variance too.
 */
function byHand(a: number, sdA: number, b: number, sdB: number) {
  const weightA = 1 / sdA ** 2;
  const weightB = 1 / sdB ** 2;
  const variance = 1 / (weightA + weightB);
  return { mean: (a * weightA + b * weightB) * variance, variance };
}

describe('reconcile: one process, two measured flows', () => {
  it('reconcile(in = out) with equal sds gives both flows the plain mean, with variance σ²/2', () => {
    const result = reconcile({ variables: [measured('in', 100, 4), measured('out', 110, 4)], constraints: [balance('P', ['in'], ['out'])] });
    expect(result.status).toBe('converged');
    expect(variable(result, 'in').value).toBeCloseTo(105, 12);
    expect(variable(result, 'out').value).toBeCloseTo(105, 12);
    expect(variable(result, 'in').sd).toBeCloseTo(4 / Math.SQRT2, 12);
    expect(covarianceOf(result, 'in', 'out')).toBeCloseTo(8, 12);
    expect(variable(result, 'in').adjustment).toBeCloseTo(5, 12);
    expect(variable(result, 'out').adjustment).toBeCloseTo(-5, 12);
  });

  it('reconcile(in = out) with unequal sds gives the inverse-variance weighted mean and its variance', () => {
    const result = reconcile({ variables: [measured('in', 100, 3), measured('out', 110, 4)], constraints: [balance('P', ['in'], ['out'])] });
    const { mean, variance } = byHand(100, 3, 110, 4);
    expect(mean).toBeCloseTo(103.6, 12);
    expect(variance).toBeCloseTo(5.76, 12);
    for (const name of ['in', 'out']) {
      expect(variable(result, name).value).toBeCloseTo(mean, 12);
      expect(variable(result, name).sd).toBeCloseTo(Math.sqrt(variance), 12);
      expect(variable(result, name).classification).toBe('redundant');
    }
    // The whole covariance matrix: every entry is the variance of the common value.
    expect(Array.from(result.covariance).map((c) => c / variance)).toEqual([1, 1, 1, 1].map((one) => expect.closeTo(one, 12)));
  });

  it('reconcile(in = out) tests the difference: χ² = (a − b)²/(σa² + σb²) on 1 degree of freedom', () => {
    const result = reconcile({ variables: [measured('in', 100, 3), measured('out', 110, 4)], constraints: [balance('P', ['in'], ['out'])] });
    // χ² = 100/25 = 4; with one degree of freedom p = P(|N(0,1)| ≥ 2) = erfc(2/√2).
    expect(result.globalTest.chiSquare).toBeCloseTo(4, 12);
    expect(result.globalTest.degreesOfFreedom).toBe(1);
    expect(result.globalTest.pValue).toBeCloseTo(erfc(2 / Math.SQRT2), 12);
    expect(result.globalTest.passed).toBe(false);
    // Each normalised adjustment is ±(a − b)/√(σa² + σb²) = ∓2.
    expect(variable(result, 'in').normalizedAdjustment).toBeCloseTo(2, 12);
    expect(variable(result, 'out').normalizedAdjustment).toBeCloseTo(-2, 12);
  });

  it('reconcile(in = out) far apart reports the two flows as one suspect group: no balance tells them apart', () => {
    const result = reconcile({ variables: [measured('in', 100, 3), measured('out', 150, 4)], constraints: [balance('P', ['in'], ['out'])] });
    expect(result.measurementTest.suspects).toEqual([{ variables: ['in', 'out'], statistic: expect.closeTo(10, 12) }]);
    expect(result.message).toContain('one of in, out');
  });

  it('reconcile(in = out) with one exact flow moves only the other', () => {
    const result = reconcile({ variables: [measured('in', 100, 0), measured('out', 104, 4)], constraints: [balance('P', ['in'], ['out'])] });
    expect(result.status).toBe('converged');
    expect(variable(result, 'in')).toMatchObject({ classification: 'exact', value: 100, sd: 0, adjustment: 0 });
    expect(variable(result, 'out').value).toBeCloseTo(100, 12);
    expect(variable(result, 'out').sd).toBeCloseTo(0, 12);
    expect(result.globalTest.chiSquare).toBeCloseTo(1, 12);
  });
});
