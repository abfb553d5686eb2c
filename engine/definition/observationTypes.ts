/**
 * Observations (`observations:`): measured values of the model's own series — flows, sums of
 * flows, stock levels and changes, transfer coefficients, and a substance's flows, stock and
 * concentrations in them — each with its uncertainty. A run never
 * reads them; `reconcile`, `fit` and the fit report of `run` compare them with the model.
 */

/** What an observation measures; names as the model file writes them. */
export type ObservedQuantityDefinition =
  /** One flow, the sum of several (`sum: [a, b]`) or of every flow of a tag: a mass per year. */
  | { readonly kind: 'flows'; readonly flows: readonly string[]; readonly tag: string | undefined }
  /** A stock's level at the end of the year, or its change over the year: a mass. */
  | { readonly kind: 'stock'; readonly stock: string; readonly measure: 'level' | 'change' }
  /** A transfer coefficient: a flow's share of all that leaves its source process (dimensionless). */
  | { readonly kind: 'share'; readonly flow: string }
  /** A substance's mass fraction in a flow (needs a substance; dimensionless). */
  | { readonly kind: 'concentration'; readonly flow: string };

export interface ObservationDefinition {
  readonly name: string;
  readonly quantity: ObservedQuantityDefinition;
  /** The substance observed in the quantity's flows or stock (`substance:`); undefined: the goods themselves. */
  readonly substance: string | undefined;
  /** Items fixed by `item`, dimension -> item: the observation is of those items only. */
  readonly item: Readonly<Record<string, string>>;
  /** One value per item of these dimensions (model declaration order); [] for the total over the other items. */
  readonly dims: readonly string[];
  /** The unit the values were written in; undefined: the model's (mass per year, mass, or 1 for a share). */
  readonly unit: string | undefined;
  readonly points: ObservationPoints;
  readonly label: string | undefined;
  /** Where the numbers come from, as the file says (a citation). */
  readonly source: string | undefined;
  readonly path: string;
}

/** The observed values, one per year and item given (sparse: any year, any item), sorted by year then item. */
export interface ObservationPoints {
  readonly years: Int32Array;
  /** Item of `dims`, row-major in the model's declaration order (0 without dims). */
  readonly items: Int32Array;
  /** In the observation's unit. */
  readonly values: Float64Array;
  /** Standard deviations in the observation's unit; 0 marks an exact value. */
  readonly sds: Float64Array;
}
