import { OptionsError } from '../../errors.js';

/**
 * A design: the inputs of every run of a sweep as a table, row-major, one row per run and one
 * column per factor. `fill` computes any block of rows [from, to) directly, without the rows before
 * it, and the block is bit-identical to the same rows of the whole table: that is what lets
 * batches, threads and shards split a sweep anywhere.
 */
export interface Design {
  /**
   * 'unit': coordinates in [0, 1] to pass through each factor's quantile function (see
   * distributions.ts); 'values': the factor values themselves (a grid of given levels).
   */
  readonly space: 'unit' | 'values';
  /** Number of factors (columns). */
  readonly dimensions: number;
  /** Number of runs (rows). */
  readonly size: number;
  /** Writes rows [from, to) into out[0 … (to − from)·dimensions). */
  fill(from: number, to: number, out: Float64Array): void;
}

/** Validates a row range and its output array, naming the offending argument. */
export function checkRows(design: Design, from: number, to: number, out: Float64Array): void {
  if (!Number.isSafeInteger(from) || from < 0) throw new OptionsError('from', `must be a non-negative integer (got ${from})`);
  if (!Number.isSafeInteger(to) || to < from || to > design.size) {
    throw new OptionsError('to', `must be an integer in [from, size] = [${from}, ${design.size}] (got ${to})`);
  }
  const needed = (to - from) * design.dimensions;
  if (out.length < needed) throw new OptionsError('out', `must hold ${needed} values (has ${out.length})`);
}

/**
 * A design from its row kernel: `fillRows(from, to, out)` writes rows [from, to) (never an empty
 * range) and may trust its arguments, which are checked here once for every design.
 */
export function createDesign(
  space: Design['space'],
  dimensions: number,
  size: number,
  fillRows: (from: number, to: number, out: Float64Array) => void,
): Design {
  const design: Design = {
    space,
    dimensions,
    size,
    fill(from, to, out) {
      checkRows(design, from, to, out);
      if (to > from) fillRows(from, to, out);
    },
  };
  return design;
}

/** Rows [from, to) of `design` in a new array. */
export function designRows(design: Design, from = 0, to = design.size): Float64Array {
  const out = new Float64Array(Math.max(0, to - from) * design.dimensions);
  design.fill(from, to, out);
  return out;
}

/** The value, or `options.<name> must be an integer in [min, max]` (or `… of at least min`). */
export function checkInteger(option: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `in [${min}, ${max}]`;
    throw new OptionsError(option, `must be an integer ${range} (got ${value})`);
  }
  return value;
}
