import { ModelError, type SourceLocation } from '../errors.js';
import type { DimensionSpace } from './dimensionSpace.js';
import { LIMITS, limitError } from './limits.js';

/** Values given for some years, one per item: a driver's data or an initial stock by cohort. */
export interface YearPoints {
  /** Ascending, unique. */
  readonly years: readonly number[];
  /** `values[yearIndex * size + item]`. */
  readonly values: Float64Array;
  /** Where each value was written (same index as `values`), for messages about it. */
  readonly locations: readonly SourceLocation[];
}

/** One value as read from a file or a map, before the years are put in order. */
export interface YearEntry {
  readonly year: number;
  readonly flat: number;
  readonly value: number;
  readonly at: SourceLocation;
}

/**
 * Puts entries in year order. Every item must have exactly one value for every year that any
 * item has: a year given twice is an error, and so is a gap (never a silent zero). At most
 * LIMITS.years years, each of which takes a value per item.
 */
export function assembleYearPoints(entries: readonly YearEntry[], space: DimensionSpace, subject: string, source: SourceLocation): YearPoints {
  const byYear = new Map<number, { values: Float64Array; at: SourceLocation[] }>();
  for (const entry of entries) {
    let row = byYear.get(entry.year);
    if (!row && byYear.size === LIMITS.years) {
      throw limitError(`too many years: ${subject} gives ${LIMITS.years + 1} years of data, more than ${LIMITS.years}`, source, 'give at most one value per year of a horizon; drop years long before the model starts');
    }
    if (!row) byYear.set(entry.year, (row = { values: new Float64Array(space.size).fill(Number.NaN), at: new Array<SourceLocation>(space.size).fill(entry.at) }));
    if (!Number.isNaN(row.values[entry.flat])) {
      const item = space.listed.length > 0 ? ` for ${space.itemLabel(entry.flat)}` : '';
      throw new ModelError(`duplicate year: ${subject} gives ${entry.year}${item} twice`, entry.at, 'give each year once');
    }
    row.values[entry.flat] = entry.value;
    row.at[entry.flat] = entry.at;
  }
  if (byYear.size === 0) throw new ModelError(`no data: ${subject} gives no years`, source, 'give at least one year');
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const values = new Float64Array(years.length * space.size);
  years.forEach((year, index) => {
    const row = byYear.get(year)!;
    const missing = row.values.findIndex((value) => Number.isNaN(value));
    if (missing >= 0) {
      throw new ModelError(`missing value: ${subject} has no value for ${space.itemLabel(missing)} in ${year}`, row.at[0], 'every item needs a value for every year given');
    }
    values.set(row.values, index * space.size);
  });
  return { years, values, locations: years.flatMap((year) => byYear.get(year)!.at) };
}

/** `2031, food` (or `2031` without dimensions): a value of a series, for messages. */
export function yearItemLabel(space: DimensionSpace, year: number, flat: number): string {
  return space.listed.length > 0 ? `${year}, ${space.itemLabel(flat)}` : `${year}`;
}
