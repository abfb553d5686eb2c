import { ModelError, type SourceLocation } from '../../../engine/errors.js';
import { compileExpression, type CompiledExpression, type ExpressionScope } from '../../../engine/expr/compileExpression.js';
import { createUnitSystem } from '../../../engine/expr/unitSystem.js';

export const at: SourceLocation = { file: 'model.yaml', path: 'flows[0].value', line: 3, column: 5 };

export const dimensions = [
  { name: 'region', items: ['north', 'south'] },
  { name: 'stream', items: ['food', 'paper', 'metal'] },
];

/** Symbols of the test scope: name -> [dims, unit]. */
export const symbols: Readonly<Record<string, readonly [readonly number[], string]>> = {
  population: [[0], 'person'],
  per_capita: [[1], 'kg/person/d'],
  recycling_rate: [[1], '1'],
  landfill_share: [[], '1'],
  floor_area: [[], 'm^2/person'],
  intensity: [[], 't/m^2'],
  area: [[], 'm^2'],
  mass: [[], 'kg'],
  tonnes: [[], 't'],
  matrix: [[0, 1], 't'],
  a: [[], '1'],
  b: [[], '1'],
  c: [[], '1'],
};

const units = createUnitSystem(['dwelling']);

export function testScope(horizon = 2, dimensionList: ExpressionScope['dimensions'] = dimensions): ExpressionScope {
  return {
    dimensions: dimensionList,
    horizon,
    units,
    names: () => Object.keys(symbols),
    lookup(name) {
      const symbol = symbols[name];
      return symbol && { dims: symbol[0], unit: units.parse(symbol[1], at) };
    },
  };
}

const sharedScope = testScope();

export function compile(source: string, scope: ExpressionScope = sharedScope): CompiledExpression {
  return compileExpression(source, scope, at);
}

/** Evaluates with inputs given by name (each a full series), years 2030, 2031, … */
export function evaluate(source: string, inputs: Readonly<Record<string, readonly number[]>>, scope: ExpressionScope = sharedScope): number[] {
  const expression = compile(source, scope);
  const size = expression.dims.reduce((product, dim) => product * scope.dimensions[dim].items.length, 1);
  const out = new Float64Array(scope.horizon * size);
  const years = Float64Array.from({ length: scope.horizon }, (_, t) => 2030 + t);
  expression.evaluate(expression.references.map((name) => Float64Array.from(inputs[name])), years, out);
  return [...out];
}

/** The ModelError that `action` throws (any other error is rethrown; no error fails the test). */
export function modelErrorOf(action: () => unknown): ModelError {
  try {
    action();
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError, but nothing was thrown');
}

export function compileError(source: string): ModelError {
  return modelErrorOf(() => compile(source));
}
