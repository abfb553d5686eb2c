import type { ConditionalNode, ConstantNode, FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';
import { count, LIMITS, limitError } from '../definition/limits.js';
import { abbreviate, ModelError, type SourceLocation } from '../errors.js';
import { checkTextNesting, checkTreeNesting, nestingError } from './expressionNesting.js';
import { createParse } from './mathjs.js';
import { nodeText, withText } from './nodeText.js';
import type { BinaryOperator, ExpressionNode, UnaryOperator } from './expressionTree.js';

const ALLOWED =
  'allowed: numbers, names, + - * / ^, comparisons (< <= > >= == !=), and or not, cond ? a : b, parentheses ' +
  'and the functions min max exp log sqrt abs pow clamp sum';

/** mathjs operators (by their function name) that the language keeps. */
const BINARY_OPERATORS: ReadonlySet<string> = new Set<BinaryOperator>([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal', 'and', 'or',
]);

const UNARY_FUNCTIONS: ReadonlySet<string> = new Set<UnaryOperator>(['exp', 'log', 'sqrt', 'abs']);

const OTHER_FUNCTIONS: ReadonlySet<string> = new Set(['sum', 'pow', 'min', 'max', 'clamp']);

/** What each node type that the whitelist refuses is called in the error message. */
const FORBIDDEN_NODES: Readonly<Record<string, string>> = {
  AssignmentNode: 'assignment',
  FunctionAssignmentNode: 'function definition',
  AccessorNode: 'property or index access',
  IndexNode: 'property or index access',
  ArrayNode: 'matrix',
  ObjectNode: 'object',
  RangeNode: 'range',
  BlockNode: 'several statements',
  RelationalNode: 'chained comparison',
};

let mathParse: ((text: string) => MathNode) | undefined;

/**
 * Parses mathjs syntax and lets through only the whitelisted constructs. Nothing here evaluates:
 * mathjs builds a node tree, and the tree is translated node by node, so a model file can
 * never call `import`, `evaluate`, `createUnit` or anything else mathjs offers.
 */
export function parseExpression(source: string, at: SourceLocation): ExpressionNode {
  if (source.length > LIMITS.expressionLength) {
    throw limitError(
      `expression too long: ${source.length} characters, more than ${count(LIMITS.expressionLength)}`,
      at,
      'split it: give parts of it their own parameters ({ expression: … }) and combine those',
    );
  }
  checkTextNesting(source, at);
  mathParse ??= createParse();
  let root: MathNode;
  try {
    root = mathParse(source);
  } catch (error) {
    // The parser recurses once per nested sign, power or conditional, which checkNesting cannot see in the text.
    if (error instanceof RangeError) throw nestingError(at);
    const message = error instanceof Error ? error.message : String(error);
    const column = /\(char (\d+)\)/.exec(message);
    const reason = message.replace(/\s*\(char \d+\)/, '').replace(/^\w/, (first) => first.toLowerCase());
    throw new ModelError(`invalid expression: ${reason}${column ? ` at column ${column[1]}` : ''}`, at, `in "${abbreviate(source)}"`);
  }
  checkTreeNesting(root, at);
  return translate(root, at);
}

function translate(node: MathNode, at: SourceLocation): ExpressionNode {
  switch (node.type) {
    case 'ParenthesisNode':
      return translate((node as MathNode & { content: MathNode }).content, at);
    case 'ConstantNode': {
      const { value } = node as ConstantNode<string | number | boolean | null | undefined>;
      if (typeof value === 'number') return withText({ kind: 'number', value }, node);
      if (value === undefined) throw new ModelError('invalid expression: empty', at, 'write a number or an expression');
      throw forbidden(typeof value === 'string' ? 'string' : `literal ${String(value)}`, at);
    }
    case 'SymbolNode':
      return withText({ kind: 'name', name: (node as SymbolNode).name }, node);
    case 'ConditionalNode': {
      const { condition, trueExpr, falseExpr } = node as ConditionalNode;
      return withText({ kind: 'conditional', condition: translate(condition, at), whenTrue: translate(trueExpr, at), whenFalse: translate(falseExpr, at) }, node);
    }
    case 'OperatorNode':
      return translateOperator(node as OperatorNode<never, never>, at);
    case 'FunctionNode':
      return translateCall(node as FunctionNode<MathNode>, at);
    default:
      throw forbidden(FORBIDDEN_NODES[node.type] ?? node.type, at);
  }
}

function translateOperator(node: OperatorNode<never, never>, at: SourceLocation): ExpressionNode {
  const fn: string = node.fn;
  const [first, second] = node.args;
  if (fn === 'unaryPlus') return translate(first, at);
  if (fn === 'unaryMinus' || fn === 'not') {
    return withText({ kind: 'unary', operator: fn === 'not' ? 'not' : 'negate', operand: translate(first, at) }, node);
  }
  if (!BINARY_OPERATORS.has(fn) || node.args.length !== 2) throw forbidden(`operator ${node.op}`, at);
  return withText({ kind: 'binary', operator: fn as BinaryOperator, left: translate(first, at), right: translate(second, at) }, node);
}

function translateCall(node: FunctionNode<MathNode>, at: SourceLocation): ExpressionNode {
  if (node.fn.type !== 'SymbolNode') throw forbidden(FORBIDDEN_NODES[node.fn.type] ?? `call of ${nodeText(node.fn)}`, at);
  const name = (node.fn as SymbolNode).name;
  if (!UNARY_FUNCTIONS.has(name) && !OTHER_FUNCTIONS.has(name)) throw forbidden(`function ${name}()`, at);
  const arity = (expected: string, ok: boolean) => {
    if (!ok) throw new ModelError(`invalid expression: ${name}() takes ${expected}, got ${node.args.length}`, at, `in "${nodeText(node)}"`);
  };
  if (UNARY_FUNCTIONS.has(name)) {
    arity('1 argument', node.args.length === 1);
    return withText({ kind: 'unary', operator: name as UnaryOperator, operand: translate(node.args[0], at) }, node);
  }
  if (name === 'sum') {
    arity('2 arguments', node.args.length === 2);
    const dimension = node.args[1];
    if (dimension.type !== 'SymbolNode') {
      throw new ModelError('invalid expression: the second argument of sum() must be a dimension name', at, `in "${nodeText(node)}", e.g. sum(per_capita, stream)`);
    }
    return withText({ kind: 'sum', operand: translate(node.args[0], at), dimension: (dimension as SymbolNode).name }, node);
  }
  const args = node.args.map((arg) => translate(arg, at));
  const binary = (operator: BinaryOperator, left: ExpressionNode, right: ExpressionNode): ExpressionNode => withText({ kind: 'binary', operator, left, right }, node);
  switch (name) {
    case 'pow':
      arity('2 arguments', args.length === 2);
      return binary('pow', args[0], args[1]);
    case 'min':
    case 'max':
      arity('2 or more arguments', args.length >= 2);
      return args.reduce((left, right) => binary(name, left, right));
    default: // clamp, the only function left
      arity('3 arguments (x, lo, hi)', args.length === 3);
      return binary('min', binary('max', args[0], args[1]), args[2]);
  }
}

function forbidden(what: string, at: SourceLocation): ModelError {
  return new ModelError(`forbidden expression construct: ${what}`, at, `a model file is data and never runs code; ${ALLOWED}`);
}
