import type { CompiledModel } from '../compile/compiledModel.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import type { ReconcileProblem } from '../reconcile/index.js';
import type { Solution } from '../simulate/solution.js';
import { cellName, processBalances, type CellVariable } from './balanceCells.js';
import { cellSum } from './modelValues.js';
import type { CompiledObservation, ObservationCell } from './observationTypes.js';
import { startSubstanceLayer, substanceLayer, type SubstanceVariables } from './substanceLayer.js';

export type { SubstanceVariables } from './substanceLayer.js';

/**
 * flow: one item of a flow (a mass per year); stock-change: one item of a stock's change over the
 * year; observed-sum: an observation of several cells (a total over items, a sum of flows, a
 * tag), tied to them by a constraint; share: an observed transfer coefficient; concentration: a
 * substance's mass fraction in one item of a flow, or an observed one over several. Flows, stock
 * changes and sums are of the goods or, with a `substance`, of that substance in them.
 */
export type BalanceVariableKind = 'flow' | 'stock-change' | 'observed-sum' | 'share' | 'concentration';

export interface BalanceVariable {
  readonly kind: BalanceVariableKind;
  /** Flow id, stock name or observation name. */
  readonly id: string;
  /** `paper`, `north, paper`, or '' for a total. */
  readonly item: string;
  /** The substance it is of, or '' for the goods. */
  readonly substance: string;
  /** The observation that measures it, if any. */
  readonly observation: string | undefined;
  readonly unit: string;
  /** The model's own value of it in the run it was built from (NaN without one, and for a substance: a run computes goods only). */
  readonly model: number;
}

export interface BalanceProblem {
  readonly year: number;
  readonly problem: ReconcileProblem;
  /** Aligned with problem.variables: the goods' flow cells, the stock changes, each substance's layer, then this year's observed sums, shares and concentrations. */
  readonly variables: readonly BalanceVariable[];
  /** Per substance observed this year (in order of first observation), its layer's variables. */
  readonly substances: readonly SubstanceVariables[];
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
 * variables, which the kernel linearises iteratively. Each substance observed in a year adds a
 * layer of its own to that year (substanceLayer: s − c · m = 0 per flow, a substance balance per
 * process; in a year without its observations it would be all unknowns); a concentration
 * observed over several cells is a measured c with Σ s − c · Σ m = 0. A stock level observed in
 * two consecutive years gives the change between them (sd √(sd₁² + sd₂²)); the correlation this
 * gives two consecutive changes is not carried, since each year is reconciled on its own.
 *
 * `initial`: a run whose values start the iteration for the unknowns and fill the `model` column.
 */
export function balanceProblems(model: CompiledModel, observations: readonly CompiledObservation[], yearIndices: readonly number[], initial: Solution | undefined): BalanceSystem {
  const { definition } = model;
  const items = definition.dimensions.map((dimension) => dimension.items);
  const label = (dims: readonly number[], item: number) => itemLabel(dims, items, item).join(', ');
  const rate = `${definition.massUnit}/yr`;

  const cells: CellVariable[] = [];
  const flowVariables = model.flows.map((flow, f) =>
    Int32Array.from({ length: flow.size }, (_, k) => {
      const item = label(flow.dims, k);
      return cells.push({ cell: { series: 'flow', index: f, item: k }, variable: { kind: 'flow', id: flow.id, item, substance: '', unit: rate }, name: cellName(flow.id, item), lower: 0, upper: undefined }) - 1;
    }),
  );
  const stockVariables = model.stocks.map((stock, s) =>
    Int32Array.from({ length: stock.size }, (_, k) => {
      const item = label(stock.dims, k);
      return cells.push({ cell: { series: 'stock', index: s, item: k }, variable: { kind: 'stock-change', id: stock.name, item, substance: '', unit: definition.massUnit }, name: cellName(`Δ ${stock.name}`, item), lower: undefined, upper: undefined }) - 1;
    }),
  );
  const balances = processBalances(model, cells, flowVariables, stockVariables, label, 'balance of');

  const unused: { observation: string; year: number; item: string }[] = [];
  const observedInYear = pointsByYear(observations, definition.time.start, unused);
  const reconciled = new Set(yearIndices);
  const problems = yearIndices.map((t): BalanceProblem => {
    const points = observedInYear.get(t) ?? [];
    const yearCells = [...cells];
    const substanceNames = [...new Set(points.flatMap(({ observation }) => (observation.substance === undefined ? [] : [observation.substance])))];
    const layers = substanceNames.map((substance) => substanceLayer(model, substance, flowVariables, yearCells, label));
    const substances = layers.map((layer) => layer.variables);
    /** The variable of a cell in the layer of `substance` (the goods when undefined). */
    const cellIndex = (cell: ObservationCell, substance: string | undefined) => {
      const layer = substance === undefined ? { flowVariables, stockVariables } : substances[substanceNames.indexOf(substance)];
      return (cell.series === 'flow' ? layer.flowVariables : layer.stockVariables)[cell.index][cell.item];
    };
    // One object shape for every cell variable (undefined where a key does not apply): built 60 times a model.
    const variables: { name: string; lower: number | undefined; upper: number | undefined; initial: number | undefined; measurement: { value: number; sd: number } | undefined }[] = [];
    const info: BalanceVariable[] = [];
    for (const { cell, variable, name, lower, upper } of yearCells) {
      const model = initial && cell ? cellSum(initial, cell.series === 'flow' ? 'flow' : 'change', [cell], t) : NaN;
      variables.push({ name, lower, upper, initial: Number.isFinite(model) && model !== 0 ? model : undefined, measurement: undefined });
      info.push({ ...variable, observation: undefined, model });
    }
    const constraints = [...balances, ...layers.flatMap((layer) => layer.constraints)];
    for (const { observation, group: g, value, sd } of points) {
      const group = observation.groups[g];
      const item = group.items.join(', ');
      const measurement = { value, sd };
      const { kind, substance } = observation;
      const single = kind !== 'share' && group.cells.length === 1 ? group.cells[0] : undefined;
      const direct = single && (kind === 'concentration' ? substances[substanceNames.indexOf(substance!)].concentrationVariables[single.index][single.item] : cellIndex(single, substance));
      if (direct !== undefined && variables[direct].measurement === undefined) {
        variables[direct].measurement = measurement;
        info[direct] = { ...info[direct], observation: observation.name };
        continue;
      }
      const name = cellName(`observation ${observation.name}`, item);
      const ratio = kind === 'share' || kind === 'concentration';
      variables.push({ name, measurement, lower: ratio || kind === 'flow' ? 0 : undefined, upper: ratio ? 1 : undefined, initial: undefined });
      const sum = (list: readonly ObservationCell[], of: 'flow' | 'change') => (initial && substance === undefined ? cellSum(initial, of, list, t) : NaN);
      const model = kind === 'share' ? sum(group.cells, 'flow') / sum(group.denominator, 'flow') : sum(group.cells, kind === 'flow' ? 'flow' : 'change');
      info.push({ kind: ratio ? kind : 'observed-sum', id: observation.name, item, substance: substance ?? '', observation: observation.name, unit: observation.unit, model });
      const cellTerms = (list: readonly ObservationCell[], layer: string | undefined, coefficient: number, factor: readonly string[]) =>
        list.map((cell) => ({ coefficient, variables: [yearCells[cellIndex(cell, layer)].name, ...factor] }));
      // A ratio: Σ numerator − ratio · Σ denominator = 0 (the share's outflows of the source, or the concentration's goods); a sum: observed − Σ cells = 0.
      constraints.push({
        label: name,
        terms: ratio
          ? [...cellTerms(group.cells, substance, 1, []), ...cellTerms(kind === 'share' ? group.denominator : group.cells, undefined, -1, [name])]
          : [{ coefficient: 1, variables: [name] }, ...cellTerms(group.cells, substance, -1, [])],
      });
    }
    const goodsStart = (v: number) => variables[v].measurement?.value ?? variables[v].initial ?? NaN;
    substances.forEach((layer) => {
      // Each observation's concentration: as observed, or a substance flow over its goods flows.
      const estimates = points.flatMap(({ observation, group, value }) => {
        if (observation.substance !== layer.substance) return [];
        if (observation.kind === 'concentration') return [value];
        const cells = observation.groups[group].cells;
        return observation.kind === 'flow' ? [value / cells.reduce((sum, cell) => sum + goodsStart(cellIndex(cell, undefined)), 0)] : [];
      });
      startSubstanceLayer(layer, variables, estimates.filter((estimate) => estimate > 0 && Number.isFinite(estimate)), goodsStart, flowVariables);
    });
    return { year: definition.time.start + t, problem: { variables, constraints }, variables: info, substances };
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
