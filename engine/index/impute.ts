import type { Imputation } from './indexMethod.js';

/**
 * Fills the missing (NaN) entries of one indicator's column, as declared: the mean or the median
 * of the cities that have a value (OECD/JRC Handbook, step 3: unconditional mean or median
 * substitution). Returns false when the column has missing values and the rule is to drop the
 * indicator (or there is no rule: the caller reports that), true when `column` is complete.
 */
export function imputeColumn(column: Float64Array, rule: Imputation): boolean {
  const present = column.filter((value) => !Number.isNaN(value));
  if (present.length === column.length) return true;
  if (rule === 'none' || rule === 'drop-indicator' || present.length === 0) return false;
  const fill = rule === 'mean' ? present.reduce((sum, value) => sum + value, 0) / present.length : median(present);
  for (let c = 0; c < column.length; c++) if (Number.isNaN(column[c])) column[c] = fill;
  return true;
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
