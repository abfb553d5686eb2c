import { ModelError, type SourceLocation } from '../errors.js';
import type { BinaryOperator, Quoted, UnaryOperator } from './expressionTree.js';
import { DIMENSIONLESS, divideUnits, formatUnit, isDimensionlessUnit, multiplyUnits, powerUnit, sameDimension, type Unit } from './unit.js';

/** What the unit rules need to know about an operand. */
export interface UnitOperand {
  readonly unit: Unit;
  /** Set when the operand is a constant number (constants are dimensionless). */
  readonly constant: number | undefined;
}

/**
 * The unit of operands that must measure the same thing (+ - min max comparisons, the branches
 * of ?:). Values are SI-based, so t and kg mix freely. A literal 0 fits every unit: `max(x, 0)`
 * clips a mass at zero whatever unit it is in; any other bare number next to a unit is a mistake.
 */
export function commonUnit(operands: readonly UnitOperand[], verb: string, expression: Quoted, at: SourceLocation): Unit {
  const unitful = operands.filter((operand) => operand.constant !== 0);
  const [first] = unitful;
  if (first === undefined) return DIMENSIONLESS;
  for (const operand of unitful) {
    if (!sameDimension(first.unit, operand.unit)) {
      throw new ModelError(
        `unit mismatch: cannot ${verb} ${formatUnit(first.unit)} and ${formatUnit(operand.unit)}`,
        at,
        `in "${expression.text}": both sides need units of the same kind (t and kg mix; kg and m^2 do not), and a bare number other than 0 is dimensionless`,
      );
    }
  }
  return first.unit;
}

export function unitOfUnary(operator: UnaryOperator, operand: UnitOperand, expression: Quoted, at: SourceLocation): Unit {
  switch (operator) {
    case 'negate':
    case 'abs':
      return operand.unit;
    case 'not':
      return DIMENSIONLESS;
    case 'sqrt':
      return powerUnit(operand.unit, 0.5);
    case 'exp':
    case 'log':
      requireDimensionless(operand.unit, `${operator}() needs a dimensionless argument`, expression, at);
      return DIMENSIONLESS;
  }
}

export function unitOfBinary(operator: BinaryOperator, left: UnitOperand, right: UnitOperand, verb: string, expression: Quoted, at: SourceLocation): Unit {
  switch (operator) {
    case 'multiply':
      return multiplyUnits(left.unit, right.unit);
    case 'divide':
      return divideUnits(left.unit, right.unit);
    case 'pow':
      return unitOfPower(left, right, expression, at);
    case 'add':
    case 'subtract':
    case 'min':
    case 'max':
      return commonUnit([left, right], verb, expression, at);
    case 'and':
    case 'or':
      return DIMENSIONLESS;
    default:
      commonUnit([left, right], verb, expression, at);
      return DIMENSIONLESS;
  }
}

/** `x ^ p`: a unit can only be raised to a power known at compile time, or the result's unit would vary. */
function unitOfPower(base: UnitOperand, exponent: UnitOperand, expression: Quoted, at: SourceLocation): Unit {
  requireDimensionless(exponent.unit, 'an exponent must be dimensionless', expression, at);
  if (isDimensionlessUnit(base.unit)) return DIMENSIONLESS;
  if (exponent.constant === undefined) {
    throw new ModelError(`unit mismatch: ${formatUnit(base.unit)} can only be raised to a constant number`, at, `in "${expression.text}": write the exponent as a number, e.g. x^2`);
  }
  return powerUnit(base.unit, exponent.constant);
}

function requireDimensionless(unit: Unit, requirement: string, expression: Quoted, at: SourceLocation): void {
  if (isDimensionlessUnit(unit)) return;
  throw new ModelError(`unit mismatch: ${requirement}, got ${formatUnit(unit)}`, at, `in "${expression.text}": divide by a reference value with the same unit first`);
}
