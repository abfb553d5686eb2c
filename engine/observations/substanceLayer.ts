import type { CompiledModel } from '../compile/compiledModel.js';
import type { ReconcileConstraint } from '../reconcile/index.js';
import { cellName, processBalances, type CellVariable } from './balanceCells.js';

/** The variables of one substance, as indices into the problem's variables: per flow, stock and item. */
export interface SubstanceVariables {
  readonly substance: string;
  /** Per flow (model order), the substance flow of each item: a mass per year. */
  readonly flowVariables: readonly Int32Array[];
  /** Per flow, the substance's concentration in each item: a mass fraction. */
  readonly concentrationVariables: readonly Int32Array[];
  /** Per stock, the substance in the change of each item: a mass. */
  readonly stockVariables: readonly Int32Array[];
}

/**
 * A substance layer on top of the goods (as STAN has): per flow and item a substance flow s and a
 * concentration c, tied to the goods flow m by s − c · m = 0 (a product of variables, linearised
 * by the kernel); per stock and item the substance in its change Δ; per process and item the
 * substance balance Σ s_in − Σ s_out − Δ = 0 (no Δ without a stock). Everything is unknown until
 * an observation measures it. Appends the variables to `cells`.
 */
export function substanceLayer(
  model: CompiledModel,
  substance: string,
  goodsFlows: readonly Int32Array[],
  cells: CellVariable[],
  itemOf: (dims: readonly number[], item: number) => string,
): { readonly variables: SubstanceVariables; readonly constraints: ReconcileConstraint[] } {
  const { massUnit } = model.definition;
  const perFlow = (kind: 'flow' | 'concentration', base: (id: string) => string, unit: string, upper: number | undefined) =>
    model.flows.map((flow) =>
      Int32Array.from({ length: flow.size }, (_, k) => {
        const item = itemOf(flow.dims, k);
        return cells.push({ cell: undefined, variable: { kind, id: flow.id, item, substance, unit }, name: cellName(base(flow.id), item), lower: 0, upper }) - 1;
      }),
    );
  const flowVariables = perFlow('flow', (id) => `${substance} in ${id}`, `${massUnit}/yr`, undefined);
  const concentrationVariables = perFlow('concentration', (id) => `concentration of ${substance} in ${id}`, '1', 1);
  const stockVariables = model.stocks.map((stock) =>
    Int32Array.from({ length: stock.size }, (_, k) => {
      const item = itemOf(stock.dims, k);
      return cells.push({ cell: undefined, variable: { kind: 'stock-change', id: stock.name, item, substance, unit: massUnit }, name: cellName(`Δ ${substance} in ${stock.name}`, item), lower: undefined, upper: undefined }) - 1;
    }),
  );
  const products = model.flows.flatMap((flow, f) =>
    Array.from({ length: flow.size }, (_, k): ReconcileConstraint => ({
      label: `${cells[flowVariables[f][k]].name} = concentration × flow`,
      terms: [
        { coefficient: 1, variables: [cells[flowVariables[f][k]].name] },
        { coefficient: -1, variables: [cells[concentrationVariables[f][k]].name, cells[goodsFlows[f][k]].name] },
      ],
    })),
  );
  return {
    variables: { substance, flowVariables, concentrationVariables, stockVariables },
    constraints: [...products, ...processBalances(model, cells, flowVariables, stockVariables, itemOf, `${substance} balance of`)],
  };
}

/** What balanceProblems builds for a year's variable: `initial` may still be set. */
interface YearVariable {
  initial: number | undefined;
  readonly measurement: { readonly value: number; readonly sd: number } | undefined;
}

/**
 * Where the iteration starts for a layer's unknown concentrations and substance flows: the mean of
 * the concentrations its observations give this year (`estimates`: observed ones, and substance
 * flows over their goods flows), and that times the goods flow where it starts (`goodsStart`). The kernel's default (a
 * concentration of 1, a substance flow of 0) is many orders of magnitude off, and from there the
 * linearisation was seen to call a substance flow observable that the balances leave free; from
 * a start of the right size it does not. Without estimates (only stock changes observed) the
 * defaults stand.
 */
export function startSubstanceLayer(layer: SubstanceVariables, variables: YearVariable[], estimates: readonly number[], goodsStart: (variable: number) => number, goodsFlows: readonly Int32Array[]): void {
  if (estimates.length === 0) return;
  const typical = estimates.reduce((sum, value) => sum + value, 0) / estimates.length;
  layer.flowVariables.forEach((items, f) =>
    items.forEach((s, k) => {
      const c = layer.concentrationVariables[f][k];
      if (variables[c].measurement === undefined) variables[c].initial = typical;
      const start = typical * goodsStart(goodsFlows[f][k]);
      if (variables[s].measurement === undefined && start > 0) variables[s].initial = start;
    }),
  );
}
