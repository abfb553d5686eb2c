/**
 * A data-reconciliation problem: variables, each measured (a value with its standard deviation)
 * or unknown, and constraints that the reconciled values must satisfy exactly.
 *
 * A constraint is a polynomial set to zero: Σ_t coefficient_t · Π variables_t + constant = 0. A
 * process balance has one variable per term (inflows +1, outflows −1, the stock change −1);
 * a transfer coefficient times a flow, or a concentration times a mass flow, is a term with two.
 */
export interface ReconcileProblem {
  readonly variables: readonly ReconcileVariable[];
  readonly constraints: readonly ReconcileConstraint[];
}

export interface ReconcileVariable {
  /** Unique among the problem's variables; constraints name it. */
  readonly name: string;
  /**
   * The observation, or undefined for an unknown. sd = 0 means exact: the value is a constant
   * that reconciliation does not adjust.
   */
  readonly measurement?: { readonly value: number; readonly sd: number };
  /**
   * Where an unknown's iteration starts when it appears in a product (default 1: a product of
   * unknowns that start at 0 has no slope, so the linearisation could not move them; an unknown
   * in no product starts at 0). Linear problems do not depend on it.
   */
  readonly initial?: number;
  /** Bounds the reconciled value should respect (e.g. 0 for a flow). Reported, not enforced. */
  readonly lower?: number;
  readonly upper?: number;
}

export interface ReconcileConstraint {
  /** Names the constraint in messages, e.g. `balance of sorting`. */
  readonly label: string;
  readonly terms: readonly ReconcileTerm[];
  /** Known part of the balance (a known flow, a given stock change), default 0. */
  readonly constant?: number;
}

export interface ReconcileTerm {
  readonly coefficient: number;
  /** The term's factors, by variable name; a name may repeat (x·x). At least one. */
  readonly variables: readonly string[];
}
