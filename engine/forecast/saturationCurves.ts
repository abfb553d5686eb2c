import type { Curve } from './curveFit.js';

/**
 * The two S-shaped curves towards a saturation level K > 0, each in three parameters
 * θ = (K, r, t₀) with r the growth rate per year and t₀ a year:
 * - logistic  y = K / (1 + e^(−r(t − t₀))), symmetric about its midpoint t₀ (y = K/2 there);
 * - Gompertz  y = K·exp(−e^(−r(t − t₀))), rising faster before its inflection t₀ (y = K/e there)
 *   than after it.
 * Both straighten for a known K: z = ln(K/y − 1) and z = ln(−ln(y/K)) are both −r·(t − t₀), for
 * 0 < y < K; the fit uses that for its start values.
 */
export interface SaturationCurve extends Curve {
  readonly method: 'logistic' | 'gompertz';
  readonly label: string;
  /** The form with the fitted numbers' names, for the description. */
  readonly equation: string;
  linearise(value: number, saturation: number): number;
}

/** σ(u) = 1/(1 + e^−u) and 1 − σ(u) = σ(−u), each formed without cancellation. */
function logisticPair(u: number): [number, number] {
  return [1 / (1 + Math.exp(-u)), 1 / (1 + Math.exp(u))];
}

export const LOGISTIC: SaturationCurve = {
  method: 'logistic',
  label: 'logistic curve',
  equation: 'y = saturation / (1 + e^(−rate·(year − midpoint)))',
  names: ['saturation', 'rate', 'midpoint'],
  value: (theta, year) => theta[0] * logisticPair(theta[1] * (year - theta[2]))[0],
  gradient: (theta, year, out) => {
    const [saturation, rate, midpoint] = theta;
    const [share, rest] = logisticPair(rate * (year - midpoint));
    out[0] = share;
    out[1] = saturation * share * rest * (year - midpoint);
    out[2] = -saturation * share * rest * rate;
  },
  linearise: (value, saturation) => Math.log(saturation / value - 1),
};

/** w = e^(−r(t − t₀)) and e^−w·w, the latter 0 (not ∞·0) where w overflows. */
function gompertzPair(u: number): [number, number] {
  const w = Math.exp(-u);
  const share = Math.exp(-w);
  return [share, Number.isFinite(w) ? share * w : 0];
}

export const GOMPERTZ: SaturationCurve = {
  method: 'gompertz',
  label: 'Gompertz curve',
  equation: 'y = saturation·exp(−e^(−rate·(year − inflection)))',
  names: ['saturation', 'rate', 'inflection'],
  value: (theta, year) => theta[0] * gompertzPair(theta[1] * (year - theta[2]))[0],
  gradient: (theta, year, out) => {
    const [saturation, rate, inflection] = theta;
    const [share, shareTimesW] = gompertzPair(rate * (year - inflection));
    out[0] = share;
    out[1] = saturation * shareTimesW * (year - inflection);
    out[2] = -saturation * shareTimesW * rate;
  },
  linearise: (value, saturation) => Math.log(-Math.log(value / saturation)),
};
