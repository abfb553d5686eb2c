import type { ForecastProblem, ForecastResult } from './forecastTypes.js';

/**
 * Every fit that cannot be made answers with one of these: a fixed, greppable message template
 * and a hint that says what to change. The caller adds the file and line of the driver.
 */

export type ForecastFailure = Extract<ForecastResult, { ok: false }>;

function failure(problem: ForecastProblem, message: string, hint: string): ForecastFailure {
  return { ok: false, problem, message, hint };
}

export function notFinite(what: string, year: number, value: number): ForecastFailure {
  return failure('not-finite', `${what} is not a number in ${year} (${value})`, `give a finite value for ${year}, or leave the year out of the ${what}`);
}

export function outOfRange(what: string, year: number, value: number): ForecastFailure {
  return failure('out-of-range', `${what} is ${value} in ${year}, beyond 1e±100`, `express the ${what} in a unit that brings its values within 1e-100 to 1e100 (t instead of g, say)`);
}

export function invalidYears(what: string, year: number, previous: number): ForecastFailure {
  const problem = Number.isInteger(year) ? `${year} follows ${previous}` : `${year} is not a whole year`;
  return failure('invalid-years', `${what} years must be whole years in increasing order: ${problem}`, `list each year once, in increasing order`);
}

export function tooFewPoints(method: string, count: number, needed: number, why: string): ForecastFailure {
  return failure('too-few-points', `${method}: too few observed years (${count}; needs at least ${needed})`, `${why}; give at least ${needed} years of history or choose a method with fewer parameters`);
}

export function notConsecutive(method: string, year: number, next: number): ForecastFailure {
  return failure(
    'years-not-consecutive',
    `${method}: history years must be consecutive, ${next} follows ${year}`,
    `this method steps one year at a time; fill the gap in the history or use a curve method (linear, log-linear, logistic, gompertz)`,
  );
}

export function nonPositive(method: string, what: string, year: number, value: number): ForecastFailure {
  return failure('non-positive', `${method}: ${what} must be positive, ${year} has ${value}`, `this method works on logarithms or growth ratios; use a linear trend or holt for series that reach zero`);
}

export function invalidParameter(method: string, name: string, value: unknown, requirement: string): ForecastFailure {
  return failure('invalid-parameter', `${method}: ${name} ${requirement} (got ${JSON.stringify(value)})`, `correct ${name}, or leave it out to have it fitted`);
}

export function saturationBelowData(method: string, saturation: number, year: number, value: number): ForecastFailure {
  return failure(
    'saturation-below-data',
    `${method}: saturation ${saturation} is not above the history (${value} in ${year})`,
    `the saturation is the level the curve approaches and never reaches; give a larger value or leave it out to have it fitted`,
  );
}

export function noSaturation(method: string, parameter: string, value: number, largest: number, hint: string): ForecastFailure {
  return failure('no-saturation', `${method}: the history shows no saturation (the fitted ${parameter} runs off to ${value.toPrecision(3)}, against at most ${largest} observed)`, hint);
}

export function noConvergence(method: string, hint: string): ForecastFailure {
  return failure('no-convergence', `${method}: the fit did not converge`, hint);
}

export function degenerate(method: string, why: string, hint: string): ForecastFailure {
  return failure('degenerate', `${method}: ${why}`, hint);
}

export function missingCovariate(why: string, hint: string): ForecastFailure {
  return failure('missing-covariate', `regression: ${why}`, hint);
}
