/**
 * Data reconciliation of a year-by-year series: a network of P processes (two flows to the next
 * column of eight, some recycling back, some to the boundary; a stock change in every fifth
 * process, a flow to or from the boundary balancing the others), three flows in four measured
 * with a 5% sd, one in four and every other stock change unknown, reconciled for 60 years.
 * "sds vary" gives each year's measurements sds of 5% of that year's values (the elimination of
 * the unknowns is made once, or a few times, the rest every year); "sds fixed" keeps the first
 * year's sds (factorised once, the covariance computed once); "no reuse" reconciles each year on
 * its own. A fixed linear congruential sequence makes the
 * network and the noise the same on every run.
 */
import { pathToFileURL } from 'node:url';
import { reconcile, reconcileSeries, type ReconcileProblem, type ReconcileVariable } from '../engine/reconcile/index.js';
import { formatTable, measure } from './measure.js';

const YEARS = 60;
const SIZES = [10, 50, 100, 200];

interface Network {
  readonly names: string[];
  /** Per variable: its value in the first year (consistent with every balance) and whether it is measured. */
  readonly truth: number[];
  readonly measured: boolean[];
  readonly balances: { process: number; terms: { coefficient: number; variable: number }[] }[];
}

function network(processes: number): Network {
  let state = 7;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const names: string[] = [];
  const truth: number[] = [];
  const measured: boolean[] = [];
  const balances = Array.from({ length: processes }, (_, process) => ({ process, terms: [] as { coefficient: number; variable: number }[] }));
  const net = new Float64Array(processes);
  const add = (name: string, from: number, to: number, value: number, isMeasured: boolean) => {
    const variable = names.length;
    names.push(name);
    truth.push(value);
    measured.push(isMeasured);
    if (from >= 0) {
      balances[from].terms.push({ coefficient: -1, variable });
      net[from] -= value;
    }
    if (to >= 0) {
      balances[to].terms.push({ coefficient: 1, variable });
      net[to] += value;
    }
  };
  const flow = (from: number, to: number) => add(`f${names.length}`, from, to, 50 + 100 * next(), names.length % 4 !== 3);
  for (let i = 0; i < Math.min(8, processes); i++) flow(-1, i);
  for (let i = 0; i < processes; i++) {
    const stage = Math.floor(i / 8);
    for (let k = 0; k < 2; k++) {
      const target = (stage + 1) * 8 + Math.floor(next() * 8);
      if (target < processes) flow(i, target);
    }
    if (stage > 0 && next() < 0.12) flow(i, Math.floor(next() * stage * 8));
    if (next() < 0.2) flow(i, -1);
  }
  for (let i = 0; i < processes; i++) {
    // What comes in and does not go out is stored (every fifth process) or leaves the system.
    if (i % 5 === 0) add(`stock${i}`, i, -1, net[i], i % 10 === 0);
    else if (net[i] > 0) add(`out${i}`, i, -1, net[i], true);
    else add(`in${i}`, -1, i, -net[i], true);
  }
  return { names, truth, measured, balances };
}

function yearProblems(net: Network, fixedSd: boolean): ReconcileProblem[] {
  let state = 11;
  const noise = () => (state = (state * 16807) % 2147483647) / 2147483647 - 0.5;
  const constraints = net.balances.map(({ process, terms }) => ({
    label: `balance of p${process}`,
    terms: terms.map(({ coefficient, variable }) => ({ coefficient, variables: [net.names[variable]] })),
  }));
  return Array.from({ length: YEARS }, (_, year) => {
    const growth = 1 + 0.02 * year;
    const variables = net.names.map((name, v): ReconcileVariable => {
      if (!net.measured[v]) return { name };
      const value = net.truth[v] * growth * (1 + 0.1 * noise());
      return { name, measurement: { value, sd: 0.05 * Math.abs(fixedSd ? net.truth[v] : value) } };
    });
    return { variables, constraints };
  });
}

/** Milliseconds to reconcile 60 years, three ways, for a ladder of network sizes. */
export function benchReconcile(): { header: string[]; rows: string[][] } {
  const header = ['processes', 'variables', 'ms (sds vary)', 'ms (sds fixed)', 'ms (no reuse)', 'dof', 'passed'];
  const rows = SIZES.map((processes) => {
    const net = network(processes);
    const varying = yearProblems(net, false);
    const fixed = yearProblems(net, true);
    const checksum = (results: ReturnType<typeof reconcileSeries>) => results.reduce((sum, r) => sum + r.globalTest.chiSquare, 0);
    const options = { roundMilliseconds: 300, rounds: 3 };
    const timings = [
      measure(() => checksum(reconcileSeries(varying)), options),
      measure(() => checksum(reconcileSeries(fixed)), options),
      measure(() => checksum(varying.map((problem) => reconcile(problem))), options),
    ];
    const results = reconcileSeries(varying);
    const passed = results.filter((result) => result.globalTest.passed).length;
    return [
      String(processes),
      String(net.names.length),
      ...timings.map((timing) => (timing.microsecondsPerCall / 1000).toFixed(1)),
      String(results[0].globalTest.degreesOfFreedom),
      `${passed}/${YEARS}`,
    ];
  });
  return { header, rows };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { header, rows } = benchReconcile();
  console.log(formatTable(header, rows));
}
