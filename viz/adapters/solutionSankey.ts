import { OUTSIDE } from '../../engine/definition/types.js';
import { OptionsError, nearestNames } from '../../engine/errors.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { Period } from '../figure/period.js';
import type { ItemValues, SankeyFlow, SankeyInput, SankeyStock } from '../sankey/input.js';
import { collapseSeries, spanValues } from './collapse.js';
import { displayName, flowNamer, type FlowLook } from './displayName.js';
import { itemGroups, runItemTotals, type ItemGroups } from './itemGroups.js';
import type { RunSeries } from './runSeries.js';
import { yearSpan } from './span.js';

/** What a model definition says about how to draw a process (a ModelDefinition's processes will do). */
export interface ProcessLook {
  readonly name: string;
  readonly label?: string | undefined;
  readonly stage?: number | undefined;
}

export interface SolutionSankeyOptions {
  /** One year, or a span whose flows are summed or averaged. */
  readonly period: Period;
  /** Labels and stages (columns) of the processes; without them names are shown and the layout places every process. */
  readonly processes?: readonly ProcessLook[];
  /** The model's flows, for their labels: a flow from or to outside names its boundary node by its label, else by its id. */
  readonly flows?: readonly FlowLook[];
  /** Dimension whose items colour the bands: default the first dimension any flow has; null for no split. */
  readonly dimension?: string | null;
  /** Most colour categories; the run's smallest items beyond share one (default 7). */
  readonly maxItems?: number;
  /** The runs whose item totals choose those categories, so that figures of several scenarios colour alike (default: this run). */
  readonly colourRuns?: readonly RunSeries[];
  /** Default: the model's name. */
  readonly title?: string;
}

/** Okabe & Ito's seven colours, the most distinct for colour-blind readers. */
const DEFAULT_MAX_ITEMS = 7;

function colourDimension(solution: Solution, requested: string | null | undefined): string | undefined {
  if (requested === null) return undefined;
  const names = solution.dimensions.map((d) => d.name);
  if (requested === undefined) return names.find((name) => solution.flows.some((flow) => flow.dims.includes(name)));
  if (names.includes(requested)) return requested;
  const nearest = nearestNames(requested, names);
  throw new OptionsError('dimension', `must name a dimension of the run: unknown dimension: ${requested}${nearest.length ? ` (did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?)` : ''}`);
}

/**
 * A Solution as a Sankey diagram of one year or span. Each stock's change is derived from its
 * process's balance, change = inflow − outflow − residual, which is the engine's own
 * level[t] − level[t−1] (the first year included, whose previous level the Solution does not
 * keep); so the figure recomputes exactly the engine's residual, and an imbalance is drawn, not
 * hidden. A stock's level is the one at the end of the period. Values are split by one dimension's items (summed over any other dimension); series
 * without that dimension are drawn as totals.
 */
export function solutionSankeyInput(solution: Solution, options: SolutionSankeyOptions): SankeyInput {
  return solutionSankeyInputs(solution, [options.period], options)[0];
}

/** The diagrams of several periods of one run (as solutionSankeyInput draws each), its series collapsed by item once. */
export function solutionSankeyInputs(solution: Solution, periods: readonly Period[], options: Omit<SolutionSankeyOptions, 'period'>): SankeyInput[] {
  const spans = periods.map((period) => yearSpan(solution.years, period));
  const dimension = colourDimension(solution, options.dimension);
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (!Number.isInteger(maxItems) || maxItems < 2) throw new OptionsError('maxItems', `must be an integer of at least 2 (got ${maxItems})`);
  const collapse = (values: Float64Array, dims: readonly string[]) => collapseSeries(values, dims, solution.dimensions, dimension);

  const flows = solution.flows.map((flow) => ({ flow, collapsed: collapse(flow.values, flow.dims) }));
  const items = solution.dimensions.find((d) => d.name === dimension)?.items ?? [];
  const groups = itemGroups(items, dimension === undefined ? new Float64Array(0) : runItemTotals(options.colourRuns ?? [solution], dimension), maxItems, dimension ?? '');
  const itemValues = (values: Float64Array, split: boolean): ItemValues => (split ? grouped(values, groups) : total(values));
  const flowName = flowNamer(options.flows);
  const stockTerms = solution.stocks.map((stock) => {
    const balance = solution.balance.find((series) => series.process === stock.process);
    const terms = [
      ...flows.filter(({ flow }) => flow.to === stock.process).map(({ collapsed }) => ({ sign: 1, collapsed })),
      ...flows.filter(({ flow }) => flow.from === stock.process).map(({ collapsed }) => ({ sign: -1, collapsed })),
      ...(balance ? [{ sign: -1, collapsed: collapse(balance.residual, balance.dims) }] : []),
    ];
    return { stock, terms, split: terms.every((term) => term.collapsed.items !== undefined) && terms.length > 0 };
  });
  const looks = new Map((options.processes ?? []).map((process) => [process.name, process]));
  const processes = solution.balance.map(({ process }) => {
    const look = looks.get(process);
    return { name: process, label: look?.label ?? displayName(process), ...(look?.stage === undefined ? {} : { stage: look.stage }) };
  });

  return spans.map((span, p) => {
    // A flow that is zero throughout the period would still give a boundary node of its own.
    const sankeyFlows: SankeyFlow[] = flows
      .map(({ flow, collapsed }) => ({ flow, split: collapsed.items !== undefined, values: spanValues(collapsed, span) }))
      .filter(({ values }) => values.some((value) => value !== 0))
      .map(({ flow, split, values }) => ({
        id: flow.id,
        from: flow.from,
        to: flow.to,
        value: itemValues(values, split),
        ...(flow.from === OUTSIDE || flow.to === OUTSIDE ? { label: flowName(flow.id) } : {}),
      }));

    const stocks: SankeyStock[] = stockTerms.map(({ stock, terms, split }) => {
      const change = new Float64Array(split ? items.length : 1);
      for (const term of terms) {
        const spanned = spanValues(term.collapsed, span);
        const values = split ? spanned : Float64Array.of(total(spanned));
        for (let k = 0; k < change.length; k++) change[k] += term.sign * values[k];
      }
      const size = stock.stock.length / solution.years.length;
      const level = total(stock.stock.subarray(span.last * size, (span.last + 1) * size));
      return { process: stock.process, name: displayName(stock.name), change: itemValues(change, split), level };
    });

    return {
      title: options.title ?? solution.model,
      unit: solution.unit,
      period: periods[p],
      // Every figure states its scenario; a run without one is the base model.
      scenario: solution.scenario ?? 'base model',
      processes,
      flows: sankeyFlows,
      stocks,
      ...(dimension === undefined ? {} : { dimension: { name: displayName(dimension), items: groups.names } }),
    };
  });
}

function total(values: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k];
  return sum;
}

function grouped(values: Float64Array, groups: ItemGroups): Record<string, number> {
  const sums = new Float64Array(groups.names.length);
  for (let k = 0; k < values.length; k++) sums[groups.groupOf[k]] += values[k];
  const byName: Record<string, number> = {};
  for (let g = 0; g < sums.length; g++) byName[groups.names[g]] = sums[g];
  return byName;
}
