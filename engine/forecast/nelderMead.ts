/**
 * Derivative-free minimisation of f over Rᵈ by the Nelder–Mead simplex method with the standard
 * coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Lagarias, Reeds, Wright &
 * Wright, SIAM J. Optim. 9 (1998) 112–147). The start simplex is `start` and `start + step·eᵢ`.
 * Ties are broken by vertex order, so the path is deterministic. It stops when the values at the
 * vertices agree to 1e-12 (relative) and the simplex is smaller than 1e-7 in every coordinate,
 * or after 1000·d evaluations; it returns the best vertex either way.
 */

const SPREAD = 1e-12;
const SIZE = 1e-7;

export function nelderMead(f: (x: Float64Array) => number, start: Float64Array, step: number): { x: Float64Array; value: number } {
  const d = start.length;
  const vertices: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < d; i++) {
    const vertex = Float64Array.from(start);
    vertex[i] += step;
    vertices.push(vertex);
  }
  const values = vertices.map(f);
  let evaluations = d + 1;
  const order = vertices.map((_, i) => i);
  const centroid = new Float64Array(d);
  const along = (t: number, worst: Float64Array) => Float64Array.from(centroid, (c, i) => c + t * (worst[i] - c));

  while (evaluations < 1000 * d) {
    order.sort((a, b) => values[a] - values[b] || a - b);
    const best = order[0];
    const worst = order[d];
    if (values[worst] - values[best] <= SPREAD * Math.abs(values[best]) && size(vertices, best) <= SIZE) break;
    centroid.fill(0);
    for (let v = 0; v < d; v++) for (let i = 0; i < d; i++) centroid[i] += vertices[order[v]][i] / d;
    const reflected = along(-1, vertices[worst]);
    const reflectedValue = f(reflected);
    evaluations++;
    let replacement: Float64Array | undefined;
    let replacementValue = reflectedValue;
    if (reflectedValue < values[best]) {
      const expanded = along(-2, vertices[worst]);
      const expandedValue = f(expanded);
      evaluations++;
      [replacement, replacementValue] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < values[order[d - 1]]) {
      replacement = reflected;
    } else {
      // Contract towards the better of the worst vertex and its reflection.
      const outside = reflectedValue < values[worst];
      const contracted = along(outside ? -0.5 : 0.5, vertices[worst]);
      const contractedValue = f(contracted);
      evaluations++;
      if (contractedValue < (outside ? reflectedValue : values[worst])) [replacement, replacementValue] = [contracted, contractedValue];
    }
    if (replacement) {
      vertices[worst] = replacement;
      values[worst] = replacementValue;
      continue;
    }
    for (let v = 1; v <= d; v++) {
      const vertex = vertices[order[v]];
      for (let i = 0; i < d; i++) vertex[i] = vertices[best][i] + 0.5 * (vertex[i] - vertices[best][i]);
      values[order[v]] = f(vertex);
      evaluations++;
    }
  }
  let best = 0;
  for (let v = 1; v <= d; v++) if (values[v] < values[best]) best = v;
  return { x: vertices[best], value: values[best] };
}

/** The largest coordinate distance from the best vertex. */
function size(vertices: readonly Float64Array[], best: number): number {
  let largest = 0;
  for (const vertex of vertices) for (let i = 0; i < vertex.length; i++) largest = Math.max(largest, Math.abs(vertex[i] - vertices[best][i]));
  return largest;
}
