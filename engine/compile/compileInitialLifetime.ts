import { ModelError } from '../errors.js';
import { locate } from '../definition/locate.js';
import type { ModelDefinition, StockDefinition } from '../definition/types.js';
import { compileExpression, type ExpressionScope } from '../expr/compileExpression.js';
import type { UnitSystem } from '../expr/unitSystem.js';
import type { CompiledInitialLifetime } from './compiledModel.js';
import { broadcastMap, isSubset } from './dimensionIndex.js';
import type { SymbolTable } from './compileSymbols.js';

/**
 * The initial cohorts' own lifetime (`initial.lifetime`). Its parameters are evaluated once per
 * initial cohort, with `year` the cohort's year. They may use value parameters (at their value in
 * the first model year, before any scenario ramp moves them) but not drivers or expression
 * parameters: those have values within the horizon only, and the cohorts were born before it.
 */
export function compileInitialLifetime(
  definition: ModelDefinition,
  stock: StockDefinition,
  stockDims: readonly number[],
  table: SymbolTable,
  units: UnitSystem,
): CompiledInitialLifetime {
  const initial = stock.initial!;
  const lifetime = initial.lifetime!;
  const itemCounts = definition.dimensions.map((dimension) => dimension.items.length);
  const valueParameters = [...table.symbolIndex].filter(([, s]) => table.symbols[s].kind === 'value').map(([name]) => name);
  const scope = (path: string): ExpressionScope => ({
    dimensions: definition.dimensions,
    horizon: initial.cohorts.length,
    units,
    names: () => valueParameters,
    lookup(name) {
      const s = table.symbolIndex.get(name);
      if (s === undefined) return undefined;
      const symbol = table.symbols[s];
      if (symbol.kind !== 'value') {
        throw new ModelError(
          `invalid initial lifetime: stock ${stock.name} uses ${symbol.kind === 'driver' ? 'driver' : 'expression parameter'} ${name}`,
          locate(definition, path),
          `the initial cohorts entered before ${definition.time.start}, where only value parameters and year (the cohort's year) are known`,
        );
      }
      return { dims: symbol.dims, unit: table.units.get(name)! };
    },
  });
  const parameters = Object.entries(lifetime.parameters).map(([name, source]) => {
    const path = `${lifetime.path}.${name}`;
    const at = locate(definition, path);
    const expression = compileExpression(source, scope(path), at);
    if (!isSubset(expression.dims, stockDims)) {
      throw new ModelError(`dimension mismatch: initial lifetime ${name} of stock ${stock.name} varies over dimensions the stock does not have`, at, 'a lifetime parameter may vary only over the dimensions of its stock');
    }
    const factor = units.isDimensionless(expression.unit) ? 1 : units.factorTo(expression.unit, 'yr');
    if (factor === undefined) {
      throw new ModelError(`unit mismatch: initial lifetime ${name} of stock ${stock.name} is in ${units.format(expression.unit)}`, at, 'lifetime parameters are in years (a plain number, or a time unit)');
    }
    return {
      name,
      expression,
      inputs: expression.references.map((reference) => table.symbolIndex.get(reference)!),
      factor,
      broadcast: broadcastMap(stockDims, expression.dims, itemCounts),
    };
  });
  return {
    distribution: lifetime.distribution,
    parameters,
    table: lifetime.table ? Float64Array.from(lifetime.table) : undefined,
    cohortYears: Float64Array.from(initial.cohorts),
  };
}
