import { ModelError, type SourceLocation } from '../errors.js';

export interface DependencyNode {
  readonly name: string;
  /** Names this node's expression uses; names that are not nodes (drivers, inputs) are ignored. */
  readonly references: readonly string[];
  readonly at: SourceLocation;
}

/**
 * Names in an order where every node comes after the nodes it references (depth first, in the
 * given order otherwise, so the result is deterministic). A cycle is a ModelError that lists it,
 * `a -> b -> c -> a`, starting from and located at its member that comes first in `nodes`.
 */
export function orderByDependencies(nodes: readonly DependencyNode[]): string[] {
  const position = new Map(nodes.map((node, index) => [node.name, index]));
  const state = new Uint8Array(nodes.length); // 0 unvisited, 1 on the current path, 2 done
  const path: number[] = [];
  const order: string[] = [];

  function visit(index: number): void {
    if (state[index] === 2) return;
    if (state[index] === 1) throw cycleError(path.slice(path.indexOf(index)));
    state[index] = 1;
    path.push(index);
    for (const reference of nodes[index].references) {
      const next = position.get(reference);
      if (next !== undefined) visit(next);
    }
    path.pop();
    state[index] = 2;
    order.push(nodes[index].name);
  }

  function cycleError(members: readonly number[]): ModelError {
    const first = members.indexOf(Math.min(...members));
    const rotated = [...members.slice(first), ...members.slice(0, first)];
    const names = [...rotated, rotated[0]].map((index) => nodes[index].name);
    return new ModelError(`cycle among expressions: ${names.join(' -> ')}`, nodes[rotated[0]].at, 'an expression cannot depend on itself, directly or through others');
  }

  for (let index = 0; index < nodes.length; index++) visit(index);
  return order;
}
