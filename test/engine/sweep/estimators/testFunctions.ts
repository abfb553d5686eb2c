/**
 * Test functions of global sensitivity analysis with exact Sobol' indices, on unit inputs.
 *
 * Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i uniform on [−π, π]. With
 * V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13:
 * S1 = V1/V, S2 = V2/V, S3 = 0, ST1 = (V1 + V13)/V, ST2 = S2, ST3 = S13 = V13/V.
 *
 * Sobol' G-function: g = Π (|4x_i − 2| + a_i)/(1 + a_i), x_i uniform on [0, 1]. Each factor has mean
 * 1 and partial variance V_i = 1/(3(1 + a_i)²); V = Π(1 + V_i) − 1, S_i = V_i/V and
 * ST_i = V_i Π_{j≠i}(1 + V_j)/V.
 */
export const ISHIGAMI_A = 7;
export const ISHIGAMI_B = 0.1;

export function ishigami(u: Float64Array, offset: number): number {
  const x1 = Math.PI * (2 * u[offset] - 1);
  const x2 = Math.PI * (2 * u[offset + 1] - 1);
  const x3 = Math.PI * (2 * u[offset + 2] - 1);
  return Math.sin(x1) + ISHIGAMI_A * Math.sin(x2) ** 2 + ISHIGAMI_B * x3 ** 4 * Math.sin(x1);
}

export function ishigamiIndices(): { first: number[]; total: number[]; s13: number } {
  const a = ISHIGAMI_A;
  const b = ISHIGAMI_B;
  const v1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = b * b * Math.PI ** 8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v], s13: v13 / v };
}

export function sobolG(coefficients: readonly number[]): (u: Float64Array, offset: number) => number {
  return (u, offset) => {
    let product = 1;
    for (let i = 0; i < coefficients.length; i++) product *= (Math.abs(4 * u[offset + i] - 2) + coefficients[i]) / (1 + coefficients[i]);
    return product;
  };
}

export function sobolGIndices(coefficients: readonly number[]): { first: number[]; total: number[] } {
  const partial = coefficients.map((a) => 1 / (3 * (1 + a) ** 2));
  const variance = partial.reduce((product, v) => product * (1 + v), 1) - 1;
  return {
    first: partial.map((v) => v / variance),
    total: partial.map((v, i) => (v * partial.reduce((product, w, j) => (j === i ? product : product * (1 + w)), 1)) / variance),
  };
}

/** f evaluated on every row of a design (row-major, `dimensions` columns). */
export function evaluateRows(rows: Float64Array, dimensions: number, f: (u: Float64Array, offset: number) => number): Float64Array {
  const runs = rows.length / dimensions;
  return Float64Array.from({ length: runs }, (_, run) => f(rows, run * dimensions));
}
