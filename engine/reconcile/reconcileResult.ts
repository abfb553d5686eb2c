import type { VariableRole } from './compileProblem.js';

/**
 * converged: the reconciled values satisfy every constraint (a linear problem: after one solve);
 * not-converged: the iterated linearisation of a problem with products stopped at the iteration
 * cap or diverged (the values are the last iterate's, or NaN if it diverged);
 * inconsistent: the constraints contradict each other where nothing can be adjusted (exact
 * values, constants), so no reconciled values exist (NaN).
 */
export type ReconcileStatus = 'converged' | 'not-converged' | 'inconsistent';

/**
 * redundant: a measured value that some balance checks (it can be adjusted and tested);
 * non-redundant: a measured value no balance checks (kept as measured, with its sd);
 * exact: sd 0, a constant; observable: an unknown the balances determine; unobservable: an
 * unknown they do not (value and sd NaN).
 */
export type VariableClass = 'redundant' | 'non-redundant' | 'exact' | 'observable' | 'unobservable';

export interface ReconciledVariable {
  readonly name: string;
  readonly role: VariableRole;
  readonly classification: VariableClass;
  /** The measured value and its sd (NaN for an unknown). */
  readonly measured: number;
  readonly measuredSd: number;
  /** Reconciled value and its standard deviation. */
  readonly value: number;
  readonly sd: number;
  /** value − measured (NaN for an unknown). */
  readonly adjustment: number;
  /**
   * adjustment / sd(adjustment), with var(adjustment) = σ² − σ̃² = (Q − Q̃)_ii: standard normal if
   * the model and the sds are right. NaN unless the variable is redundant.
   */
  readonly normalizedAdjustment: number;
}

export interface GlobalTest {
  /** (x̃ − x)ᵀQ⁻¹(x̃ − x), the minimised objective; = rᵀ(AQAᵀ)⁻¹r for a linear problem. */
  readonly chiSquare: number;
  /** Rank of the constraints once the unknowns are eliminated (0: nothing to test). */
  readonly degreesOfFreedom: number;
  /** P(χ²_dof ≥ chiSquare); 1 when there are no degrees of freedom. */
  readonly pValue: number;
  readonly significance: number;
  readonly passed: boolean;
}

/** Redundant measurements whose normalised adjustments exceed the critical value. */
export interface GrossErrorSuspect {
  /**
   * One name, or several that no balance tells apart (their columns in the reduced constraints
   * are parallel, so their normalised adjustments are equal in size): one of them, not
   * necessarily all, may be wrong.
   */
  readonly variables: readonly string[];
  /** |normalised adjustment|, shared by the group. */
  readonly statistic: number;
}

export interface MeasurementTest {
  /** Family-wise level over all the tests (the `significance` option). */
  readonly significance: number;
  /** Number of tests: the redundant measurements. */
  readonly tests: number;
  /** Level of each test, Šidák-corrected: 1 − (1 − significance)^(1/tests). */
  readonly testLevel: number;
  /** Two-sided critical value Φ⁻¹(1 − testLevel/2). */
  readonly criticalValue: number;
  /** Largest statistic first: under a single gross error the largest points at it (or its group). */
  readonly suspects: readonly GrossErrorSuspect[];
}

export interface BoundViolation {
  readonly variable: string;
  readonly bound: 'lower' | 'upper';
  readonly limit: number;
  readonly value: number;
}

/** A constraint that cannot hold, with what is left of it (status 'inconsistent'). */
export interface ConstraintConflict {
  readonly constraint: string;
  readonly residual: number;
}

export interface ReconcileResult {
  readonly status: ReconcileStatus;
  /** What happened and, when something is wrong, what to do about it. */
  readonly message: string;
  /** Linear solves made: 1 for a linear problem. */
  readonly iterations: number;
  /** In problem order. */
  readonly variables: readonly ReconciledVariable[];
  /** variables × variables, problem order; 0 for exact values, NaN for unobservable unknowns. */
  readonly covariance: Float64Array;
  readonly globalTest: GlobalTest;
  readonly measurementTest: MeasurementTest;
  readonly violations: readonly BoundViolation[];
  readonly conflicts: readonly ConstraintConflict[];
}
