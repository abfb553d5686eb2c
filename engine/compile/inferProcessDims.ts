import { ModelError } from '../errors.js';
import { locate } from '../definition/locate.js';
import type { ModelDefinition } from '../definition/types.js';

export interface FlowEnds {
  readonly from: number;
  readonly to: number;
  readonly kind: 'value' | 'share' | 'rest' | 'demand' | 'balance';
  /** Dims fixed by the flow itself (value and demand flows); undefined for shares, which carry their source's. */
  readonly ownDims: readonly number[] | undefined;
  readonly path: string;
}

/**
 * The dimensions of every process. A process takes the dims of what flows into it: value and
 * demand flows bring their own, share flows carry their source's, so dims spread along shares
 * until nothing changes. All inflows of a process must agree; mass never changes dimensions
 * silently (a share cannot split a scalar into items, a flow cannot sum items away).
 */
export function inferProcessDims(
  definition: ModelDefinition,
  flows: readonly FlowEnds[],
  fixedDims: ReadonlyMap<number, readonly number[]>,
): (readonly number[])[] {
  const dimNames = (dims: readonly number[]) => (dims.length ? `[${dims.map((d) => definition.dimensions[d].name).join(', ')}]` : 'no dimensions');
  const processDims: (readonly number[] | undefined)[] = definition.processes.map((_, p) => fixedDims.get(p));
  const setter = new Array<string | undefined>(definition.processes.length);

  const assign = (process: number, dims: readonly number[], path: string) => {
    const known = processDims[process];
    if (known === undefined) {
      processDims[process] = dims;
      setter[process] = path;
      return true;
    }
    if (known.length !== dims.length || known.some((d, i) => d !== dims[i])) {
      throw new ModelError(
        `dimension mismatch: process ${definition.processes[process].name} receives flows over ${dimNames(known)} and ${dimNames(dims)}`,
        locate(definition, path),
        `all flows into a process must have the same dimensions${setter[process] ? ` (the other is at ${setter[process]})` : ''}; aggregate explicitly with sum(x, dim)`,
      );
    }
    return false;
  };

  for (const flow of flows) if (flow.to >= 0 && flow.ownDims) assign(flow.to, flow.ownDims, flow.path);
  for (let changed = true; changed; ) {
    changed = false;
    for (const flow of flows) {
      if (flow.ownDims || flow.to < 0 || flow.from < 0) continue;
      const sourceDims = processDims[flow.from];
      if (sourceDims !== undefined && assign(flow.to, sourceDims, flow.path)) changed = true;
    }
  }
  return processDims.map((dims, p) => {
    if (dims !== undefined) return dims;
    throw new ModelError(
      `process ${definition.processes[p].name} receives nothing`,
      locate(definition, definition.processes[p].path),
      'give it an inflow (a value flow from outside or another process), or remove it',
    );
  });
}
