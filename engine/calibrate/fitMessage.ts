import { modelValues } from '../observations/modelValues.js';
import type { CompiledObservation } from '../observations/observationTypes.js';
import type { Solution } from '../simulate/solution.js';
import type { FitStatus } from './fitTypes.js';
import type { FittedParameter } from './parameterSelection.js';

/** What a fit's status means for this fit: the χ² and runs, or which parameter the data do not determine, or why the start does not run. */
export function fitMessage(
  status: FitStatus,
  facts: {
    fitted: readonly FittedParameter[];
    observations: readonly CompiledObservation[];
    jacobian: Float64Array;
    points: number;
    runs: number;
    chiSquare: number;
    degreesOfFreedom: number;
    pValue: number;
    errorScale: number;
    solution: Solution;
  },
): string {
  const { fitted, jacobian, points, runs, chiSquare, degreesOfFreedom, pValue, errorScale } = facts;
  if (status === 'no-run') {
    if (facts.solution.status !== 'success') return `the model does not run to success at the starting values (status ${facts.solution.status}: ${facts.solution.issues[0]?.message ?? ''}); fix the model or its base values first`;
    const undefinedAt = facts.observations.find((observation) => modelValues(facts.solution, observation).some((value) => !Number.isFinite(value)));
    return `the model has no finite value for observation ${undefinedAt?.name ?? '?'} at the starting values (a share of a process that releases nothing?); change the base values or leave the observation out`;
  }
  if (status === 'singular') {
    const idle = fitted.filter((_, j) => {
      let norm = 0;
      for (let i = 0; i < points; i++) norm += jacobian[j * points + i] ** 2;
      return !(norm > 0);
    });
    return idle.length > 0
      ? `the observations do not determine ${idle.map((parameter) => parameter.label).join(', ')}: changing it changes no observed value; observe what it drives, or fit fewer parameters`
      : 'the observations do not determine the parameters apart: some change the observed values alike (or too little to tell); fit fewer parameters, or observe what tells them apart';
  }
  const fit = `χ² = ${chiSquare.toPrecision(4)} on ${degreesOfFreedom} degrees of freedom${degreesOfFreedom > 0 ? ` (p = ${pValue.toPrecision(3)})` : ''}, ${points} observed values, ${runs} runs`;
  const scaled = errorScale > 1 ? `; the data scatter more than their sds say (χ²/dof = ${(errorScale * errorScale).toPrecision(3)}): standard errors inflated by ${errorScale.toPrecision(3)}` : '';
  if (status === 'iteration-limit') return `stopped at the step limit before converging: ${fit}${scaled}; the estimates are the last iterate's`;
  return `converged: ${fit}${scaled}`;
}
