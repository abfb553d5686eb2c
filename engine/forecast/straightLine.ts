/**
 * The least-squares line through (xᵢ, yᵢ), i < count, in centred form y = meanY + slope·(x − meanX),
 * slope = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)²: for start values and initial states, where the closed form
 * (centred, so no cancellation) is all that is needed. NaN slope when every x is the same.
 */
export function straightLine(xs: ArrayLike<number>, ys: ArrayLike<number>, count = xs.length): { meanX: number; meanY: number; slope: number } {
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < count; i++) {
    meanX += xs[i] / count;
    meanY += ys[i] / count;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < count; i++) {
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
    sxx += (xs[i] - meanX) ** 2;
  }
  return { meanX, meanY, slope: sxy / sxx };
}
