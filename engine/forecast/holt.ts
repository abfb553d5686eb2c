import { checkConsecutive } from './checkSeries.js';
import { makeForecastFit } from './forecastFit.js';
import { invalidParameter, tooFewPoints } from './forecastProblems.js';
import type { ForecastParameter, ForecastResult, ForecastSpec, Series } from './forecastTypes.js';
import { goodnessOfFit } from './goodness.js';
import { dampedHorizon, holtVarianceFactor } from './holtVariance.js';
import { nelderMead } from './nelderMead.js';
import { straightLine } from './straightLine.js';

/**
 * Holt's linear method, optionally damped (component form, Hyndman & Athanasopoulos, Forecasting:
 * Principles and Practice, 3rd ed., §8.2):
 *   ŷₜ = ℓₜ₋₁ + φ·bₜ₋₁                          (one-step forecast; eₜ = yₜ − ŷₜ)
 *   ℓₜ = α·yₜ + (1 − α)·(ℓₜ₋₁ + φ·bₜ₋₁)
 *   bₜ = β·(ℓₜ − ℓₜ₋₁) + (1 − β)·φ·bₜ₋₁
 *   ŷₙ₊ₕ = ℓₙ + (φ + φ² + … + φʰ)·bₙ,
 * φ = 1 undamped; `beta` is this component-form β (β* in Hyndman et al.; the error-correction β is α·β).
 *
 * Initial states ℓ₀, b₀: the heuristic of Hyndman, Koehler, Ord & Snyder (2008, §2.6.1) and of
 * R's forecast::ets: intercept and slope of a least-squares line through the first min(10, n)
 * observations against t = 1, 2, …; they are not optimised further.
 * Smoothing parameters not given are those minimising the sum of squared one-step errors within
 * α, β ∈ [0.0001, 0.9999], φ ∈ [0.8, 0.98] (forecast::ets's bounds for α and φ; its constraint
 * β_ets ≤ α is β ≤ 1 here): first the best point of a grid inside the bounds (α, β ∈ {0.05, 0.15,
 * …, 0.95}, φ ∈ {0.81, 0.85, …, 0.97}), then Nelder–Mead from there in logit coordinates, which
 * keep every trial inside the bounds. Both are deterministic.
 * k counts the fitted smoothing parameters and the two initial states.
 */

type SmoothingName = 'alpha' | 'beta' | 'phi';
type Smoothing = Record<SmoothingName, number>;

const BOUNDS: Record<SmoothingName, readonly [number, number]> = { alpha: [1e-4, 0.9999], beta: [1e-4, 0.9999], phi: [0.8, 0.98] };
const GRID_STEPS = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95];
const GRID: Record<SmoothingName, readonly number[]> = { alpha: GRID_STEPS, beta: GRID_STEPS, phi: [0.81, 0.85, 0.89, 0.93, 0.97] };
const INITIAL_POINTS = 10;

interface States {
  readonly level: number;
  readonly trend: number;
}

/** ℓ₀ and b₀: the least-squares line y = ℓ₀ + b₀·t through t = 1..m, m = min(10, n). */
function initialStates(values: Float64Array): States {
  const m = Math.min(INITIAL_POINTS, values.length);
  const line = straightLine(Float64Array.from({ length: m }, (_, i) => i + 1), values, m);
  return { level: line.meanY - line.slope * line.meanX, trend: line.slope };
}

/** Runs the recursion from `start`; writes the one-step forecasts to `fitted` when given. */
function holtRecursion(values: Float64Array, smoothing: Smoothing, start: States, fitted?: Float64Array): States & { sse: number } {
  const { alpha, beta, phi } = smoothing;
  let level = start.level;
  let trend = start.trend;
  let sse = 0;
  for (let t = 0; t < values.length; t++) {
    const forecast = level + phi * trend;
    if (fitted) fitted[t] = forecast;
    const error = values[t] - forecast;
    sse += error * error;
    // Error-correction form of the component equations above.
    level = forecast + alpha * error;
    trend = phi * trend + alpha * beta * error;
  }
  return { level, trend, sse };
}

function checkGiven(label: string, name: SmoothingName, value: number | undefined, low: number, lowOpen: boolean): ReturnType<typeof invalidParameter> | undefined {
  if (value === undefined) return undefined;
  if (Number.isFinite(value) && (lowOpen ? value > low : value >= low) && value <= 1) return undefined;
  return invalidParameter(label, name, value, `must be in ${lowOpen ? '(' : '['}${low}, 1]`);
}

/** The smoothing parameters not given: the grid's best point, refined by Nelder–Mead. */
function fitSmoothing(values: Float64Array, given: Smoothing, free: readonly SmoothingName[], start: States): Smoothing {
  let best = { ...given };
  let bestSse = Infinity;
  const visit = (depth: number, candidate: Smoothing): void => {
    if (depth === free.length) {
      const sse = holtRecursion(values, candidate, start).sse;
      if (sse < bestSse) [best, bestSse] = [{ ...candidate }, sse];
      return;
    }
    for (const value of GRID[free[depth]]) visit(depth + 1, { ...candidate, [free[depth]]: value });
  };
  visit(0, given);
  const toSmoothing = (u: Float64Array): Smoothing => {
    const smoothing = { ...given };
    free.forEach((name, i) => {
      const [low, high] = BOUNDS[name];
      smoothing[name] = low + (high - low) / (1 + Math.exp(-u[i]));
    });
    return smoothing;
  };
  const startU = Float64Array.from(free, (name) => {
    const [low, high] = BOUNDS[name];
    const share = (best[name] - low) / (high - low);
    return Math.log(share / (1 - share));
  });
  const refined = nelderMead((u) => holtRecursion(values, toSmoothing(u), start).sse, startU, 0.5);
  return refined.value < bestSse ? toSmoothing(refined.x) : best;
}

export function fitHolt(history: Series, spec: Extract<ForecastSpec, { method: 'holt' }>, level: number): ForecastResult {
  const damped = spec.damped === true;
  const label = damped ? "damped Holt's method" : "Holt's method";
  const invalid =
    checkGiven(label, 'alpha', spec.alpha, 0, true) ??
    checkGiven(label, 'beta', spec.beta, 0, false) ??
    checkGiven(label, 'phi', spec.phi, 0, true) ??
    (!damped && spec.phi !== undefined ? invalidParameter(label, 'phi', spec.phi, 'applies only to the damped method (damped: true)') : undefined);
  if (invalid) return invalid;
  const names: SmoothingName[] = damped ? ['alpha', 'beta', 'phi'] : ['alpha', 'beta'];
  const free = names.filter((name) => spec[name] === undefined);
  const k = 2 + free.length;
  const { years, values } = history;
  const n = values.length;
  if (n < k + 1) return tooFewPoints(label, n, k + 1, `it estimates ${k} quantities (2 initial states and ${free.length} smoothing parameters) and needs one more year for the error variance`);
  const gap = checkConsecutive(label, history);
  if (gap) return gap;

  const start = initialStates(values);
  const given: Smoothing = { alpha: spec.alpha ?? 0.5, beta: spec.beta ?? 0.1, phi: damped ? (spec.phi ?? 0.9) : 1 };
  const smoothing = free.length > 0 ? fitSmoothing(values, given, free, start) : given;
  const fitted = new Float64Array(n);
  const final = holtRecursion(values, smoothing, start, fitted);
  const sigma = Math.sqrt(final.sse / (n - k));
  const lastYear = years[n - 1];

  const parameters: Record<string, ForecastParameter> = {};
  for (const name of names) parameters[name] = { value: smoothing[name], source: free.includes(name) ? 'fitted' : 'given' };
  parameters.initialLevel = { value: start.level, source: 'derived' };
  parameters.initialTrend = { value: start.trend, source: 'derived' };
  parameters.level = { value: final.level, source: 'derived' };
  parameters.trend = { value: final.trend, source: 'derived' };

  return {
    ok: true,
    fit: makeForecastFit({
      method: 'holt',
      description: damped ? `damped Holt's method: y(${lastYear} + h) = level + (φ + … + φ^h)·trend` : `Holt's linear method: y(${lastYear} + h) = level + h·trend`,
      parameters,
      history,
      fitted,
      goodness: goodnessOfFit(values, fitted, k, 'gaussian'),
      level,
      intervalMethod:
        'normal, variance σ²·(1 + Σ_{j<h} c_j²) with c_j = α·(1 + β·(φ + … + φ^j)) and σ² = SSE/(n − k) ' +
        "(Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §8.7)",
      predictive: {
        locate: (year) => {
          const horizon = year - lastYear;
          return {
            centre: final.level + dampedHorizon(horizon, smoothing.phi) * final.trend,
            scale: sigma * Math.sqrt(holtVarianceFactor(horizon, smoothing.alpha, smoothing.beta, smoothing.phi)),
          };
        },
        degreesOfFreedom: Infinity,
        logSpace: false,
      },
    }),
  };
}
