/**
 * The expression language after parsing: the few node kinds the whitelist lets through, with
 * sugar removed (`pow(a, b)` is `a ^ b`, `min(a, b, c)` nests binary mins, `clamp(x, lo, hi)` is
 * `min(max(x, lo), hi)`, unary plus is gone). Every node can quote the text it came from in messages.
 */
export type ExpressionNode = NumberNode | NameNode | UnaryNode | BinaryNode | SumNode | ConditionalNode;

export type UnaryOperator = 'negate' | 'not' | 'exp' | 'log' | 'sqrt' | 'abs';

export type ArithmeticOperator = 'add' | 'subtract' | 'multiply' | 'divide' | 'pow';
export type ComparisonOperator = 'smaller' | 'smallerEq' | 'larger' | 'largerEq' | 'equal' | 'unequal';
export type LogicalOperator = 'and' | 'or';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator | 'min' | 'max';

export interface NumberNode {
  readonly kind: 'number';
  readonly value: number;
  readonly text: string;
}

/** A driver, a parameter, or the reserved `year`. */
export interface NameNode {
  readonly kind: 'name';
  readonly name: string;
  readonly text: string;
}

export interface UnaryNode {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: ExpressionNode;
  readonly text: string;
}

export interface BinaryNode {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
  readonly text: string;
}

/** `sum(operand, dimension)`: the only way a dimension goes away. */
export interface SumNode {
  readonly kind: 'sum';
  readonly operand: ExpressionNode;
  readonly dimension: string;
  readonly text: string;
}

export interface ConditionalNode {
  readonly kind: 'conditional';
  readonly condition: ExpressionNode;
  readonly whenTrue: ExpressionNode;
  readonly whenFalse: ExpressionNode;
  readonly text: string;
}

/** Something a message can quote: a node's `text` is written out only when it is read. */
export interface Quoted {
  readonly text: string;
}

/** The reserved name for the calendar year of each step. */
export const YEAR = 'year';
