/**
 * Log-space parameters of a lognormal lifetime given the mean m and standard deviation s of the
 * lifetime itself. If ln X ~ normal(μ, σ), then E[X] = e^(μ + σ²/2) and
 * Var[X] = (e^(σ²) − 1) · e^(2μ + σ²) = (e^(σ²) − 1) · m², so
 *   σ² = ln(1 + s²/m²),   μ = ln m − σ²/2.
 * (ODYM writes m²/s² where s²/m² belongs: its lognormal keeps the mean but has standard deviation
 * m²/s instead of s; the two agree only when s = m.) log1p keeps σ accurate when s ≪ m.
 */
export function lognormalLogSd(mean: number, sd: number): number {
  return Math.sqrt(Math.log1p((sd * sd) / (mean * mean)));
}

export function lognormalLogMean(mean: number, sd: number): number {
  return Math.log(mean) - 0.5 * Math.log1p((sd * sd) / (mean * mean));
}
