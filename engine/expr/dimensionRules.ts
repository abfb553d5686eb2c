import { ModelError, type SourceLocation } from '../errors.js';
import type { Quoted } from './expressionTree.js';

/** Dimensions of a value: positions in the model's dimension list, ascending; [] for a scalar. */
export type Dims = readonly number[];

/**
 * Dimensions broadcast by name only. Elementwise operations (+ - comparisons min max ?:) need
 * every operand over the same dimensions or a scalar, because adding arrays over different
 * dimensions would silently invent or lose mass; * and / form the outer product (the union).
 */
export function matchingDims(
  operands: readonly Dims[],
  verb: string,
  expression: Quoted,
  dimensionNames: readonly string[],
  at: SourceLocation,
): Dims {
  let result: Dims = [];
  for (const dims of operands) {
    if (dims.length === 0) continue;
    if (result.length > 0 && !sameDims(result, dims)) {
      throw new ModelError(
        `dimension mismatch: cannot ${verb} ${formatDims(result, dimensionNames)} and ${formatDims(dims, dimensionNames)}`,
        at,
        `in "${expression.text}": both sides need the same dimensions (or one a scalar); aggregate with sum(x, dimension) first`,
      );
    }
    result = dims;
  }
  return result;
}

export function unionDims(a: Dims, b: Dims): Dims {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

export function sameDims(a: Dims, b: Dims): boolean {
  return a.length === b.length && a.every((dim, k) => dim === b[k]);
}

/** `[region, stream]`, or `a scalar`. */
export function formatDims(dims: Dims, dimensionNames: readonly string[]): string {
  return dims.length === 0 ? 'a scalar' : `[${dims.map((dim) => dimensionNames[dim]).join(', ')}]`;
}
