import type { FigureWidth, Period } from '../../viz/index.js';
import { UsageError } from '../failure.js';

/** Commander collects a repeatable option's values with this. */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

export function integerFlag(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} must be an integer (got ${text})`);
  return value;
}

export function numberFlag(flag: string, text: string | undefined, positive: boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new UsageError(`${flag} must be a ${positive ? 'positive' : 'non-negative'} number (got ${text})`);
  }
  return value;
}

/** 'single', 'double' or a width in millimetres. */
export function widthFlag(text: string | undefined): FigureWidth | undefined {
  if (text === undefined || text === 'single' || text === 'double') return text;
  const millimetres = Number(text);
  if (!Number.isFinite(millimetres)) throw new UsageError(`--width must be single, double or a width in mm (got ${text})`);
  return millimetres;
}

/** `--year 2030`, or `--span 2025-2035` with `--aggregate sum|mean`; at most one of year and span (undefined: neither). */
export function periodFlags(year: string | undefined, span: string | undefined, aggregate: string): Period | undefined {
  if (year !== undefined && span !== undefined) throw new UsageError('give either --year or --span, not both');
  if (aggregate !== 'sum' && aggregate !== 'mean') throw new UsageError(`--aggregate must be sum or mean (got ${aggregate})`);
  if (year !== undefined) return { year: integerFlag('--year', year) };
  if (span === undefined) return undefined;
  const match = /^(\d{1,4})\s*[-–:]\s*(\d{1,4})$/.exec(span);
  if (!match) throw new UsageError(`--span must be two years such as 2025-2035 (got ${span})`);
  const [from, to] = [Number(match[1]), Number(match[2])];
  if (to < from) throw new UsageError(`--span must run forward in time (got ${span})`);
  return { from, to, aggregate };
}
