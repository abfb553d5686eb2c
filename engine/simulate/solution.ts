import type { SolutionEmissions } from '../carbon/emissionSeries.js';
import type { StockKind, SurvivalConvention } from '../definition/types.js';

/**
 * The result of one run. Every series is year-major over its dimensions:
 * `values[(year - years[0]) * size + item]`, items row-major over `dims` (see `itemLabels`).
 * Flows are in the model's mass unit per year, stocks in the mass unit at the end of each year.
 */
export interface Solution {
  /** 'success', or the status of the first issue found. */
  readonly status: SolutionStatus;
  /** Expected numerical outcomes, in the order found (at most a few per kind). */
  readonly issues: readonly SolutionIssue[];
  readonly model: string;
  readonly scenario: string | undefined;
  /** The model's survival convention; a stock may have its own (StockSeries.survival). */
  readonly survival: SurvivalConvention;
  readonly unit: string;
  readonly years: readonly number[];
  readonly dimensions: readonly { readonly name: string; readonly items: readonly string[] }[];
  readonly flows: readonly FlowSeries[];
  readonly stocks: readonly StockSeries[];
  /** Per process: inflow − outflow − stock change, every year and item (ideally 0). */
  readonly balance: readonly BalanceSeries[];
  /** What each treatment route emits and avoids, for a model with an `emissions` section that ran to the end. */
  readonly emissions: SolutionEmissions | undefined;
  /**
   * Series computed from the flows and stocks, addressed like them by (kind, id): the CO2e each
   * emission route emits ('emission') and avoids ('credit'), their totals (id 'total', and
   * 'net-emission'), indicators. Tables, figures and sweeps read them as they read flows.
   */
  readonly derived: readonly DerivedSeries[];
}

export type DerivedKind = 'emission' | 'credit' | 'net-emission' | 'indicator';

export interface DerivedSeries {
  readonly kind: DerivedKind;
  readonly id: string;
  readonly dims: readonly string[];
  readonly values: Float64Array;
  /** Text for tables and axes: "t CO2e/yr". */
  readonly unit: string;
}

export type SolutionStatus =
  | 'success'
  /** A stock-driven stock would need a negative inflow and correction is off. */
  | 'negative-inflow'
  /** Shares out of a process do not sum to 1 (or a share is outside [0, 1]). */
  | 'invalid-shares'
  /** A flow came out negative (e.g. value outflows exceed a process's input). */
  | 'negative-flow'
  /** Lifetime parameters that describe no distribution (e.g. sd <= 0 in a sweep sample). */
  | 'invalid-lifetime'
  /** A stock-driven stock cannot meet its target (no share of this year's inflow survives it). */
  | 'unreachable-target'
  /** A recycling loop that never leaks: the transfer system has no solution. */
  | 'singular-loop'
  /** NaN or ±Infinity in a flow or stock. */
  | 'non-finite'
  /** A process whose balance residual exceeds the tolerance. */
  | 'unbalanced';

export interface SolutionIssue {
  readonly status: Exclude<SolutionStatus, 'success'>;
  readonly message: string;
  readonly year?: number;
  readonly process?: string;
  readonly flow?: string;
  readonly stock?: string;
  /** Dimension items, e.g. ['food']. */
  readonly item?: readonly string[];
  readonly residual?: number;
  /** The offending value: a negative or non-finite flow, a negative inflow. */
  readonly value?: number;
}

export interface FlowSeries {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly dims: readonly string[];
  /** Marked as a waste stream in the model. */
  readonly waste: boolean;
  readonly values: Float64Array;
}

export interface StockSeries {
  readonly name: string;
  readonly process: string;
  readonly kind: StockKind;
  /** The survival convention of a stock with a lifetime; undefined for an accumulating stock. */
  readonly survival: SurvivalConvention | undefined;
  readonly dims: readonly string[];
  /** Stock at the end of each year. */
  readonly stock: Float64Array;
  readonly inflow: Float64Array;
  /** What leaves the stock each year (for accumulate stocks: nothing, zeros). */
  readonly outflow: Float64Array;
  /** false where the model says what leaves the stock is not waste generated (`waste: false`); absent means it is. */
  readonly waste?: boolean;
  /** Years where negative-inflow correction retired older cohorts (stock-driven only). */
  readonly correctedYears: readonly number[];
  /** Opt-in (`cohorts: true`): stock by cohort, `[(t * cohorts + c) * size + item]`, cohorts = initial + years. */
  readonly byCohort: Float64Array | undefined;
  /** Cohort years matching `byCohort` (initial cohorts first). */
  readonly cohortYears: readonly number[] | undefined;
}

export interface BalanceSeries {
  readonly process: string;
  readonly dims: readonly string[];
  readonly residual: Float64Array;
}
