export type { VariableRole } from './compileProblem.js';
export type { ReconcileConstraint, ReconcileProblem, ReconcileTerm, ReconcileVariable } from './problem.js';
export { reconcile } from './reconcile.js';
export { RECONCILE_DEFAULTS, type ReconcileOptions } from './reconcileOptions.js';
export { ReconcileProblemError } from './reconcileProblemError.js';
export type {
  BoundViolation,
  ConstraintConflict,
  GlobalTest,
  GrossErrorSuspect,
  MeasurementTest,
  ReconcileResult,
  ReconcileStatus,
  ReconciledVariable,
  VariableClass,
} from './reconcileResult.js';
export { reconcileSeries } from './reconcileSeries.js';
