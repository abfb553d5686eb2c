/**
 * Tarjan's strongly connected components, returned in topological order of the condensed graph
 * (every edge goes from an earlier component to a later one or stays inside one). The transfer
 * solver walks components in this order: a single node is solved by substitution, a cycle (a
 * recycling loop) as one small linear system.
 */
export function stronglyConnectedComponents(nodeCount: number, successors: readonly (readonly number[])[]): number[][] {
  const index = new Int32Array(nodeCount).fill(-1);
  const lowLink = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  // Iterative DFS: model graphs are small, but recursion depth should not depend on user input.
  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index[root] = lowLink[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = successors[frame.node];
      if (frame.next < edges.length) {
        const target = edges[frame.next++];
        if (index[target] === -1) {
          index[target] = lowLink[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push({ node: target, next: 0 });
        } else if (onStack[target]) {
          lowLink[frame.node] = Math.min(lowLink[frame.node], index[target]);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        lowLink[parent] = Math.min(lowLink[parent], lowLink[frame.node]);
      }
      if (lowLink[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort((a, b) => a - b));
      }
    }
  }
  // Tarjan emits components in reverse topological order.
  return components.reverse();
}
