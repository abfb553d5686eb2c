import type { FigureWidth } from '../figure/size.js';
import type { Period } from '../figure/period.js';

/** A total, or a value per dimension item (e.g. per material); items with value 0 may be left out. */
export type ItemValues = number | Readonly<Record<string, number>>;

export interface SankeyProcess {
  readonly name: string;
  /** Shown instead of the name. */
  readonly label?: string;
  /** Column, an integer: 0 is the first column of processes (imports stand left of it). Unstaged processes are placed after their inputs. */
  readonly stage?: number;
  /** Position within its column, top first; processes without one keep their input order. */
  readonly order?: number;
}

/** A flow in one year (or span) between processes or the system boundary, named `outside`. */
export interface SankeyFlow {
  readonly from: string;
  readonly to: string;
  readonly value: ItemValues;
  /** Names the flow; for imports and exports it names the boundary node (flows sharing a label share a node). */
  readonly label?: string;
  /** The model's id of the flow; not drawn, it lets a page or a table find the flow again. */
  readonly id?: string;
  /** Standard deviation of the flow's total (a reconciled value): drawn as light edges, given in its label as ± sd. */
  readonly sd?: number;
}

/** The stock at a process: its net change this year (positive: net addition) and its level after it. */
export interface SankeyStock {
  readonly process: string;
  readonly name?: string;
  readonly change: ItemValues;
  /**
   * Amounts released (positive), drawn as releases beside the additions of a positive `change`:
   * a diagram standing for many years at once (the interactive report's) needs room for both,
   * since a stock that grows in one year may shrink in another. Default: none.
   */
  readonly releases?: ItemValues;
  /** Omitted where it is not known (a reconciled system has changes, not levels). */
  readonly level?: number;
  /** Standard deviation of the change, given in its label as ± sd. */
  readonly changeSd?: number;
}

export interface SankeyInput {
  readonly title: string;
  /** Mass unit of flows and stocks, e.g. "t"; flows are per year unless the period sums a span. */
  readonly unit: string;
  readonly period: Period;
  readonly scenario?: string;
  readonly processes: readonly SankeyProcess[];
  readonly flows: readonly SankeyFlow[];
  readonly stocks?: readonly SankeyStock[];
  /** The dimension that splits flow values (e.g. material): its name for the legend and its item order. */
  readonly dimension?: { readonly name: string; readonly items: readonly string[] };
  /** Sentences for under the figure, after its own notes. */
  readonly notes?: readonly string[];
}

export interface SankeyOptions {
  /** Figure width: 'single' (85 mm), 'double' (175 mm, the default) or millimetres. */
  readonly width?: FigureWidth;
  /** Height of the node area in points when the scale is automatic; default 45% of the width. */
  readonly diagramHeight?: number;
  /**
   * A fixed scale in mass units per point of band width. Pass the `unitsPerPoint` of one figure
   * to others (years, scenarios) so that their bands compare; the node area then grows or shrinks.
   */
  readonly unitsPerPoint?: number;
  /** Flows whose total is below this are not drawn; the figure says how many (default 0). */
  readonly minFlow?: number;
  /** Narrowest band drawn, in points, so that tiny flows stay visible (default 0.6). */
  readonly minWidth?: number;
  /** Band colours: by dimension item (default when `dimension` is given), source or target process. */
  readonly colorBy?: 'item' | 'source' | 'target';
  /** Order within columns: 'auto' reduces crossings (default), 'input' keeps `order` / input order. */
  readonly nodeOrder?: 'auto' | 'input';
  /** A residual below this share of the largest node throughput is rounding, not an imbalance (default 1e-9). */
  readonly imbalanceTolerance?: number;
  /**
   * false: labels name nodes and stocks without their values, and flows get no value labels, for
   * a page that shows the values of the year a reader picks itself (default true).
   */
  readonly labelValues?: boolean;
  /**
   * Marks every band for a page that redraws them: `data-flow` (the flow's index in `flows`) or
   * `data-stock` (its process) and `data-side` (addition or release), and `data-item` (the item's
   * index in the legend) of a split value (default false).
   */
  readonly tagBands?: boolean;
}
