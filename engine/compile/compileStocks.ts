import { ModelError } from '../errors.js';
import { locate } from '../definition/locate.js';
import type { ModelDefinition, StockDefinition } from '../definition/types.js';
import type { UnitSystem } from '../expr/unitSystem.js';
import type { BoundExpression, CompiledLifetime } from './compiledModel.js';
import { isSubset } from './dimensionIndex.js';
import type { SymbolTable } from './compileSymbols.js';

/** The target of a stock-driven stock: a mass, converted to the model's mass unit. */
export function compileTarget(definition: ModelDefinition, stock: StockDefinition, table: SymbolTable, units: UnitSystem) {
  const path = `${stock.path}.target`;
  const { bound, unit, dims } = table.bind(stock.target!, path, undefined);
  // A dimensionless target (a plain number) is read in the model's mass unit.
  const factor = units.isDimensionless(unit) ? 1 : units.factorTo(unit, definition.massUnit);
  if (factor === undefined) {
    throw new ModelError(
      `unit mismatch: target of stock ${stock.name} is in ${units.format(unit)}, not a mass`,
      locate(definition, path),
      `a stock target is a mass (the model's unit is ${definition.massUnit}); multiply by an intensity such as t/m^2`,
    );
  }
  return { bound: { ...bound, factor }, dims };
}

/**
 * Lifetime parameters are expressions in years (a plain number is years; a time unit converts),
 * over the stock's dimensions or fewer.
 */
export function compileLifetime(
  definition: ModelDefinition,
  stock: StockDefinition,
  stockDims: readonly number[],
  table: SymbolTable,
  units: UnitSystem,
): CompiledLifetime {
  const lifetime = stock.lifetime!;
  const parameters = Object.entries(lifetime.parameters).map(([name, source]) => {
    const path = `${lifetime.path}.${name}`;
    const { bound, unit, dims } = table.bind(source, path, stockDims);
    const at = locate(definition, path);
    if (!isSubset(dims, stockDims)) {
      throw new ModelError(
        `dimension mismatch: lifetime ${name} of stock ${stock.name} varies over dimensions the stock does not have`,
        at,
        'a lifetime parameter may vary only over the dimensions of its stock',
      );
    }
    const factor = units.isDimensionless(unit) ? 1 : units.factorTo(unit, 'yr');
    if (factor === undefined) {
      throw new ModelError(`unit mismatch: lifetime ${name} of stock ${stock.name} is in ${units.format(unit)}`, at, 'lifetime parameters are in years (a plain number, or a time unit)');
    }
    const scaled: BoundExpression = { ...bound, factor };
    return { name, bound: scaled };
  });
  return {
    distribution: lifetime.distribution,
    parameters,
    table: lifetime.table ? Float64Array.from(lifetime.table) : undefined,
  };
}
