import type { Solution, SolutionStatus } from '../simulate/solution.js';
import { yearRanges } from './yearRanges.js';

/** What went wrong in a run, with the amounts a user needs and what to do about it. */
export interface StatusExplanation {
  readonly status: Exclude<SolutionStatus, 'success'>;
  /** One line per finding, with amounts and years. */
  readonly findings: readonly string[];
  readonly hint: string;
}

const HINTS: Readonly<Record<Exclude<SolutionStatus, 'success' | 'negative-inflow'>, string>> = {
  'invalid-shares': 'shares out of a process must each lie within [0, 1] and add up to 1: let one flow take `share: rest`, and check the parameters the shares use (or the ranges a sweep gives them)',
  'negative-flow': "a process's value outflows took more than its input: check those values, or make the outflow a share of what the process receives",
  'invalid-lifetime': 'check the lifetime parameters of that stock (or the ranges a sweep gives them); the message says which one is out of range',
  'unreachable-target': 'no part of a year\'s inflow survives its own year (a fixed lifetime of 0, a table that starts at 0) or the target is negative: give the stock a lifetime that keeps something, or check its target',
  'singular-loop': 'every share in that loop sends all of its mass around it, so the loop never empties: give one of its processes an exit (a share to outside, to a landfill or into a stock)',
  'non-finite': 'a value overflowed or is not a number: check the units (a factor of 1000 too many?), and expressions that divide by something that can be 0',
  unbalanced: 'a process does not balance beyond rounding: this is a numerical problem in metabolis; please report it with the model',
};

/**
 * Explains each status a run ended with, in the order found. Amounts come from the solution's
 * series where they are complete there (a run keeps only the first few issues of each kind).
 */
export function explainStatus(solution: Solution): StatusExplanation[] {
  const statuses = [...new Set(solution.issues.map((issue) => issue.status))];
  return statuses.map((status) => {
    if (status === 'negative-inflow') return negativeInflow(solution);
    const findings = solution.issues.filter((issue) => issue.status === status).map((issue) => issue.message);
    return { status, findings, hint: HINTS[status] };
  });
}

/** Every stock-driven stock whose inflow goes negative: in which years, how much in all and at most. */
function negativeInflow(solution: Solution): StatusExplanation {
  const { years, unit } = solution;
  const findings: string[] = [];
  const names: string[] = [];
  for (const stock of solution.stocks) {
    if (stock.kind !== 'stock-driven') continue;
    const size = stock.inflow.length / years.length;
    const negativeYears: number[] = [];
    let total = 0;
    let worst = 0;
    let worstYear = years[0];
    for (let t = 0; t < years.length; t++) {
      let inflow = 0;
      for (let k = 0; k < size; k++) inflow += Math.min(0, stock.inflow[t * size + k]);
      if (!(inflow < 0)) continue;
      negativeYears.push(years[t]);
      total += inflow;
      if (inflow < worst) [worst, worstYear] = [inflow, years[t]];
    }
    if (negativeYears.length === 0) continue;
    names.push(stock.name);
    findings.push(
      `stock ${stock.name} needs a negative inflow in ${yearRanges(negativeYears)}: ${format(total)} ${unit} in all, the largest ${format(worst)} ${unit}/yr in ${worstYear}; its target falls faster than its cohorts leave`,
    );
  }
  const hint =
    `set negative_inflow_correction: true on ${names.map((name) => `stocks.${name}`).join(' and ') || 'the stock'} to retire older cohorts pro rata instead ` +
    '(the years it acts are reported), give it an initial stock by cohort that leaves in time, or check its target';
  return { status: 'negative-inflow', findings, hint };
}

const formatter = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const format = (value: number) => formatter.format(value);
