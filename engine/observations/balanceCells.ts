import type { CompiledModel } from '../compile/compiledModel.js';
import type { ReconcileConstraint } from '../reconcile/index.js';
import type { BalanceVariable } from './balanceProblems.js';
import type { ObservationCell } from './observationTypes.js';

/** A variable per item of a flow or stock, of the goods or of a substance, before a year gives it values. */
export interface CellVariable {
  /** The cell whose value a run gives; undefined for a substance, which a run does not compute. */
  readonly cell: ObservationCell | undefined;
  readonly variable: Omit<BalanceVariable, 'model' | 'observation'>;
  readonly name: string;
  readonly lower: number | undefined;
  readonly upper: number | undefined;
}

/** `collected`, or `collected[paper]` for one item. */
export function cellName(base: string, item: string): string {
  return item === '' ? base : `${base}[${item}]`;
}

/**
 * Every process, every item: Σ inflows − Σ outflows − stock change = 0, over the variables of one
 * layer (the goods, or a substance in them); a process without a stock has no change term.
 * `title` starts each label (`balance of`, `cadmium balance of`).
 */
export function processBalances(
  model: CompiledModel,
  cells: readonly CellVariable[],
  flowVariables: readonly Int32Array[],
  stockVariables: readonly Int32Array[],
  itemOf: (dims: readonly number[], item: number) => string,
  title: string,
): ReconcileConstraint[] {
  const term = (coefficient: number, cell: number) => ({ coefficient, variables: [cells[cell].name] });
  return model.processes.flatMap((process, p) =>
    Array.from({ length: process.size }, (_, k): ReconcileConstraint => ({
      label: cellName(`${title} ${process.name}`, itemOf(process.dims, k)),
      terms: [
        ...process.inflows.map((f) => term(1, flowVariables[f][k])),
        ...model.flows.flatMap((flow, f) => (flow.from === p ? [term(-1, flowVariables[f][k])] : [])),
        ...(process.stock >= 0 ? [term(-1, stockVariables[process.stock][k])] : []),
      ],
    })),
  );
}
