import { ModelError, nearestNames, unknownNameError } from '../errors.js';
import type { ExpressionScope } from './compileExpression.js';
import type { CompiledNode, NodeContext } from './compileNode.js';
import { YEAR, type NameNode } from './expressionTree.js';
import { DIMENSIONLESS } from './unit.js';

/**
 * A name reads an input series as it is (no copy), or the calendar years for `year`. An unknown
 * name gets the nearest existing names as a hint, or a word on why it is not a value.
 */
export function compileName(node: NameNode, context: NodeContext): CompiledNode {
  if (node.name === YEAR) return { dims: [], unit: DIMENSIONLESS, constant: undefined, field: (_, years) => years };
  const found = context.scope.lookup(node.name);
  if (found === undefined) throw unknownName(node.name, context);
  const index = context.reference(node.name, found.dims);
  return { dims: found.dims, unit: found.unit, constant: undefined, field: (inputs) => inputs[index] };
}

function unknownName(name: string, context: NodeContext): ModelError {
  const { scope, at } = context;
  if (context.dimensionNames.includes(name)) {
    return new ModelError(`unknown name: ${name}`, at, `${name} is a dimension, not a value; aggregate over it with sum(x, ${name})`);
  }
  const candidates = [...scope.names(), YEAR];
  if (isUnitName(name, scope)) {
    const nearest = nearestNames(name, candidates).map((candidate) => `'${candidate}'`);
    const unitHint = `${name} is a unit, and expressions hold numbers and names only: declare units on drivers and parameters`;
    return new ModelError(`unknown name: ${name}`, at, nearest.length > 0 ? `${unitHint} (or did you mean ${nearest.join(', ')}?)` : unitHint);
  }
  return unknownNameError('name', name, candidates, at);
}

function isUnitName(name: string, scope: ExpressionScope): boolean {
  try {
    scope.units.parse(name, { file: '', path: '' });
    return true;
  } catch {
    return false;
  }
}
