import type { CompiledModel } from '../compile/compiledModel.js';
import { locate } from '../definition/locate.js';
import { ModelError, OptionsError } from '../errors.js';
import { leastSquares } from '../forecast/leastSquares.js';
import { levenbergMarquardt } from '../forecast/levenbergMarquardt.js';
import { regularizedGammaQ } from '../lifetime/incompleteGamma.js';
import { modelValues } from '../observations/modelValues.js';
import { observationFit } from '../observations/observationFit.js';
import type { CompiledObservation } from '../observations/observationTypes.js';
import { run } from '../simulate/run.js';
import type { Solution } from '../simulate/solution.js';
import { fitMessage } from './fitMessage.js';
import type { FitOptions, FitStatus, ParameterEstimate, ParameterFit } from './fitTypes.js';
import { parameterValues, selectParameters, type FittedParameter } from './parameterSelection.js';

export type { FitOptions, FitStatus, ParameterEstimate, ParameterFit } from './fitTypes.js';

/**
 * Weighted least squares of the model's values against its observations: minimise
 * χ²(θ) = Σᵢ ((mᵢ(θ) − yᵢ)/σᵢ)² over the chosen parameters θ, each run a whole run of the compiled
 * model. Levenberg–Marquardt (engine/forecast/levenbergMarquardt.ts) with forward-difference
 * Jacobians while it iterates, projected onto the parameters' bounds (≥ 0 unless `signed`); at the
 * minimum the Jacobian is taken again by central differences, J = ∂(m/σ)/∂θ, and
 *
 *   Cov(θ̂) = (JᵀJ)⁻¹ · s²,   s² = max(1, χ²/(n − k)),
 *
 * the first-order (Gauss–Newton) covariance of a weighted least-squares estimate (Seber & Wild,
 * Nonlinear Regression, 1989, §2.1), with the sds taken as known (s² = 1) unless the data scatter
 * more than they say (χ²/dof > 1), in which case every standard error is inflated by √(χ²/dof)
 * (the Birge ratio; what scipy's curve_fit does with absolute_sigma=False, but never deflating:
 * a fit better than its sds does not make the data more precise than they are said to be).
 */
export function fitParameters(model: CompiledModel, modelObservations: readonly CompiledObservation[], options: FitOptions): ParameterFit {
  // A run computes the goods only: substance observations are for reconciliation.
  const observations = modelObservations.filter((observation) => observation.substance === undefined);
  const fitted = selectParameters(model, options.parameters);
  checkScenarioOverrides(model, fitted, options.scenario);
  const points = observations.reduce((count, observation) => count + observation.points.t.length, 0);
  if (points === 0) throw new OptionsError('observations', 'must hold at least one observed value to fit to');
  for (const observation of observations) {
    const exact = observation.points.sd.findIndex((sd) => !(sd > 0));
    if (exact >= 0) {
      const year = model.definition.time.start + observation.points.t[exact];
      throw new ModelError(`exact value: observation ${observation.name} has sd 0 in ${year}`, locate(model.definition, observation.path), 'a fit weighs every value by 1/sd²; give it an sd > 0 (exact values are for reconcile)');
    }
  }
  const k = fitted.length;
  let runs = 0;
  const modelAt = (theta: ArrayLike<number>, reuse: boolean): Solution => {
    runs++;
    return run(model, { scenario: options.scenario, parameters: parameterValues(model, fitted, theta), reuseOutputs: reuse });
  };
  const scratch = observations.map((observation) => new Float64Array(observation.points.t.length));
  /** (y − m)/σ at every observed value (NaN everywhere when the run does not succeed); whether all are finite. */
  const residualsAt = (theta: ArrayLike<number>, out: Float64Array): boolean => {
    const solution = modelAt(theta, true);
    if (solution.status !== 'success') {
      out.fill(NaN);
      return false;
    }
    let i = 0;
    let finite = true;
    observations.forEach((observation, o) => {
      const values = modelValues(solution, observation, scratch[o]);
      const { value, sd } = observation.points;
      for (let p = 0; p < values.length; p++) {
        out[i] = (value[p] - values[p]) / sd[p];
        finite &&= Number.isFinite(out[i++]);
      }
    });
    return finite;
  };
  const lower = Float64Array.from(fitted, (parameter) => parameter.lower);
  /**
   * J = ∂(m/σ)/∂θ = −∂r/∂θ column by column: central differences where asked and both sides run,
   * else the side that runs (forward first; backward where the forward step leaves what runs, a
   * share above 1, say, and the bound allows it); NaN where neither does.
   */
  const jacobianAt = (theta: Float64Array, residuals: Float64Array, jacobian: Float64Array, central: boolean) => {
    const forward = new Float64Array(points);
    const backward = new Float64Array(points);
    for (let j = 0; j < k; j++) {
      const h = differenceStep(theta[j], fitted[j].initial, central);
      const trial = Float64Array.from(theta);
      const runsAt = (value: number, out: Float64Array) => {
        trial[j] = value;
        return residualsAt(trial, out);
      };
      const forwardRuns = runsAt(theta[j] + h, forward);
      const backwardRuns = (central || !forwardRuns) && theta[j] - h >= lower[j] && runsAt(theta[j] - h, backward);
      for (let i = 0; i < points; i++) {
        jacobian[j * points + i] =
          forwardRuns && backwardRuns ? -(forward[i] - backward[i]) / (2 * h) : forwardRuns ? -(forward[i] - residuals[i]) / h : backwardRuns ? (backward[i] - residuals[i]) / h : NaN;
      }
    }
  };

  const start = Float64Array.from(fitted, (parameter) => parameter.initial);
  const startResiduals = new Float64Array(points);
  residualsAt(start, startResiduals);
  const initialChiSquare = sumOfSquares(startResiduals);
  const outcome = levenbergMarquardt(
    {
      observations: points,
      parameters: k,
      evaluate: (theta, residuals, jacobian) => {
        residualsAt(theta, residuals);
        if (jacobian) jacobianAt(theta, residuals, jacobian, false);
      },
    },
    start,
    { lower, relativeReduction: 1e-10, maxSteps: options.maxSteps ?? 200 },
  );
  const theta = outcome.theta;
  const residuals = new Float64Array(points);
  residualsAt(theta, residuals);
  const chiSquare = sumOfSquares(residuals);
  const jacobian = new Float64Array(points * k);
  if (Number.isFinite(chiSquare)) jacobianAt(theta, residuals, jacobian, true);
  const gram = Number.isFinite(chiSquare) ? leastSquares(jacobian, residuals, points, k) : undefined;
  const degreesOfFreedom = points - k;
  const errorScale = degreesOfFreedom > 0 ? Math.max(1, Math.sqrt(chiSquare / degreesOfFreedom)) : 1;
  const covariance = gram ? gram.inverseGram.map((value) => value * errorScale * errorScale) : new Float64Array(k * k).fill(NaN);
  const correlation = covariance.map((value, index) => value / Math.sqrt(covariance[Math.floor(index / k) * (k + 1)] * covariance[(index % k) * (k + 1)]));
  const solution = modelAt(theta, false);
  const status: FitStatus = !Number.isFinite(initialChiSquare) ? 'no-run' : outcome.status === 'singular' || !gram ? 'singular' : outcome.status;
  const estimates = fitted.map((parameter, j): ParameterEstimate => ({
    ...parameter,
    estimate: theta[j],
    standardError: Math.sqrt(covariance[j * (k + 1)]),
    atBound: theta[j] === lower[j],
  }));
  const pValue = degreesOfFreedom > 0 ? regularizedGammaQ(degreesOfFreedom / 2, chiSquare / 2) : NaN;
  return {
    status,
    message: fitMessage(status, { fitted, observations, jacobian, points, runs, chiSquare, degreesOfFreedom, pValue, errorScale, solution: status === 'no-run' ? modelAt(start, false) : solution }),
    estimates,
    covariance,
    correlation,
    initialChiSquare,
    chiSquare,
    degreesOfFreedom,
    pValue,
    errorScale,
    runs,
    solution,
    fit: solution.status === 'success' ? observationFit(solution, observations) : [],
  };
}

/**
 * Forward differences step by √ε of the parameter's scale, central ones by ε^⅓ (each balances
 * truncation against rounding); the scale is the value, or the start where the value is 0.
 */
function differenceStep(value: number, initial: number, central: boolean): number {
  const scale = Math.abs(value) > 0 ? Math.abs(value) : Math.abs(initial) > 0 ? Math.abs(initial) : 1;
  return (central ? 6e-6 : 1.5e-8) * scale;
}

/** A scenario that sets a fitted parameter would undo every trial value. */
function checkScenarioOverrides(model: CompiledModel, fitted: readonly FittedParameter[], scenario: string | undefined): void {
  if (scenario === undefined) return;
  const compiled = model.scenarios.get(scenario);
  if (compiled === undefined) throw new OptionsError('scenario', `must be a scenario of the model (got ${scenario}; scenarios: ${[...model.scenarios.keys()].join(', ') || 'none'})`);
  for (const parameter of fitted) {
    if (compiled.overrides.some((override) => override.kind === 'set-parameter' && override.symbol === parameter.symbol)) {
      throw new OptionsError('scenario', `must not set a fitted parameter: scenario ${scenario} sets ${parameter.name}, so no fitted value would reach the run`);
    }
  }
}

function sumOfSquares(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return sum;
}
