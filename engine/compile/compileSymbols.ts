import { ModelError, type SourceLocation } from '../errors.js';
import { locate } from '../definition/locate.js';
import type { ModelDefinition, ParameterDefinition } from '../definition/types.js';
import { compileExpression, type ExpressionScope } from '../expr/compileExpression.js';
import type { Unit, UnitSystem } from '../expr/unitSystem.js';
import type { BoundExpression, CompiledSymbol } from './compiledModel.js';
import { broadcastMap, sizeOf } from './dimensionIndex.js';

export interface SymbolTable {
  readonly symbols: CompiledSymbol[];
  readonly symbolIndex: Map<string, number>;
  readonly units: ReadonlyMap<string, Unit>;
  /** Compiles an expression over the table's symbols, broadcast onto `dims`. */
  bind(source: string, path: string, dims: readonly number[] | undefined): { bound: BoundExpression; unit: Unit; dims: readonly number[] };
}

/**
 * Resolves drivers and parameters into compiled symbols with SI-based values. Expression
 * parameters are compiled on first use, depth first, so that a symbol always comes after the
 * symbols it reads; meeting a parameter that is still being compiled means a cycle.
 */
export function compileSymbols(definition: ModelDefinition, unitSystem: UnitSystem, horizon: number): SymbolTable {
  const itemCounts = definition.dimensions.map((dimension) => dimension.items.length);
  const dimIndex = (names: readonly string[]) => names.map((name) => definition.dimensions.findIndex((d) => d.name === name)).sort((a, b) => a - b);
  const symbols: CompiledSymbol[] = [];
  const symbolIndex = new Map<string, number>();
  const units = new Map<string, Unit>();
  const parameters = new Map<string, ParameterDefinition>(definition.parameters.map((p) => [p.name, p]));
  const inProgress: string[] = [];
  const at = (path: string): SourceLocation => locate(definition, path);

  for (const driver of definition.drivers) {
    const unit = unitSystem.parse(driver.unit, at(`${driver.path}.unit`));
    const dims = dimIndex(driver.dims);
    const toSI = unitSystem.toSI(unit);
    const series = Float64Array.from(driver.values, (value) => value * toSI);
    units.set(driver.name, unit);
    symbolIndex.set(driver.name, symbols.push({ kind: 'driver', name: driver.name, dims, size: sizeOf(dims, itemCounts), series, toSI }) - 1);
  }

  const scope: ExpressionScope = {
    dimensions: definition.dimensions,
    horizon,
    units: unitSystem,
    names: () => [...symbolIndex.keys(), ...parameters.keys()],
    lookup(name) {
      if (!symbolIndex.has(name)) {
        const parameter = parameters.get(name);
        if (!parameter) return undefined;
        compileParameter(parameter);
      }
      const symbol = symbols[symbolIndex.get(name)!];
      return { dims: symbol.dims, unit: units.get(name)! };
    },
  };

  function compileParameter(parameter: ParameterDefinition): void {
    if (parameter.kind === 'value') {
      const unit = unitSystem.parse(parameter.unit, at(`${parameter.path}.unit`));
      const dims = dimIndex(parameter.dims);
      units.set(parameter.name, unit);
      symbolIndex.set(
        parameter.name,
        symbols.push({ kind: 'value', name: parameter.name, dims, size: sizeOf(dims, itemCounts), value: parameter.value, toSI: unitSystem.toSI(unit) }) - 1,
      );
      return;
    }
    const cycleStart = inProgress.indexOf(parameter.name);
    if (cycleStart >= 0) {
      const cycle = [...inProgress.slice(cycleStart), parameter.name];
      throw new ModelError(`cycle among expressions: ${cycle.join(' -> ')}`, at(`${parameter.path}.expression`), 'an expression parameter cannot depend on itself, directly or through others');
    }
    inProgress.push(parameter.name);
    const { bound, unit, dims } = bind(parameter.expression, `${parameter.path}.expression`, undefined);
    inProgress.pop();
    if (parameter.unit !== undefined) {
      const declared = unitSystem.parse(parameter.unit, at(`${parameter.path}.unit`));
      if (unitSystem.factorTo(unit, declared) === undefined) {
        throw new ModelError(
          `unit mismatch: parameter ${parameter.name} is declared in ${unitSystem.format(declared)} but its expression gives ${unitSystem.format(unit)}`,
          at(`${parameter.path}.expression`),
          'fix the expression or the declared unit',
        );
      }
    }
    units.set(parameter.name, unit);
    symbolIndex.set(parameter.name, symbols.push({ kind: 'expression', name: parameter.name, dims, size: sizeOf(dims, itemCounts), bound }) - 1);
  }

  function bind(source: string, path: string, targetDims: readonly number[] | undefined) {
    const expression = compileExpression(source, scope, at(path));
    const dims = targetDims ?? expression.dims;
    return {
      bound: {
        expression,
        inputs: expression.references.map((name) => symbolIndex.get(name)!),
        factor: 1,
        broadcast: broadcastMap(dims, expression.dims, itemCounts),
        path,
      },
      unit: expression.unit,
      dims: expression.dims,
    };
  }

  for (const parameter of definition.parameters) if (!symbolIndex.has(parameter.name)) compileParameter(parameter);

  return { symbols, symbolIndex, units, bind: (source, path, dims) => bind(source, path, dims) };
}
