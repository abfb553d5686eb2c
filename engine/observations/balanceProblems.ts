import type { CompiledModel } from '../compile/compiledModel.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import type { ReconcileConstraint, ReconcileProblem, ReconcileTerm } from '../reconcile/index.js';
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
  const observedInYear = pointsByYear(observations, definition.time.start, unused);
  const reconciled = new Set(yearIndices);
  const problems = yearIndices.map((t): BalanceProblem => {
    // One object shape for every cell variable (undefined where a key does not apply): built 60 times a model.
    const variables: { name: string; lower: number | undefined; upper?: number; initial: number | undefined; measurement: { value: number; sd: number } | undefined }[] = [];
    const info: BalanceVariable[] = [];
    for (const { cell, variable, name } of cells) {
      const model = initial ? cellSum(initial, cell.series === 'flow' ? 'flow' : 'change', [cell], t) : NaN;
      variables.push({ name, lower: cell.series === 'flow' ? 0 : undefined, initial: Number.isFinite(model) && model !== 0 ? model : undefined, measurement: undefined });
      info.push({ ...variable, observation: undefined, model });
    }
    const constraints = [...balances];
    for (const { observation, group: g, value, sd } of observedInYear.get(t) ?? []) {
      const group = observation.groups[g];
      const item = group.items.join(', ');
      const measurement = { value, sd };
      if (observation.kind !== 'share' && group.cells.length === 1 && variables[cellIndex(group.cells[0])].measurement === undefined) {
        const v = cellIndex(group.cells[0]);
        variables[v].measurement = measurement;
        info[v] = { ...info[v], observation: observation.name };
        continue;
      }
      const name = named(`observation ${observation.name}`, item);
      const share = observation.kind === 'share';
      variables.push({ name, measurement, lower: share || observation.kind === 'flow' ? 0 : undefined, upper: share ? 1 : undefined, initial: undefined });
      const sum = (list: readonly ObservationCell[], kind: 'flow' | 'change') => (initial ? cellSum(initial, kind, list, t) : NaN);
      const model = share ? sum(group.cells, 'flow') / sum(group.denominator, 'flow') : sum(group.cells, observation.kind === 'flow' ? 'flow' : 'change');
      info.push({ kind: share ? 'share' : 'observed-sum', id: observation.name, item, observation: observation.name, unit: observation.unit, model });
      const cellTerms = (list: readonly ObservationCell[], coefficient: number, factor: readonly string[]) => list.map((cell) => ({ coefficient, variables: [cells[cellIndex(cell)].name, ...factor] }));
      constraints.push({
        label: name,
        terms: share ? [...cellTerms(group.cells, 1, []), ...cellTerms(group.denominator, -1, [name])] : [{ coefficient: 1, variables: [name] }, ...cellTerms(group.cells, -1, [])],
      });
    }
    return { year: definition.time.start + t, problem: { variables, constraints }, variables: info };
  });
  return { problems, flowVariables, stockVariables, unused: unused.filter((entry) => reconciled.has(entry.year - definition.time.start)) };
}

interface YearPoint {
  readonly observation: CompiledObservation;
  readonly group: number;
  readonly value: number;
  readonly sd: number;
}

/**
 * Every observed value by year index, in observation order, with stock levels turned into the
 * change from the year before (where that year is observed too; the others are noted in `unused`).
 */
function pointsByYear(observations: readonly CompiledObservation[], start: number, unused: { observation: string; year: number; item: string }[]): Map<number, YearPoint[]> {
  const byYear = new Map<number, YearPoint[]>();
  const add = (t: number, point: YearPoint) => {
    const list = byYear.get(t);
    if (list) list.push(point);
    else byYear.set(t, [point]);
  };
  for (const observation of observations) {
    const { t, group, value, sd } = observation.points;
    const index = new Map<string, number>();
    for (let i = 0; i < t.length; i++) index.set(`${t[i]} ${group[i]}`, i);
    for (let i = 0; i < t.length; i++) {
      if (observation.kind !== 'level') {
        add(t[i], { observation, group: group[i], value: value[i], sd: sd[i] });
        continue;
      }
      const before = index.get(`${t[i] - 1} ${group[i]}`);
      if (before === undefined) unused.push({ observation: observation.name, year: start + t[i], item: observation.groups[group[i]].items.join(', ') });
      else add(t[i], { observation, group: group[i], value: value[i] - value[before], sd: Math.hypot(sd[i], sd[before]) });
    }
  }
  return byYear;
}
