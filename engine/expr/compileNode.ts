import { ModelError, unknownNameError, type SourceLocation } from '../errors.js';
import { broadcastMap, sizeOf } from '../compile/dimensionIndex.js';
import type { ExpressionScope } from './compileExpression.js';
import { compileName } from './compileName.js';
import { matchingDims, formatDims, sameDims, unionDims, type Dims } from './dimensionRules.js';
import type { BinaryOperator, ExpressionNode, Quoted, SumNode } from './expressionTree.js';
import { BINARY_KERNELS, UNARY_KERNELS, gather, select, sumInto } from './kernels.js';
import { DIMENSIONLESS, type Unit } from './unit.js';
import { commonUnit, unitOfBinary, unitOfUnary } from './unitRules.js';

/** Computes a node's series for all years; returns a buffer the node owns (or an input), never a new array. */
export type Field = (inputs: readonly Float64Array[], years: Float64Array) => Float64Array;

export interface CompiledNode {
  readonly dims: Dims;
  readonly unit: Unit;
  /** The value when the node uses no name and not `year` (its dims are then []). */
  readonly constant: number | undefined;
  readonly field: Field;
}

export interface NodeContext {
  readonly scope: ExpressionScope;
  readonly at: SourceLocation;
  readonly itemCounts: readonly number[];
  readonly dimensionNames: readonly string[];
  /** Position of `name` among the expression's inputs, registering it on first use. */
  reference(name: string, dims: Dims): number;
  /** A new buffer of T × size values for `node`'s result over `dims`, counted against the limits first. */
  buffer(dims: Dims, node: Quoted): Float64Array;
}

/** How error messages name what an operator does to its operands. */
const VERBS: Readonly<Record<BinaryOperator, string>> = {
  add: 'add',
  subtract: 'subtract',
  multiply: 'multiply',
  divide: 'divide',
  pow: 'combine',
  min: 'compare',
  max: 'compare',
  smaller: 'compare',
  smallerEq: 'compare',
  larger: 'compare',
  largerEq: 'compare',
  equal: 'compare',
  unequal: 'compare',
  and: 'combine',
  or: 'combine',
};

/**
 * Checks a node's dimensions and unit and builds its closure, children first. Every buffer is
 * allocated here, once; a node whose operands are all constant is computed here too, so that
 * `1 - 0.3` costs nothing per run.
 */
export function compileNode(node: ExpressionNode, context: NodeContext): CompiledNode {
  const { at } = context;
  switch (node.kind) {
    case 'number': {
      const buffer = context.buffer([], node).fill(node.value);
      return { dims: [], unit: DIMENSIONLESS, constant: node.value, field: () => buffer };
    }
    case 'name':
      return compileName(node, context);
    case 'unary': {
      const operand = compileNode(node.operand, context);
      const kernel = UNARY_KERNELS[node.operator];
      return elementwise(node, operand.dims, unitOfUnary(node.operator, operand, node, at), [operand], (values, out) => kernel(values[0], out), context);
    }
    case 'binary': {
      const left = compileNode(node.left, context);
      const right = compileNode(node.right, context);
      const verb = VERBS[node.operator];
      const outerProduct = node.operator === 'multiply' || node.operator === 'divide';
      const dims = outerProduct ? unionDims(left.dims, right.dims) : matchingDims([left.dims, right.dims], verb, node, context.dimensionNames, at);
      const kernel = BINARY_KERNELS[node.operator];
      return elementwise(node, dims, unitOfBinary(node.operator, left, right, verb, node, at), [left, right], (values, out) => kernel(values[0], values[1], out), context);
    }
    case 'conditional': {
      const operands = [node.condition, node.whenTrue, node.whenFalse].map((operand) => compileNode(operand, context));
      const dims = matchingDims(operands.map((operand) => operand.dims), 'combine', node, context.dimensionNames, at);
      const unit = commonUnit(operands.slice(1), 'choose between', node, at);
      return elementwise(node, dims, unit, operands, (values, out) => select(values[0], values[1], values[2], out), context);
    }
    case 'sum':
      return compileSum(node, context);
  }
}

function compileSum(node: SumNode, context: NodeContext): CompiledNode {
  const { at, dimensionNames, itemCounts } = context;
  const operand = compileNode(node.operand, context);
  const dimension = dimensionNames.indexOf(node.dimension);
  if (dimension < 0) throw unknownNameError('dimension in sum()', node.dimension, dimensionNames, at);
  if (!operand.dims.includes(dimension)) {
    throw new ModelError(
      `dimension mismatch: cannot sum ${formatDims(operand.dims, dimensionNames)} over ${node.dimension}`,
      at,
      `in "${node.text}": the first argument has no dimension ${node.dimension}`,
    );
  }
  const dims = operand.dims.filter((dim) => dim !== dimension);
  const outSize = sizeOf(dims, itemCounts);
  const map = broadcastMap(operand.dims, dims, itemCounts);
  const buffer = context.buffer(dims, node);
  const field: Field = (inputs, years) => {
    sumInto(operand.field(inputs, years), map, buffer, outSize);
    return buffer;
  };
  return { dims, unit: operand.unit, constant: undefined, field };
}

/** A node computed item by item from its operands, each broadcast onto `dims` first. */
function elementwise(
  node: Quoted,
  dims: Dims,
  unit: Unit,
  operands: readonly CompiledNode[],
  apply: (values: readonly Float64Array[], out: Float64Array) => void,
  context: NodeContext,
): CompiledNode {
  const buffer = context.buffer(dims, node);
  const fields = operands.map((operand) => broadcastTo(operand, dims, node, context));
  const values = new Array<Float64Array>(fields.length);
  const field: Field = (inputs, years) => {
    for (let k = 0; k < fields.length; k++) values[k] = fields[k](inputs, years);
    apply(values, buffer);
    return buffer;
  };
  if (operands.some((operand) => operand.constant === undefined)) return { dims, unit, constant: undefined, field };
  const constant = field([], new Float64Array(0))[0];
  return { dims, unit, constant, field: () => buffer };
}

function broadcastTo(operand: CompiledNode, dims: Dims, node: Quoted, context: NodeContext): Field {
  if (sameDims(operand.dims, dims)) return operand.field;
  const { itemCounts } = context;
  const buffer = context.buffer(dims, node);
  if (operand.constant !== undefined) {
    buffer.fill(operand.constant);
    return () => buffer;
  }
  const sourceSize = sizeOf(operand.dims, itemCounts);
  const map = broadcastMap(dims, operand.dims, itemCounts);
  return (inputs, years) => {
    gather(operand.field(inputs, years), sourceSize, map, buffer);
    return buffer;
  };
}
