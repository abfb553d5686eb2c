/**
 * Observations bound to a compiled model: every observed value is a sum of the model's cells
 * (a flow or stock, one item, one year), or a ratio of two such sums (a transfer coefficient),
 * in the model's units.
 */

/** One item of one flow or stock; which year is the observed point's. */
export interface ObservationCell {
  readonly series: 'flow' | 'stock';
  /** Index into the model's (and a solution's) flows or stocks. */
  readonly index: number;
  readonly item: number;
}

/**
 * flow: a mass per year (one flow, a sum, a tag); level: a stock at the end of the year; change:
 * a stock's change over the year; share: a flow over everything that leaves its source process;
 * concentration: a substance's mass in a flow over the flow's mass (a mass fraction).
 */
export type ObservationKind = 'flow' | 'level' | 'change' | 'share' | 'concentration';

/** What one observed value adds up, for one item of the observation's dims (the only one without dims). */
export interface ObservedGroup {
  /** The items of the observation's dims (model order), e.g. ['paper']; [] without dims. */
  readonly items: readonly string[];
  /** The cells summed; for a share, the flow's (the numerator); for a concentration, the flow's, whose substance over goods it is. */
  readonly cells: readonly ObservationCell[];
  /** For a share: every outflow of the source process, same items (the denominator); [] otherwise. */
  readonly denominator: readonly ObservationCell[];
}

export interface CompiledObservation {
  readonly name: string;
  readonly label: string | undefined;
  readonly source: string | undefined;
  readonly kind: ObservationKind;
  /**
   * The substance observed in the cells (flows and stock changes of it, or its concentration);
   * undefined: the goods. A run computes goods only, so only reconciliation reads substance
   * observations.
   */
  readonly substance: string | undefined;
  /** What is observed, in words: `flow collection->landfill`, `tag msw`, `change of stock landfilled`. */
  readonly subject: string;
  /** The items the observation fixes, as written: `material paper`, or ''. */
  readonly fixedItems: string;
  /** Dimension names of `dims`, model order. */
  readonly dims: readonly string[];
  /** The model unit values are in: `t/yr` for flows, `t` for stocks, `1` for shares and concentrations. */
  readonly unit: string;
  readonly groups: readonly ObservedGroup[];
  /** The observed values (year and item order), converted to the model's units. */
  readonly points: {
    /** Year index: year − time.start. */
    readonly t: Int32Array;
    readonly group: Int32Array;
    readonly value: Float64Array;
    /** 0: exact. */
    readonly sd: Float64Array;
  };
  readonly path: string;
}
