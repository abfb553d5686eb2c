/**
 * Gauss–Legendre quadrature on [0, 1]: ∫_0^1 f(v) dv ≈ Σ_j w_j f(v_j), exact for polynomials of
 * degree < 2n. The nodes are the roots of the Legendre polynomial P_n, found by Newton's method
 * from the asymptotic guesses cos(π(j + ¾)/(n + ½)); P_n and P_n' come from the three-term
 * recurrence (k + 1)P_{k+1} = (2k + 1)x P_k − k P_{k−1}, and the weights on [−1, 1] are
 * 2 / ((1 − x²) P_n'(x)²), halved for [0, 1] (Press et al., Numerical Recipes, 3rd ed., §4.6).
 */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

export function gaussLegendre(points: number): QuadratureRule {
  const nodes = new Float64Array(points);
  const weights = new Float64Array(points);
  for (let j = 0; j < (points + 1) >> 1; j++) {
    let x = Math.cos((Math.PI * (j + 0.75)) / (points + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let current = 1;
      let previous = 0;
      for (let k = 0; k < points; k++) {
        const next = ((2 * k + 1) * x * current - k * previous) / (k + 1);
        previous = current;
        current = next;
      }
      derivative = (points * (x * current - previous)) / (x * x - 1);
      const step = current / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    const weight = 1 / ((1 - x * x) * derivative * derivative);
    nodes[j] = (1 - x) / 2;
    nodes[points - 1 - j] = (1 + x) / 2;
    weights[j] = weight;
    weights[points - 1 - j] = weight;
  }
  return { nodes, weights };
}
