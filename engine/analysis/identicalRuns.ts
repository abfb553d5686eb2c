import type { Solution } from '../simulate/solution.js';

/**
 * Groups of runs whose every flow, stock and derived series is the same, value for value: two
 * scenarios that differ only where the horizon does not reach give the same lines, and a figure
 * must say so rather than draw one line over the other. Runs are named by scenario.
 */
export function identicalRuns(solutions: readonly Solution[]): string[][] {
  const groups: Solution[][] = [];
  for (const solution of solutions) {
    const group = groups.find((members) => sameRun(members[0], solution));
    if (group) group.push(solution);
    else groups.push([solution]);
  }
  return groups.filter((members) => members.length > 1).map((members) => members.map((member) => member.scenario ?? 'base model'));
}

/** Whether two series of the same length hold the same values (NaN equal to NaN). */
export function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && !(a[i] === b[i])) return false;
  return true;
}

function sameRun(a: Solution, b: Solution): boolean {
  const pairs: [ArrayLike<number>, ArrayLike<number>][] = [
    ...a.flows.map((flow, f): [ArrayLike<number>, ArrayLike<number>] => [flow.values, b.flows[f].values]),
    ...a.stocks.flatMap((stock, s): [ArrayLike<number>, ArrayLike<number>][] => [
      [stock.stock, b.stocks[s].stock],
      [stock.outflow, b.stocks[s].outflow],
    ]),
    ...a.derived.map((series, d): [ArrayLike<number>, ArrayLike<number>] => [series.values, b.derived[d].values]),
  ];
  return pairs.every(([x, y]) => sameValues(x, y));
}
