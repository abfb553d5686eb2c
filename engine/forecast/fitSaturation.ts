import { checkPositive, largestValue } from './checkSeries.js';
import { fitCurve } from './curveFit.js';
import { DELTA_METHOD_INTERVAL, curveForecast } from './curveForecast.js';
import { degenerate, invalidParameter, noConvergence, noSaturation, saturationBelowData, tooFewPoints } from './forecastProblems.js';
import type { ForecastResult, Series } from './forecastTypes.js';
import type { SaturationCurve } from './saturationCurves.js';
import { straightLine } from './straightLine.js';

/**
 * A logistic or Gompertz curve fitted to the history by nonlinear least squares
 * (Levenberg–Marquardt), the saturation K held where given.
 *
 * Start values, from the data alone: for a candidate K the straightened values
 * z = −r·(t − t₀) (saturationCurves.ts) give r and t₀ by a least-squares line. With K given that
 * is the start; otherwise the candidates are 60 geometrically spaced levels from just above the
 * largest observation to 100 times it, and the start is the one whose curve has the smallest sum
 * of squares on the series' own scale.
 *
 * A fitted K more than 100 times the largest observation is not determined by the data (an
 * exponential-looking history fits ever better as K grows): `no-saturation`, with the hint to
 * give K. Prediction interval: the delta method (curveFit.ts).
 */

const CANDIDATES = 60;
const FIRST_CANDIDATE = 1.001;
const LARGEST_RATIO = 100;

/** r and t₀ of the straightened history for saturation K; undefined when the line is flat. */
function straightened(curve: SaturationCurve, history: Series, saturation: number): { rate: number; midpoint: number } | undefined {
  const z = history.values.map((value) => curve.linearise(value, saturation));
  const line = straightLine(history.years, z);
  const rate = -line.slope;
  if (!(rate !== 0 && Number.isFinite(rate))) return undefined;
  // z = meanZ + slope·(t − meanT) = −r·(t − t₀)  ⇒  t₀ = meanT + meanZ/r.
  return { rate, midpoint: line.meanX + line.meanY / rate };
}

function startValues(curve: SaturationCurve, history: Series, largest: number, given: number | undefined): Float64Array | undefined {
  if (given !== undefined) {
    const line = straightened(curve, history, given);
    return line && Float64Array.of(given, line.rate, line.midpoint);
  }
  let best: Float64Array | undefined;
  let bestSquares = Infinity;
  const ratio = (LARGEST_RATIO / FIRST_CANDIDATE) ** (1 / (CANDIDATES - 1));
  for (let c = 0; c < CANDIDATES; c++) {
    const saturation = largest * FIRST_CANDIDATE * ratio ** c;
    const line = straightened(curve, history, saturation);
    if (!line) continue;
    const theta = Float64Array.of(saturation, line.rate, line.midpoint);
    let squares = 0;
    for (let i = 0; i < history.years.length; i++) squares += (history.values[i] - curve.value(theta, history.years[i])) ** 2;
    if (squares < bestSquares) [best, bestSquares] = [theta, squares];
  }
  return best;
}

export function fitSaturation(history: Series, curve: SaturationCurve, saturation: number | undefined, level: number): ForecastResult {
  const { label } = curve;
  const k = saturation === undefined ? 3 : 2;
  const n = history.years.length;
  if (n < k + 1) return tooFewPoints(label, n, k + 1, `it fits ${k} parameters and needs one more year for the scatter`);
  const nonPositive = checkPositive(label, 'history values', history);
  if (nonPositive) return nonPositive;
  const largest = largestValue(history);
  if (saturation !== undefined) {
    if (!(Number.isFinite(saturation) && saturation > 0)) return invalidParameter(label, 'saturation', saturation, 'must be a positive number');
    if (!(saturation > largest.value)) return saturationBelowData(label, saturation, largest.year, largest.value);
  }
  const flat = degenerate(label, 'the history does not determine the curve (it does not rise or fall towards a level)', 'use a linear trend, or give the saturation');
  const start = startValues(curve, history, largest.value, saturation);
  if (!start) return flat;
  const outcome = fitCurve({ curve, abscissae: history.years, response: history.values, start, free: [saturation === undefined, true, true], linear: false });
  const fittedSaturation = outcome.ok ? outcome.fit.theta[0] : outcome.theta[0];
  if (saturation === undefined && !(fittedSaturation <= LARGEST_RATIO * largest.value)) {
    return noSaturation(label, 'saturation', fittedSaturation, largest.value, 'give the saturation level (saturation: …) if it is known, or use a log-linear or linear trend');
  }
  if (!outcome.ok) {
    return outcome.reason === 'singular'
      ? flat
      : noConvergence(label, 'give the saturation level (saturation: …) if it is known, or use a simpler trend');
  }
  return {
    ok: true,
    fit: curveForecast({
      method: curve.method,
      description: `${curve.label}: ${curve.equation}`,
      history,
      level,
      fit: outcome.fit,
      abscissaOf: (year) => year,
      logSpace: false,
      intervalMethod: DELTA_METHOD_INTERVAL,
    }),
  };
}
