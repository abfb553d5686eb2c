import { ModelError } from '../errors.js';
import { locate } from '../definition/locate.js';
import { OUTSIDE, type FlowDefinition, type ModelDefinition } from '../definition/types.js';
import type { UnitSystem } from '../expr/unitSystem.js';
import type { BoundExpression, CompiledFlow } from './compiledModel.js';
import { isSubset, sizeOf } from './dimensionIndex.js';
import type { SymbolTable } from './compileSymbols.js';
import { inferProcessDims, type FlowEnds } from './inferProcessDims.js';

export interface CompiledNetwork {
  readonly flows: CompiledFlow[];
  readonly processDims: (readonly number[])[];
}

/**
 * Compiles flows: value flows to a mass per year in the model's unit, shares to dimensionless
 * expressions broadcast onto their source process's dimensions. `stockTargets` gives, per
 * process with a stock-driven stock, the stock index and the target's dims.
 */
export function compileFlows(
  definition: ModelDefinition,
  table: SymbolTable,
  units: UnitSystem,
  stockTargets: ReadonlyMap<number, { stock: number; dims: readonly number[] }>,
): CompiledNetwork {
  const processIndex = new Map(definition.processes.map((process, index) => [process.name, index]));
  const endpoint = (name: string) => (name === OUTSIDE ? -1 : processIndex.get(name)!);
  const itemCounts = definition.dimensions.map((d) => d.items.length);
  const perYear = `${definition.massUnit}/yr`;

  const valueFlows = new Map<FlowDefinition, { bound: BoundExpression; dims: readonly number[] }>();
  for (const flow of definition.flows) {
    if (flow.kind !== 'value' && flow.kind !== 'balance') continue;
    const path = `${flow.path}.${flow.kind}`;
    const { bound, unit, dims } = table.bind(flow.expression!, path, undefined);
    // A dimensionless value (a plain number, or parameters without units) is read in the model's unit per year.
    // A mass without a time is refused: read "per year" it is silently wrong by the forgotten /d or /month.
    const factor = units.isDimensionless(unit) ? 1 : units.factorTo(unit, perYear);
    if (factor === undefined) {
      const isMass = units.factorTo(unit, definition.massUnit) !== undefined;
      const used = bound.expression.references.map((name) => `${name} [${units.format(table.units.get(name)!)}]`);
      throw new ModelError(
        `unit mismatch: flow ${flow.id} is in ${units.format(unit)}, ${isMass ? 'a mass without a time' : 'not a mass per year'}`,
        locate(definition, path),
        `${flow.kind === 'balance' ? 'a balance is a total inflow, ' : ''}a flow is a mass per time (e.g. ${perYear}, kg/d)${isMass ? ': did a unit lose its /d or /yr?' : ''}${used.length > 0 ? ` It uses ${used.join(', ')}.` : ''} A plain number is read in ${perYear}.`,
      );
    }
    valueFlows.set(flow, { bound: { ...bound, factor }, dims });
  }

  const ends: FlowEnds[] = definition.flows.map((flow) => ({
    from: endpoint(flow.from),
    to: endpoint(flow.to),
    kind: flow.kind,
    ownDims: flow.kind === 'value' || flow.kind === 'balance' ? valueFlows.get(flow)!.dims : flow.kind === 'demand' ? stockTargets.get(endpoint(flow.to))?.dims : undefined,
    path: flow.path,
  }));
  const fixedDims = new Map([...stockTargets].map(([process, { dims }]) => [process, dims]));
  const processDims = inferProcessDims(definition, ends, fixedDims);

  const flows = definition.flows.map((flow, index): CompiledFlow => {
    const { from, to } = ends[index];
    const at = locate(definition, flow.path);
    if (from < 0 && (flow.kind === 'share' || flow.kind === 'rest')) {
      throw new ModelError(`invalid flow: ${flow.id} takes a share of outside`, at, 'flows from outside are imports: give them a value');
    }
    const dims = ends[index].ownDims ?? processDims[from];
    if (from >= 0 && !sameDims(dims, processDims[from])) {
      throw new ModelError(
        `dimension mismatch: flow ${flow.id} has other dimensions than its source process ${flow.from}`,
        at,
        'a flow out of a process has the dimensions of that process',
      );
    }
    let bound: BoundExpression | undefined = valueFlows.get(flow)?.bound;
    if (flow.kind === 'share') bound = compileShare(flow, dims);
    return {
      id: flow.id,
      from,
      to,
      kind: flow.kind,
      dims,
      size: sizeOf(dims, itemCounts),
      bound,
      demandOf: flow.kind === 'demand' ? (stockTargets.get(to)?.stock ?? -1) : -1,
    };
  });
  return { flows, processDims };

  function compileShare(flow: FlowDefinition, dims: readonly number[]): BoundExpression {
    const path = `${flow.path}.share`;
    const { bound, unit, dims: shareDims } = table.bind(flow.expression!, path, dims);
    const at = locate(definition, path);
    if (!units.isDimensionless(unit)) {
      throw new ModelError(`unit mismatch: share of flow ${flow.id} is in ${units.format(unit)}`, at, 'a share is dimensionless (a number between 0 and 1)');
    }
    if (!isSubset(shareDims, dims)) {
      throw new ModelError(
        `dimension mismatch: share of flow ${flow.id} varies over dimensions its source ${flow.from} does not have`,
        at,
        'a share may vary only over the dimensions of its source process',
      );
    }
    return bound;
  }
}

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
