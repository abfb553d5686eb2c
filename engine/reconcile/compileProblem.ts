import { nearestNames } from '../errors.js';
import type { ReconcileProblem } from './problem.js';
import { ReconcileProblemError } from './reconcileProblemError.js';

/** measured: sd > 0, adjusted; exact: sd = 0, a constant; unknown: no measurement. */
export type VariableRole = 'measured' | 'exact' | 'unknown';

/**
 * A checked problem with names resolved to indices, as flat arrays. Constraint c's terms are
 * termStart[c] … termStart[c + 1] − 1; term t's factors are the variables
 * factors[factorStart[t] … factorStart[t + 1] − 1].
 */
export interface CompiledProblem {
  readonly names: readonly string[];
  readonly roles: readonly VariableRole[];
  /** Indices of the measured (sd > 0) and of the unknown variables, in problem order. */
  readonly measured: Int32Array;
  readonly unknowns: Int32Array;
  /** Per variable: the measured value (NaN for an unknown) and sd (0 if exact, NaN for an unknown). */
  readonly measurement: Float64Array;
  readonly sd: Float64Array;
  /** Where the iteration starts: the measurement, or an unknown's `initial`. */
  readonly start: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly labels: readonly string[];
  readonly termStart: Int32Array;
  readonly coefficients: Float64Array;
  readonly factorStart: Int32Array;
  readonly factors: Int32Array;
  readonly constants: Float64Array;
  /** Per constraint: 1 if a term has two factors that reconciliation moves (a product). */
  readonly nonlinear: Uint8Array;
  /** No constraint is nonlinear: one linear solve is exact. */
  readonly linear: boolean;
  /**
   * Per variable and constraint (`[v * constraints + c]`): 1 when v is measured and some term of
   * the constraint holds v and no unknown, so that its slope there does not hang on an unknown's
   * value (constraintScaling scales rows by these slopes only).
   */
  readonly scalingSlope: Uint8Array;
}

/** `value`, or `fallback` when it is undefined; a bound may be ±Infinity, any other number must be finite. */
function checkedNumber(value: number | undefined, fallback: number, path: string, what: string, bound = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || (!bound && !Number.isFinite(value))) {
    throw new ReconcileProblemError(`invalid ${what}: ${value}`, path, 'give a finite number');
  }
  return value;
}

export function compileProblem(problem: ReconcileProblem): CompiledProblem {
  const { variables, constraints } = problem;
  if (variables.length === 0) throw new ReconcileProblemError('reconciliation problem has no variables', 'variables');
  if (constraints.length === 0) {
    throw new ReconcileProblemError('reconciliation problem has no constraints', 'constraints', 'reconciliation adjusts measurements so that balances hold: give at least one balance');
  }
  const count = variables.length;
  const index = new Map<string, number>();
  const roles: VariableRole[] = [];
  const measurement = new Float64Array(count);
  const sd = new Float64Array(count);
  const start = new Float64Array(count);
  const lower = new Float64Array(count);
  const upper = new Float64Array(count);
  variables.forEach((variable, v) => {
    const path = `variables[${v}]`;
    if (typeof variable.name !== 'string' || variable.name === '') throw new ReconcileProblemError('a variable has no name', `${path}.name`);
    if (index.has(variable.name)) throw new ReconcileProblemError(`duplicate variable: ${variable.name}`, `${path}.name`, 'give every variable its own name');
    index.set(variable.name, v);
    lower[v] = checkedNumber(variable.lower, -Infinity, `${path}.lower`, `lower bound of ${variable.name}`, true);
    upper[v] = checkedNumber(variable.upper, Infinity, `${path}.upper`, `upper bound of ${variable.name}`, true);
    const observed = variable.measurement;
    if (observed === undefined) {
      roles.push('unknown');
      measurement[v] = NaN;
      sd[v] = NaN;
      start[v] = checkedNumber(variable.initial, NaN, `${path}.initial`, `initial value of ${variable.name}`);
      return;
    }
    measurement[v] = checkedNumber(observed.value, 0, `${path}.measurement.value`, `measured value of ${variable.name}`);
    if (typeof observed.sd !== 'number' || !(observed.sd >= 0) || observed.sd === Infinity) {
      throw new ReconcileProblemError(
        `invalid standard deviation of ${variable.name}: ${observed.sd}`,
        `${path}.measurement.sd`,
        'give a finite sd ≥ 0 (0 for an exact value), or no measurement for an unknown',
      );
    }
    sd[v] = observed.sd;
    start[v] = observed.value;
    roles.push(observed.sd > 0 ? 'measured' : 'exact');
  });

  const termStart = new Int32Array(constraints.length + 1);
  const coefficients: number[] = [];
  const factorStart: number[] = [0];
  const factors: number[] = [];
  const constants = new Float64Array(constraints.length);
  const nonlinear = new Uint8Array(constraints.length);
  const inProduct = new Uint8Array(count);
  const scalingSlope = new Uint8Array(count * constraints.length);
  constraints.forEach((constraint, c) => {
    const path = `constraints[${c}]`;
    termStart[c] = coefficients.length;
    constants[c] = checkedNumber(constraint.constant, 0, `${path}.constant`, `constant of ${constraint.label}`);
    if (constraint.terms.length === 0) {
      throw new ReconcileProblemError(`constraint '${constraint.label}' names no variable`, `${path}.terms`, 'a constraint must involve at least one variable');
    }
    constraint.terms.forEach((term, t) => {
      const termPath = `${path}.terms[${t}]`;
      if (term.variables.length === 0) {
        throw new ReconcileProblemError(`constraint '${constraint.label}' has a term with no variable`, `${termPath}.variables`, 'put a known amount in the constraint’s constant');
      }
      coefficients.push(checkedNumber(term.coefficient, 0, `${termPath}.coefficient`, `coefficient in ${constraint.label}`));
      const first = factors.length;
      let moving = 0;
      term.variables.forEach((name, f) => {
        const v = index.get(name);
        if (v === undefined) {
          const nearest = nearestNames(name, index.keys());
          throw new ReconcileProblemError(`unknown variable: ${name}`, `${termPath}.variables[${f}]`, nearest.length > 0 ? `did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?` : undefined);
        }
        factors.push(v);
        if (roles[v] !== 'exact') moving++;
      });
      factorStart.push(factors.length);
      const withUnknown = factors.slice(first).some((v) => roles[v] === 'unknown');
      if (!withUnknown) for (let f = first; f < factors.length; f++) if (roles[factors[f]] === 'measured') scalingSlope[factors[f] * constraints.length + c] = 1;
      if (moving > 1) {
        nonlinear[c] = 1;
        for (let f = first; f < factors.length; f++) inProduct[factors[f]] = 1;
      }
    });
  });
  termStart[constraints.length] = coefficients.length;
  // An unknown without `initial` starts at 1 where it multiplies another moving variable (at 0 the
  // product would have no slope in the other) and at 0 elsewhere: a linear solve from 0 adds
  // nothing to cancel, whatever the unknown's unit.
  roles.forEach((role, v) => {
    if (role === 'unknown' && Number.isNaN(start[v])) start[v] = inProduct[v] ? 1 : 0;
  });

  const indicesOf = (role: VariableRole) => Int32Array.from(roles.flatMap((r, v) => (r === role ? [v] : [])));
  return {
    names: variables.map((variable) => variable.name),
    roles,
    measured: indicesOf('measured'),
    unknowns: indicesOf('unknown'),
    measurement,
    sd,
    start,
    lower,
    upper,
    labels: constraints.map((constraint) => constraint.label),
    termStart,
    coefficients: Float64Array.from(coefficients),
    factorStart: Int32Array.from(factorStart),
    factors: Int32Array.from(factors),
    constants,
    nonlinear,
    linear: !nonlinear.includes(1),
    scalingSlope,
  };
}
