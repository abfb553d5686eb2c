import { OptionsError } from '../../engine/errors.js';
import type { Period } from '../figure/period.js';

/** The year indices a period covers, and how their values combine into one. */
export interface YearSpan {
  readonly first: number;
  readonly last: number;
  readonly aggregate: 'sum' | 'mean';
}

/** Resolves a period against a run's years; a year outside the horizon is an options error. */
export function yearSpan(years: readonly number[], period: Period): YearSpan {
  const from = 'year' in period ? period.year : period.from;
  const to = 'year' in period ? period.year : period.to;
  const horizon = `${years[0]}–${years[years.length - 1]}`;
  const first = years.indexOf(from);
  const last = years.indexOf(to);
  if (first < 0) throw new OptionsError('period', `must lie within the run's years ${horizon} (got ${from})`);
  if (last < 0) throw new OptionsError('period', `must lie within the run's years ${horizon} (got ${to})`);
  if (last < first) throw new OptionsError('period', `must run forward in time (got ${from}–${to})`);
  return { first, last, aggregate: 'year' in period ? 'sum' : period.aggregate };
}
