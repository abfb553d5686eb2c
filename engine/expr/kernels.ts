import type { BinaryOperator, UnaryOperator } from './expressionTree.js';

/**
 * Elementwise loops over equally long series (operands are broadcast first). Each operator has
 * its own loop so that the operation is inlined, not called per element.
 *
 * Logic is NaN-aware: a comparison, `and`, `or`, `not` or a condition with a NaN operand gives
 * NaN, never a silent 0 or 1, so that a missing value shows up in the result instead of
 * choosing a branch.
 */
export type UnaryKernel = (a: Float64Array, out: Float64Array) => void;
export type BinaryKernel = (a: Float64Array, b: Float64Array, out: Float64Array) => void;

/** 1 when `holds`, 0 when not, NaN when x or y is NaN. */
function truth(x: number, y: number, holds: boolean): number {
  return x !== x || y !== y ? NaN : holds ? 1 : 0;
}

export const UNARY_KERNELS: Readonly<Record<UnaryOperator, UnaryKernel>> = {
  negate: (a, out) => { for (let k = 0; k < out.length; k++) out[k] = -a[k]; },
  not: (a, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], 0, a[k] === 0); },
  exp: (a, out) => { for (let k = 0; k < out.length; k++) out[k] = Math.exp(a[k]); },
  log: (a, out) => { for (let k = 0; k < out.length; k++) out[k] = Math.log(a[k]); },
  sqrt: (a, out) => { for (let k = 0; k < out.length; k++) out[k] = Math.sqrt(a[k]); },
  abs: (a, out) => { for (let k = 0; k < out.length; k++) out[k] = Math.abs(a[k]); },
};

export const BINARY_KERNELS: Readonly<Record<BinaryOperator, BinaryKernel>> = {
  add: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = a[k] + b[k]; },
  subtract: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = a[k] - b[k]; },
  multiply: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = a[k] * b[k]; },
  divide: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = a[k] / b[k]; },
  pow: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = a[k] ** b[k]; },
  min: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = Math.min(a[k], b[k]); },
  max: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = Math.max(a[k], b[k]); },
  smaller: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], b[k], a[k] < b[k]); },
  smallerEq: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], b[k], a[k] <= b[k]); },
  larger: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], b[k], a[k] > b[k]); },
  largerEq: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], b[k], a[k] >= b[k]); },
  equal: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], b[k], a[k] === b[k]); },
  unequal: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], b[k], a[k] !== b[k]); },
  and: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], b[k], a[k] !== 0 && b[k] !== 0); },
  or: (a, b, out) => { for (let k = 0; k < out.length; k++) out[k] = truth(a[k], b[k], a[k] !== 0 || b[k] !== 0); },
};

/** `condition ? whenTrue : whenFalse` per element; a NaN condition gives NaN. */
export function select(condition: Float64Array, whenTrue: Float64Array, whenFalse: Float64Array, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) {
    const c = condition[k];
    out[k] = c !== c ? NaN : c !== 0 ? whenTrue[k] : whenFalse[k];
  }
}

/**
 * Broadcasts a series over fewer dimensions onto more, year by year:
 * out[t * outSize + i] = source[t * sourceSize + map[i]], map from broadcastMap.
 */
export function gather(source: Float64Array, sourceSize: number, map: Int32Array, out: Float64Array): void {
  const outSize = map.length;
  const horizon = out.length / outSize;
  for (let t = 0; t < horizon; t++) {
    const from = t * sourceSize;
    const to = t * outSize;
    for (let i = 0; i < outSize; i++) out[to + i] = source[from + map[i]];
  }
}

/**
 * Sums a series over one dimension, year by year: out[t * outSize + map[i]] += source[t * sourceSize + i],
 * where map (from broadcastMap) sends every item of the source to the item it is summed into.
 */
export function sumInto(source: Float64Array, map: Int32Array, out: Float64Array, outSize: number): void {
  const sourceSize = map.length;
  const horizon = out.length / outSize;
  out.fill(0);
  for (let t = 0; t < horizon; t++) {
    const from = t * sourceSize;
    const to = t * outSize;
    for (let i = 0; i < sourceSize; i++) out[to + map[i]] += source[from + i];
  }
}
