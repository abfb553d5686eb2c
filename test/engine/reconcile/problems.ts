import type { ReconcileConstraint, ReconcileResult, ReconcileVariable } from '../../../engine/reconcile/index.js';

/** Shorthands for writing reconciliation problems in tests. */
export const measured = (name: string, value: number, sd: number, bounds: { lower?: number; upper?: number } = {}): ReconcileVariable => ({
  name,
  measurement: { value, sd },
  ...bounds,
});
export const unknown = (name: string, initial?: number): ReconcileVariable => (initial === undefined ? { name } : { name, initial });

/** Σ inflows − Σ outflows + constant = 0. */
export function balance(label: string, inflows: readonly string[], outflows: readonly string[], constant = 0): ReconcileConstraint {
  return {
    label,
    terms: [...inflows.map((name) => ({ coefficient: 1, variables: [name] })), ...outflows.map((name) => ({ coefficient: -1, variables: [name] }))],
    constant,
  };
}

/** The result's variable `name`. */
export function variable(result: ReconcileResult, name: string) {
  const found = result.variables.find((v) => v.name === name);
  if (found === undefined) throw new Error(`no variable ${name}`);
  return found;
}

/** Covariance of variables `a` and `b` in the result. */
export function covarianceOf(result: ReconcileResult, a: string, b: string): number {
  const names = result.variables.map((v) => v.name);
  return result.covariance[names.indexOf(a) * names.length + names.indexOf(b)];
}
