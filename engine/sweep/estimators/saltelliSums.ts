/**
 * The sums behind the Sobol' index estimators, for a block of output columns at once. `values` is
 * the runs × outputs matrix of a Saltelli design (row-major; see design/saltelli.ts), so base point
 * j owns runs j·step … j·step + step − 1: A_j first, then AB_j^i, then BA_j^i (second order), B_j
 * last. Each value is centred by its column's `centre` (the mean over A and B) first: the
 * estimators are unbiased for any shift, but a large mean would multiply their variance.
 * With a = f(A_j) − c and so on, each base point j adds w_j times
 *   a, b, a² + b², a·b,  first_i = b (ab_i − a),  total_i = (a − ab_i)²,
 *   cross_ik = ba_i · ab_k  (i < k, second order only),
 * with w_j = 1 for the estimates and, for a bootstrap resample, the number of times j was drawn:
 * summing by counts in index order reads the matrix once, in order, and skips the ~37% of base
 * points a resample leaves out.
 */
export interface SaltelliSums {
  /** Per output: Σa, Σb, Σ(a² + b²), Σab. */
  readonly sumA: Float64Array;
  readonly sumB: Float64Array;
  readonly sumSquares: Float64Array;
  readonly sumProduct: Float64Array;
  /** Per output and factor, at [output·d + i]. */
  readonly first: Float64Array;
  readonly total: Float64Array;
  /** Per output and factor pair, at [(output·d + i)·d + k] for i < k. */
  readonly cross: Float64Array;
}

export function createSaltelliSums(outputs: number, factors: number, secondOrder: boolean): SaltelliSums {
  return {
    sumA: new Float64Array(outputs),
    sumB: new Float64Array(outputs),
    sumSquares: new Float64Array(outputs),
    sumProduct: new Float64Array(outputs),
    first: new Float64Array(outputs * factors),
    total: new Float64Array(outputs * factors),
    cross: new Float64Array(secondOrder ? outputs * factors * factors : 0),
  };
}

/** The layout of one Saltelli output matrix and the block of columns [firstColumn, firstColumn + columns) to sum. */
export interface SaltelliBlock {
  readonly values: Float64Array;
  readonly outputs: number;
  readonly factors: number;
  readonly secondOrder: boolean;
  readonly centre: Float64Array;
  readonly firstColumn: number;
  readonly columns: number;
}

/** Resets `sums` and adds the terms of every base point j, weighted by weights[j]. */
export function accumulateSaltelliSums(block: SaltelliBlock, weights: Uint32Array, sums: SaltelliSums): void {
  const { values, outputs, factors, secondOrder, centre, firstColumn, columns } = block;
  const step = secondOrder ? 2 * factors + 2 : factors + 2;
  const { sumA, sumB, sumSquares, sumProduct, first, total, cross } = sums;
  sumA.fill(0);
  sumB.fill(0);
  sumSquares.fill(0);
  sumProduct.fill(0);
  first.fill(0);
  total.fill(0);
  cross.fill(0);
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j];
    if (w === 0) continue;
    const rowA = j * step * outputs;
    const rowB = rowA + (step - 1) * outputs;
    for (let o = 0; o < columns; o++) {
      const column = firstColumn + o;
      const c = centre[column];
      const a = values[rowA + column] - c;
      const b = values[rowB + column] - c;
      sumA[o] += w * a;
      sumB[o] += w * b;
      sumSquares[o] += w * (a * a + b * b);
      sumProduct[o] += w * a * b;
      const wb = w * b;
      for (let i = 0; i < factors; i++) {
        const ab = values[rowA + (1 + i) * outputs + column] - c;
        first[o * factors + i] += wb * (ab - a);
        total[o * factors + i] += w * (a - ab) * (a - ab);
      }
      if (!secondOrder) continue;
      for (let i = 0; i < factors; i++) {
        const wba = w * (values[rowA + (1 + factors + i) * outputs + column] - c);
        for (let k = i + 1; k < factors; k++) {
          cross[(o * factors + i) * factors + k] += wba * (values[rowA + (1 + k) * outputs + column] - c);
        }
      }
    }
  }
}
