import type { MathNode, OperatorNode } from 'mathjs';
import { count, LIMITS, limitError } from '../definition/limits.js';
import type { ModelError, SourceLocation } from '../errors.js';

export function nestingError(at: SourceLocation): ModelError {
  return limitError(
    `expression too deeply nested: more than ${LIMITS.expressionNesting} levels`,
    at,
    'give inner parts of the expression their own parameters ({ expression: … }) and use their names',
  );
}

/**
 * Brackets nested deeper than the limit, found in the text before mathjs parses it: its parser
 * recurses through about twenty functions per bracket, so a few thousand would overflow the stack.
 */
export function checkTextNesting(source: string, at: SourceLocation): void {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const character = source[i];
    if (character === '(' || character === '[' || character === '{') {
      if (++depth > LIMITS.expressionNesting) throw nestingError(at);
    } else if (character === ')' || character === ']' || character === '}') depth--;
  }
}

function chainError(at: SourceLocation): ModelError {
  return limitError(
    `expression too long: more than ${count(LIMITS.expressionChain)} operations in a row`,
    at,
    'add up items with sum(x, dimension), or give parts of the chain their own parameters ({ expression: … })',
  );
}

/** Operators that chain to the left without nesting: `a + b - c` is one level, as it reads. */
const CHAINS: readonly (readonly string[])[] = [['add', 'subtract'], ['multiply', 'divide'], ['and'], ['or']];

/**
 * The nesting of the parsed tree, walked without recursion, checked before anything recurses
 * over it. Each call, sign, power, conditional and parenthesis is one level deeper, but the left
 * operand of a chain of `+ -` or `* /` stays at its level: a sum of many terms is not nested, as
 * it reads. It is as deep as it is long, though, so chains have a limit of their own.
 */
export function checkTreeNesting(root: MathNode, at: SourceLocation): void {
  const pending: { node: MathNode; level: number; depth: number }[] = [{ node: root, level: 0, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, level, depth } = next;
    if (level > LIMITS.expressionNesting) throw nestingError(at);
    if (depth > LIMITS.expressionChain) throw chainError(at);
    node.forEach((child) => pending.push({ node: child, level: continuesChain(node, child) ? level : level + 1, depth: depth + 1 }));
  }
}

function continuesChain(parent: MathNode, child: MathNode): boolean {
  if (parent.type !== 'OperatorNode' || child.type !== 'OperatorNode') return false;
  const outer = parent as OperatorNode;
  const inner = child as OperatorNode;
  if (outer.args[0] !== child || outer.args.length !== 2 || inner.args.length !== 2) return false;
  return CHAINS.some((chain) => chain.includes(outer.fn) && chain.includes(inner.fn));
}
