/** An indicator: an expression over a run's results, reported per year (and item) in `unit`. */
export interface IndicatorDefinition {
  readonly name: string;
  readonly expression: string;
  /** The unit to report in; undefined: inferred (dimensionless, a mass per year or a mass in the model's unit). */
  readonly unit: string | undefined;
  /** Report value / value in this year − 1 instead of the value. */
  readonly changeFrom: number | undefined;
  readonly label: string | undefined;
  readonly path: string;
}

/** A target: an indicator at least (or at most) a value in a year. */
export interface TargetDefinition {
  readonly name: string;
  readonly indicator: string;
  readonly year: number;
  readonly comparison: 'at-least' | 'at-most';
  readonly value: number;
  readonly label: string | undefined;
  /** The preset it comes from, e.g. 'c40-2030'. */
  readonly preset: string | undefined;
  readonly path: string;
}
