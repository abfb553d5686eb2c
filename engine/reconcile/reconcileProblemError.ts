/**
 * A reconciliation problem that cannot be posed: no constraints, a constraint without a variable,
 * an unknown name, a standard deviation that is negative or not a number. `path` points into the
 * problem (`variables[3].measurement.sd`, `constraints[0].terms[2]`), so that whoever built the
 * problem from a model file can name the line the user must fix.
 */
export class ReconcileProblemError extends Error {
  override readonly name = 'ReconcileProblemError';
  readonly path: string;
  readonly hint: string | undefined;

  constructor(message: string, path: string, hint?: string) {
    super(message);
    this.path = path;
    this.hint = hint;
  }
}
