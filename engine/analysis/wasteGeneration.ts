import { OUTSIDE } from '../definition/types.js';
import type { Solution } from '../simulate/solution.js';
import { solutionPeaks } from './solutionPeaks.js';

/**
 * The waste streams whose sum is the waste a run generates: of the series engine/analysis marks
 * as waste, those at the head of a waste chain. Waste marked on its way from collection to
 * incineration and on to landfill is the same mass again, so a series counts only when no other
 * waste series lies upstream of it. Upstream follows forward flows only: a flow that runs to a
 * process no farther from the imports than its source (by shortest path) closes a recycling
 * loop, and material fed back that way is no new waste. A stock's outflow leaves its process
 * through that process's flows, so it counts only where none of them is itself marked waste.
 */
export function wasteGenerationParts(solution: Solution): { readonly kind: 'flow' | 'stock-outflow'; readonly id: string }[] {
  const waste = solutionPeaks(solution).filter((entry) => entry.waste && entry.item.length === 0 && entry.kind !== 'stock');
  const depth = depthFromSources(solution);
  const forward = solution.flows.filter((flow) => flow.from !== OUTSIDE && flow.to !== OUTSIDE && depth.get(flow.to)! > depth.get(flow.from)!);
  const reachable = (start: string): Set<string> => {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const from = queue.shift()!;
      for (const flow of forward) {
        if (flow.from !== from || seen.has(flow.to)) continue;
        seen.add(flow.to);
        queue.push(flow.to);
      }
    }
    return seen;
  };
  const flowById = new Map(solution.flows.map((flow) => [flow.id, flow]));
  const wasteFlows = waste.filter((entry) => entry.kind === 'flow').map((entry) => flowById.get(entry.id)!);
  const stockByName = new Map(solution.stocks.map((stock) => [stock.name, stock]));
  // Processes downstream of a waste flow's target (that target included) or of a stock's process (that process excluded).
  const downstream = new Set<string>();
  for (const flow of wasteFlows) if (flow.to !== OUTSIDE) for (const name of reachable(flow.to)) downstream.add(name);
  for (const entry of waste) {
    if (entry.kind !== 'stock-outflow') continue;
    const process = stockByName.get(entry.id)!.process;
    for (const name of reachable(process)) if (name !== process) downstream.add(name);
  }

  return waste
    .filter((entry) => {
      if (entry.kind === 'flow') return !downstream.has(flowById.get(entry.id)!.from);
      const process = stockByName.get(entry.id)!.process;
      return !downstream.has(process) && !wasteFlows.some((flow) => flow.from === process);
    })
    .map((entry) => ({ kind: entry.kind as 'flow' | 'stock-outflow', id: entry.id }));
}

/** The waste generated each year: the sum of its parts (wasteGenerationParts) over their items. */
export function wasteGenerated(solution: Solution): Float64Array {
  const horizon = solution.years.length;
  const total = new Float64Array(horizon);
  for (const part of wasteGenerationParts(solution)) {
    const values = part.kind === 'flow' ? solution.flows.find((flow) => flow.id === part.id)!.values : solution.stocks.find((stock) => stock.name === part.id)!.outflow;
    const size = values.length / horizon;
    for (let t = 0; t < horizon; t++) for (let k = 0; k < size; k++) total[t] += values[t * size + k];
  }
  return total;
}

/** Shortest number of flows from a source: a process fed from outside, or fed by no process at all. */
function depthFromSources(solution: Solution): Map<string, number> {
  const processes = solution.balance.map((series) => series.process);
  const fedByProcess = new Set(solution.flows.filter((flow) => flow.from !== OUTSIDE).map((flow) => flow.to));
  const depth = new Map<string, number>();
  const queue: string[] = [];
  for (const name of processes) {
    if (solution.flows.some((flow) => flow.from === OUTSIDE && flow.to === name) || !fedByProcess.has(name)) {
      depth.set(name, 0);
      queue.push(name);
    }
  }
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const flow of solution.flows) {
      if (flow.from !== from || flow.to === OUTSIDE || depth.has(flow.to)) continue;
      depth.set(flow.to, depth.get(from)! + 1);
      queue.push(flow.to);
    }
  }
  // A process in a loop that no source reaches starts its own count.
  for (const name of processes) if (!depth.has(name)) depth.set(name, 0);
  return depth;
}
