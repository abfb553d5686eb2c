import type { CompiledModel } from '../compile/compiledModel.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import type { ReconcileConstraint, ReconcileProblem, ReconcileTerm, ReconcileVariable } from '../reconcile/index.js';
import type { Solution } from '../simulate/solution.js';
import { cellSum } from './modelValues.js';
import type { CompiledObservation, ObservationCell } from './observationTypes.js';

/**
 * flow: one item of a flow (a mass per year); stock-change: one item of a stock's change over the
 * year; observed-sum: an observation of several cells (a total over items, a sum of flows, a
 * tag), tied to them by a constraint; share: an observed transfer coefficient.
 */
export type BalanceVariableKind = 'flow' | 'stock-change' | 'observed-sum' | 'share';

export interface BalanceVariable {
  readonly kind: BalanceVariableKind;
  /** Flow id, stock name or observation name. */
  readonly id: string;
  /** `paper`, `north, paper`, or '' for a total. */
  readonly item: string;
  /** The observation that measures it, if any. */
  readonly observation: string | undefined;
  readonly unit: string;
  /** The model's own value of it in the run it was built from (NaN without one). */
  readonly model: number;
}

export interface BalanceProblem {
  readonly year: number;
  readonly problem: ReconcileProblem;
  /** Aligned with problem.variables: the flow cells first, then the stock changes, then this year's observed sums and shares. */
  readonly variables: readonly BalanceVariable[];
}

export interface BalanceSystem {
  readonly problems: readonly BalanceProblem[];
  /** Per flow (model order), the variable of each of its items; the same in every problem. */
  readonly flowVariables: readonly Int32Array[];
  /** Per stock, the variable of each item of its change. */
  readonly stockVariables: readonly Int32Array[];
  /** Stock levels without a level the year before: no change follows from them, reconciliation leaves them out. */
  readonly unused: readonly { readonly observation: string; readonly year: number; readonly item: string }[];
}

/**
 * The balances of a model, year by year, as reconciliation problems. Every process balances each
 * year and item: Σ inflows − Σ outflows − stock change = 0. Every flow and stock change is a
 * variable: measured where an observation gives exactly it, unknown elsewhere (the data decide,
 * not the model; an sd of 0 makes a value exact). An observation of several cells (a total over
 * items, a sum, a tag) is a measured variable of its own with the constraint that it equals their
 * sum; so is a second observation of a cell already measured. A transfer coefficient τ of flow f
 * out of process p is a measured variable with f − τ · Σ outflows of p = 0, a product of
 * variables, which the kernel linearises iteratively. A stock level observed in two consecutive
 * years gives the change between them (sd √(sd₁² + sd₂²)); the correlation this gives two
 * consecutive changes is not carried, since each year is reconciled on its own.
 *
 * `initial`: a run whose values start the iteration for the unknowns and fill the `model` column.
 */
export function balanceProblems(model: CompiledModel, observations: readonly CompiledObservation[], yearIndices: readonly number[], initial: Solution | undefined): BalanceSystem {
  const { definition } = model;
  const items = definition.dimensions.map((dimension) => dimension.items);
  const label = (dims: readonly number[], item: number) => itemLabel(dims, items, item).join(', ');
  const named = (base: string, item: string) => (item === '' ? base : `${base}[${item}]`);
  const rate = `${definition.massUnit}/yr`;

  const cells: { cell: ObservationCell; variable: Omit<BalanceVariable, 'model' | 'observation'>; name: string }[] = [];
  const flowVariables = model.flows.map((flow, f) =>
    Int32Array.from({ length: flow.size }, (_, k) => {
      const item = label(flow.dims, k);
      return cells.push({ cell: { series: 'flow', index: f, item: k }, variable: { kind: 'flow', id: flow.id, item, unit: rate }, name: named(flow.id, item) }) - 1;
    }),
  );
  const stockVariables = model.stocks.map((stock, s) =>
    Int32Array.from({ length: stock.size }, (_, k) => {
      const item = label(stock.dims, k);
      return cells.push({ cell: { series: 'stock', index: s, item: k }, variable: { kind: 'stock-change', id: stock.name, item, unit: definition.massUnit }, name: named(`Δ ${stock.name}`, item) }) - 1;
    }),
  );
  const cellIndex = (cell: ObservationCell) => (cell.series === 'flow' ? flowVariables : stockVariables)[cell.index][cell.item];
  const balances = model.processes.flatMap((process, p) =>
    Array.from({ length: process.size }, (_, k): ReconcileConstraint => {
      const terms: ReconcileTerm[] = [
        ...process.inflows.map((f) => ({ coefficient: 1, variables: [cells[flowVariables[f][k]].name] })),
        ...model.flows.flatMap((flow, f) => (flow.from === p ? [{ coefficient: -1, variables: [cells[flowVariables[f][k]].name] }] : [])),
        ...(process.stock >= 0 ? [{ coefficient: -1, variables: [cells[stockVariables[process.stock][k]].name] }] : []),
      ];
      return { label: named(`balance of ${process.name}`, label(process.dims, k)), terms };
    }),
  );

  const unused: { observation: string; year: number; item: string }[] = [];
  const problems = yearIndices.map((t): BalanceProblem => {
    const cellValue = (cell: ObservationCell, kind: 'flow' | 'change') => (initial ? cellSum(initial, kind, [cell], t) : NaN);
    const variables: ReconcileVariable[] = cells.map(({ cell, name }) => {
      const start = cellValue(cell, cell.series === 'flow' ? 'flow' : 'change');
      return { name, ...(cell.series === 'flow' ? { lower: 0 } : {}), ...(Number.isFinite(start) && start !== 0 ? { initial: start } : {}) };
    });
    const info: BalanceVariable[] = cells.map(({ cell, variable }) => ({ ...variable, observation: undefined, model: cellValue(cell, cell.series === 'flow' ? 'flow' : 'change') }));
    const constraints = [...balances];

    for (const observation of observations) {
      for (const point of yearPoints(observation, t, definition.time.start, unused)) {
        const group = observation.groups[point.group];
        const item = group.items.join(', ');
        const measurement = { value: point.value, sd: point.sd };
        const sumKind = observation.kind === 'flow' ? 'flow' : 'change';
        if (observation.kind !== 'share' && group.cells.length === 1 && variables[cellIndex(group.cells[0])].measurement === undefined) {
          const v = cellIndex(group.cells[0]);
          variables[v] = { ...variables[v], measurement };
          info[v] = { ...info[v], observation: observation.name };
          continue;
        }
        const name = named(`observation ${observation.name}`, item);
        const share = observation.kind === 'share';
        variables.push({ name, measurement, ...(share ? { lower: 0, upper: 1 } : observation.kind === 'flow' ? { lower: 0 } : {}) });
        const modelValue = initial ? (share ? cellSum(initial, 'flow', group.cells, t) / cellSum(initial, 'flow', group.denominator, t) : cellSum(initial, sumKind, group.cells, t)) : NaN;
        info.push({ kind: share ? 'share' : 'observed-sum', id: observation.name, item, observation: observation.name, unit: observation.unit, model: modelValue });
        const cellTerms = (list: readonly ObservationCell[], coefficient: number, factor: string[]) => list.map((cell) => ({ coefficient, variables: [cells[cellIndex(cell)].name, ...factor] }));
        constraints.push({
          label: named(`observation ${observation.name}`, item),
          terms: share ? [...cellTerms(group.cells, 1, []), ...cellTerms(group.denominator, -1, [name])] : [{ coefficient: 1, variables: [name] }, ...cellTerms(group.cells, -1, [])],
        });
      }
    }
    return { year: definition.time.start + t, problem: { variables, constraints }, variables: info };
  });
  return { problems, flowVariables, stockVariables, unused };
}

/**
 * The observation's values in year index t, with stock levels turned into the change from the
 * year before (where that year is observed too; the others are noted in `unused`).
 */
function yearPoints(observation: CompiledObservation, t: number, start: number, unused: { observation: string; year: number; item: string }[]): { group: number; value: number; sd: number }[] {
  const { points } = observation;
  const found: { group: number; value: number; sd: number }[] = [];
  for (let i = 0; i < points.t.length; i++) {
    if (points.t[i] !== t) continue;
    if (observation.kind !== 'level') {
      found.push({ group: points.group[i], value: points.value[i], sd: points.sd[i] });
      continue;
    }
    let before = -1;
    for (let j = 0; j < points.t.length; j++) if (points.t[j] === t - 1 && points.group[j] === points.group[i]) before = j;
    if (before < 0) unused.push({ observation: observation.name, year: start + t, item: observation.groups[points.group[i]].items.join(', ') });
    else found.push({ group: points.group[i], value: points.value[i] - points.value[before], sd: Math.hypot(points.sd[i], points.sd[before]) });
  }
  return found;
}
