import { ModelError, type SourceLocation } from '../errors.js';

/**
 * The mistakes a choice of method can meet in an index's data, each with one constructor, so the
 * loader (which checks the file's choices) and the computation (which checks any choice passed in)
 * say them alike.
 */
export function missingValueError(at: SourceLocation, city: string, indicator: string): ModelError {
  return new ModelError(
    `missing value: ${city} has no value for ${indicator} and no imputation`,
    at,
    `give the value with its source, or declare how to fill it: imputation: mean | median | drop-indicator on the indicator or under method:`,
  );
}

export function missingTargetError(at: SourceLocation, indicator: string): ModelError {
  return new ModelError(`missing key: target of ${indicator}`, at, 'distance-to-target normalisation needs a target for every indicator; write target: <value>, or choose another normalisation');
}

export function missingWeightError(at: SourceLocation, indicator: string): ModelError {
  return new ModelError(`missing key: weight of ${indicator}`, at, 'weights: given uses every indicator\'s own weight; write weight: <number>, or use weights: nested or equal');
}

export function nonPositiveError(at: SourceLocation, city: string, indicator: string, normalisation: string, value: number): ModelError {
  return new ModelError(
    `invalid value for geometric aggregation: ${normalisation} gives ${city} ${value} on ${indicator}`,
    at,
    'the geometric mean needs values above 0; use min-max, rank or distance-to-target normalisation (their scales start at 1), or arithmetic aggregation',
  );
}
