/**
 * A general constrained minimiser, independent of the kernel, to check it on nonlinear problems:
 * minimise ½ Σ_measured ((v_i − m_i)/σ_i)² subject to h_c(v) = 0 by the augmented Lagrangian
 * method (Nocedal & Wright, Numerical Optimization, §17.3):
 * L(v; λ, μ) = f(v) + Σ λ_c h_c(v) + (μ/2) Σ h_c(v)², minimised over v by damped Newton steps
 * (derivatives of h by central differences), then λ ← λ + μ·h(v), until h(v) = 0.
 */
export type ConstraintFunction = (v: readonly number[]) => number;

export interface Measurement {
  readonly index: number;
  readonly value: number;
  readonly sd: number;
}

const PENALTY = 10;

function step(v: readonly number[]): number[] {
  return v.map((x) => 1e-4 * Math.max(1, Math.abs(x)));
}

function shifted(v: readonly number[], moves: [number, number][]): number[] {
  const copy = [...v];
  for (const [i, by] of moves) copy[i] += by;
  return copy;
}

export function constraintGradient(h: ConstraintFunction, v: readonly number[]): number[] {
  const hs = step(v);
  return v.map((_, i) => (h(shifted(v, [[i, hs[i]]])) - h(shifted(v, [[i, -hs[i]]]))) / (2 * hs[i]));
}

function constraintHessian(h: ConstraintFunction, v: readonly number[]): number[][] {
  const hs = step(v);
  return v.map((_, i) =>
    v.map((__, j) => {
      const corners = [
        [1, 1, 1],
        [1, -1, -1],
        [-1, 1, -1],
        [-1, -1, 1],
      ].reduce((sum, [si, sj, sign]) => sum + sign * h(shifted(v, [[i, si * hs[i]], [j, sj * hs[j]]])), 0);
      return corners / (4 * hs[i] * hs[j]);
    }),
  );
}

/** Solves a·x = b by Gaussian elimination with partial pivoting (a and b are copied). */
function solve(a: readonly number[][], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    const pivot = m.slice(k).reduce((best, row, i) => (Math.abs(row[k]) > Math.abs(m[best][k]) ? k + i : best), k);
    [m[k], m[pivot]] = [m[pivot], m[k]];
    for (let i = k + 1; i < n; i++) {
      const factor = m[i][k] / m[k][k];
      for (let j = k; j <= n; j++) m[i][j] -= factor * m[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) x[i] = (m[i][n] - m[i].slice(i + 1, n).reduce((sum, a, j) => sum + a * x[i + 1 + j], 0)) / m[i][i];
  return x;
}

export function minimiseUnderConstraints(count: number, measurements: readonly Measurement[], constraints: readonly ConstraintFunction[], start: readonly number[]): number[] {
  const weight = new Array<number>(count).fill(0);
  const target = new Array<number>(count).fill(0);
  for (const { index, value, sd } of measurements) {
    weight[index] = 1 / (sd * sd);
    target[index] = value;
  }
  const lagrangian = (v: readonly number[], lambda: readonly number[]) =>
    0.5 * v.reduce((sum, x, i) => sum + weight[i] * (x - target[i]) ** 2, 0) +
    constraints.reduce((sum, h, c) => sum + lambda[c] * h(v) + 0.5 * PENALTY * h(v) ** 2, 0);

  let v = [...start];
  const lambda = new Array<number>(constraints.length).fill(0);
  for (let outer = 0; outer < 200; outer++) {
    for (let inner = 0; inner < 50; inner++) {
      const multipliers = constraints.map((h, c) => lambda[c] + PENALTY * h(v));
      const gradients = constraints.map((h) => constraintGradient(h, v));
      const gradient = v.map((x, i) => weight[i] * (x - target[i]) + gradients.reduce((sum, g, c) => sum + multipliers[c] * g[i], 0));
      const hessians = constraints.map((h) => constraintHessian(h, v));
      const hessian = v.map((_, i) =>
        v.map((__, j) => (i === j ? weight[i] : 0) + constraints.reduce((sum, ___, c) => sum + PENALTY * gradients[c][i] * gradients[c][j] + multipliers[c] * hessians[c][i][j], 0)),
      );
      // Levenberg damping until the step lowers L: a safeguard where the Hessian is indefinite.
      const current = lagrangian(v, lambda);
      let damping = 0;
      let direction: number[];
      for (;;) {
        const damped = hessian.map((row, i) => row.map((x, j) => x + (i === j ? damping : 0)));
        direction = solve(damped, gradient.map((g) => -g));
        // Within rounding of L, a Newton step near the minimum is as good as any.
        if (lagrangian(v.map((x, i) => x + direction[i]), lambda) <= current + 1e-13 * Math.abs(current) || damping > 1e12) break;
        damping = damping === 0 ? 1e-6 : damping * 10;
      }
      v = v.map((x, i) => x + direction[i]);
      if (direction.every((d, i) => Math.abs(d) <= 1e-14 * Math.max(1, Math.abs(v[i])))) break;
    }
    const residuals = constraints.map((h) => h(v));
    if (Math.max(...residuals.map(Math.abs)) < 1e-12) return v;
    residuals.forEach((r, c) => (lambda[c] += PENALTY * r));
  }
  throw new Error('the augmented Lagrangian did not converge');
}
