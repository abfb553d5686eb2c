import { describe, expect, it } from 'vitest';
import { regularizedGammaQ } from '../../../engine/lifetime/incompleteGamma.js';
import { uniformAt } from '../../../engine/random/uniform.js';
import { reconcile, type ReconcileProblem } from '../../../engine/reconcile/index.js';
import { inverseNormalCdf } from '../../../engine/sweep/design/inverseNormal.js';
import { balance, measured, unknown } from './problems.js';

describe('reconcile: the global test by hand', () => {
  it('reconcile(two balances, no unknowns) gives χ² = rᵀ(AQAᵀ)⁻¹r on 2 degrees of freedom and p = e^(−χ²/2)', () => {
    // P1: a = b + c, P2: c = d; sds 1, 2, 1, 1. A = [[1, −1, −1, 0], [0, 0, 1, −1]], r = Ax = (3, −2).
    // AQAᵀ = [[1 + 4 + 1, −1], [−1, 2]] = [[6, −1], [−1, 2]], det 11, inverse [[2, 1], [1, 6]]/11.
    // χ² = (2·9 + 2·3·(−2) + 6·4)/11 = 30/11; for 2 dof, P(χ² ≥ s) = e^(−s/2).
    const result = reconcile({
      variables: [measured('a', 100, 1), measured('b', 60, 2), measured('c', 37, 1), measured('d', 39, 1)],
      constraints: [balance('P1', ['a'], ['b', 'c']), balance('P2', ['c'], ['d'])],
    });
    expect(result.globalTest.chiSquare).toBeCloseTo(30 / 11, 12);
    expect(result.globalTest.degreesOfFreedom).toBe(2);
    expect(result.globalTest.pValue).toBeCloseTo(Math.exp(-15 / 11), 12);
    expect(result.globalTest.passed).toBe(true);
    expect(result.message).toContain('chi-square 2.727 on 2 degrees of freedom, p = 0.2557');
  });

  it('reconcile(no redundancy) has 0 degrees of freedom, χ² = 0, p = 1, and says there is nothing to test', () => {
    const result = reconcile({ variables: [measured('a', 100, 1), unknown('b')], constraints: [balance('P', ['a'], ['b'])] });
    expect(result.globalTest).toMatchObject({ chiSquare: 0, degreesOfFreedom: 0, pValue: 1, passed: true });
    expect(result.message).toContain('0 degrees of freedom');
  });
});

/**
 * A network of five processes with two unknown flows and three degrees of freedom:
 * P1: in = a + b, P2: a = c + u, P3: b + u = d + e, P4: c = f, P5: e = g (u and g unknown).
 */
const TRUTH: Record<string, number> = { in: 200, a: 120, b: 80, c: 70, u: 50, d: 90, e: 40, f: 70, g: 40 };
const SD: Record<string, number> = { in: 8, a: 6, b: 4, c: 3, d: 5, e: 2, f: 4 };

function noisyProblem(sample: number): ReconcileProblem {
  const seed = 20261203;
  return {
    variables: Object.keys(TRUTH).map((name, i) =>
      SD[name] === undefined ? unknown(name) : measured(name, TRUTH[name] + SD[name] * inverseNormalCdf(uniformAt(seed, sample, 1, i)), SD[name]),
    ),
    constraints: [
      balance('P1', ['in'], ['a', 'b']),
      balance('P2', ['a'], ['c', 'u']),
      balance('P3', ['b', 'u'], ['d', 'e']),
      balance('P4', ['c'], ['f']),
      balance('P5', ['e'], ['g']),
    ],
  };
}

describe('reconcile: Monte Carlo with normal errors on a correct model', () => {
  const SAMPLES = 400;
  const results = Array.from({ length: SAMPLES }, (_, sample) => reconcile(noisyProblem(sample)));

  it('reconcile(noisy measurements) gives χ² with mean ≈ dof and variance ≈ 2·dof', () => {
    const dof = results[0].globalTest.degreesOfFreedom;
    expect(dof).toBe(3);
    const chiSquares = results.map((r) => r.globalTest.chiSquare);
    const mean = chiSquares.reduce((s, x) => s + x, 0) / SAMPLES;
    const variance = chiSquares.reduce((s, x) => s + (x - mean) ** 2, 0) / (SAMPLES - 1);
    // Standard error of the mean √(2·dof/N) ≈ 0.12; four of them.
    expect(Math.abs(mean - dof)).toBeLessThan(4 * Math.sqrt((2 * dof) / SAMPLES));
    expect(variance / (2 * dof)).toBeGreaterThan(0.6);
    expect(variance / (2 * dof)).toBeLessThan(1.5);
  });

  it('reconcile(noisy measurements) gives p-values that are roughly uniform', () => {
    const pValues = results.map((r) => r.globalTest.pValue).sort((a, b) => a - b);
    // Kolmogorov–Smirnov distance to the uniform distribution; 1.63/√N is its 1% critical value.
    const distance = Math.max(...pValues.map((p, i) => Math.max(Math.abs(p - i / SAMPLES), Math.abs(p - (i + 1) / SAMPLES))));
    expect(distance).toBeLessThan(1.63 / Math.sqrt(SAMPLES));
    const rejected = pValues.filter((p) => p < 0.05).length / SAMPLES;
    expect(rejected).toBeLessThan(0.1);
    // And each p-value is the chi-square survival function of its statistic.
    for (const r of results.slice(0, 10)) expect(r.globalTest.pValue).toBeCloseTo(regularizedGammaQ(1.5, r.globalTest.chiSquare / 2), 14);
  });

  it('reconcile(noisy measurements) gives normalised adjustments of variance ≈ 1 and reconciled values with the stated covariance', () => {
    const names = results[0].variables.map((v) => v.name);
    const index = (name: string) => names.indexOf(name);
    for (const name of ['in', 'a', 'd', 'f']) {
      const statistics = results.map((r) => r.variables[index(name)].normalizedAdjustment);
      const meanSquare = statistics.reduce((s, t) => s + t * t, 0) / SAMPLES;
      expect(meanSquare, name).toBeGreaterThan(0.75);
      expect(meanSquare, name).toBeLessThan(1.3);
    }
    // The spread of the reconciled values (unknowns included) around the truth matches the
    // reported covariance: the variance within ±25% (its standard error is about 7%), and one
    // covariance between a measured and an unknown flow.
    const stated = results[0].covariance;
    const count = names.length;
    for (const name of ['in', 'a', 'u', 'g']) {
      const i = index(name);
      const empirical = results.reduce((s, r) => s + (r.variables[i].value - TRUTH[name]) ** 2, 0) / SAMPLES;
      expect(empirical / stated[i * count + i], name).toBeGreaterThan(0.75);
      expect(empirical / stated[i * count + i], name).toBeLessThan(1.25);
    }
    const [a, u] = [index('a'), index('u')];
    const empiricalCovariance = results.reduce((s, r) => s + (r.variables[a].value - TRUTH.a) * (r.variables[u].value - TRUTH.u), 0) / SAMPLES;
    const scale = Math.sqrt(stated[a * count + a] * stated[u * count + u]);
    expect(Math.abs(empiricalCovariance - stated[a * count + u]) / scale).toBeLessThan(0.2);
  });
});
