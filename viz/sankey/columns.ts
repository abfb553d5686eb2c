import type { SankeyGraph } from './graph.js';

export interface SankeyColumns {
  /** Column of each node, 0 = left. */
  readonly column: Int32Array;
  readonly columnCount: number;
  /** Per link: true when it runs backwards (a recycling loop) and is routed under the diagram. */
  readonly backward: readonly boolean[];
}

/**
 * Which flows run forwards and where each node stands.
 *
 * d3-sankey lays out acyclic graphs only, so recycling loops must be cut: a flow is backward
 * when it goes to a process with an equal or lower stage, when a depth-first search from the
 * system's entry points meets it as a back edge (it closes a cycle among unstaged processes), or
 * when the columns make it point left or straight down. The forward flows then form a DAG:
 * a staged process stands in the column its stage names (stage 0 is the first column of
 * processes; a stage no process fills is an empty column), unstaged processes take the column
 * after their furthest forward input, and unstaged processes without outputs (sinks such as
 * landfills) move to the last process column (as d3's `sankeyJustify` does). Imports take a
 * column of their own on the left, exports on the right.
 */
export function sankeyColumns(graph: SankeyGraph): SankeyColumns {
  const { nodes, links } = graph;
  const n = nodes.length;
  const isProcess = (i: number) => nodes[i].kind === 'process';
  const stageColumn = nodes.map((node) => (node.kind === 'process' && node.stage !== undefined ? node.stage : -1));

  const backward = links.map((link) => {
    const from = stageColumn[link.source];
    const to = stageColumn[link.target];
    return from >= 0 && to >= 0 && to <= from;
  });
  markCycleBackEdges(graph, backward, isProcess);

  const column = new Int32Array(n);
  for (let round = 0; round <= links.length; round++) {
    assignProcessColumns(graph, backward, stageColumn, column);
    let changed = false;
    links.forEach((link, l) => {
      if (!backward[l] && isProcess(link.source) && isProcess(link.target) && column[link.target] <= column[link.source]) {
        backward[l] = true;
        changed = true;
      }
    });
    if (!changed) break;
  }

  const hasImports = nodes.some((node) => node.kind === 'import');
  let lastProcessColumn = -1;
  for (let i = 0; i < n; i++) {
    if (!isProcess(i)) continue;
    if (hasImports) column[i] += 1;
    lastProcessColumn = Math.max(lastProcessColumn, column[i]);
  }
  const exportColumn = lastProcessColumn + 1;
  for (let i = 0; i < n; i++) {
    if (nodes[i].kind === 'import') column[i] = 0;
    if (nodes[i].kind === 'export') column[i] = exportColumn;
  }
  const hasExports = nodes.some((node) => node.kind === 'export');
  return { column, columnCount: hasExports ? exportColumn + 1 : lastProcessColumn + 1, backward };
}

/**
 * Depth-first search over the forward process links, starting from processes that receive
 * imports, then from those without forward inputs, then from the rest in input order: a link to
 * a process still on the search stack closes a cycle and becomes backward.
 */
function markCycleBackEdges(graph: SankeyGraph, backward: boolean[], isProcess: (i: number) => boolean): void {
  const { nodes, links } = graph;
  const outgoing: number[][] = nodes.map(() => []);
  const hasForwardInput = new Array<boolean>(nodes.length).fill(false);
  const receivesImports = new Array<boolean>(nodes.length).fill(false);
  links.forEach((link, l) => {
    if (nodes[link.source].kind === 'import') receivesImports[link.target] = true;
    if (backward[l] || !isProcess(link.source) || !isProcess(link.target)) return;
    outgoing[link.source].push(l);
    hasForwardInput[link.target] = true;
  });
  const processes = nodes.map((_, i) => i).filter(isProcess);
  const roots = [
    ...processes.filter((i) => receivesImports[i]),
    ...processes.filter((i) => !receivesImports[i] && !hasForwardInput[i]),
    ...processes,
  ];
  const state = new Uint8Array(nodes.length); // 0 unvisited, 1 on the stack, 2 done
  for (const root of roots) {
    if (state[root] !== 0) continue;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next === outgoing[frame.node].length) {
        state[frame.node] = 2;
        stack.pop();
        continue;
      }
      const l = outgoing[frame.node][frame.next++];
      const target = links[l].target;
      if (state[target] === 1) backward[l] = true;
      else if (state[target] === 0) {
        state[target] = 1;
        stack.push({ node: target, next: 0 });
      }
    }
  }
}

/** Longest-path columns over the forward process links (Kahn's order), staged processes pinned. */
function assignProcessColumns(graph: SankeyGraph, backward: readonly boolean[], stageColumn: readonly number[], column: Int32Array): void {
  const { nodes, links } = graph;
  const forward = links.filter((link, l) => !backward[l] && nodes[link.source].kind === 'process' && nodes[link.target].kind === 'process');
  const pending = new Int32Array(nodes.length);
  const hasOutput = new Array<boolean>(nodes.length).fill(false);
  for (const link of forward) pending[link.target]++;
  links.forEach((link, l) => {
    if (!backward[l]) hasOutput[link.source] = true;
  });
  column.fill(0);
  const queue = nodes.map((_, i) => i).filter((i) => nodes[i].kind === 'process' && pending[i] === 0);
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    if (stageColumn[i] >= 0) column[i] = stageColumn[i];
    for (const link of forward) {
      if (link.source !== i) continue;
      if (stageColumn[link.target] < 0) column[link.target] = Math.max(column[link.target], column[i] + 1);
      if (--pending[link.target] === 0) queue.push(link.target);
    }
  }
  let last = 0;
  nodes.forEach((node, i) => {
    if (node.kind === 'process') last = Math.max(last, column[i]);
  });
  nodes.forEach((node, i) => {
    if (node.kind === 'process' && stageColumn[i] < 0 && !hasOutput[i]) column[i] = last;
  });
}
