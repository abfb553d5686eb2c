import type { CompiledModel, CompiledSymbol } from '../../compile/compiledModel.js';
import type { ParameterValues } from '../../simulate/symbolFields.js';
import type { FactorBinding } from '../spec/resolveSweep.js';

/**
 * Puts one run's factor values into a model: parameters through run()'s `parameters` option (in
 * their declared units), drivers by scaling their series (in the factor's years only, if it has them). run() has no option for drivers, so the
 * applier works on its own copy of the compiled model whose varied drivers have series of their
 * own; the copy is private to one thread and every run starts from the base series again.
 */
export interface FactorApplier {
  /** The model to run: the compiled model, or its copy with the varied drivers' own series. */
  readonly model: CompiledModel;
  /** The parameter values of the last `apply`; the same object every time. */
  readonly parameters: ParameterValues;
  /** Sets parameters and drivers from values[offset + f] for factor f. */
  apply(values: Float64Array, offset: number): void;
}

type DriverSymbol = Extract<CompiledSymbol, { kind: 'driver' }>;

export function factorApplier(model: CompiledModel, factors: readonly FactorBinding[]): FactorApplier {
  const parameterBase = new Map<string, Float64Array>();
  const parameterValues: Record<string, Float64Array> = {};
  const driverBase = new Map<string, { base: Float64Array; series: Float64Array; size: number }>();
  const symbols = [...model.symbols];
  for (const factor of factors) {
    const s = model.symbolIndex.get(factor.symbol)!;
    const symbol = model.symbols[s];
    if (symbol.kind === 'value' && !parameterBase.has(symbol.name)) {
      parameterBase.set(symbol.name, symbol.value);
      parameterValues[symbol.name] = new Float64Array(symbol.value);
    } else if (symbol.kind === 'driver' && !driverBase.has(symbol.name)) {
      const series = new Float64Array(symbol.series);
      driverBase.set(symbol.name, { base: symbol.series, series, size: symbol.size });
      symbols[s] = { ...symbol, series } satisfies DriverSymbol;
    }
  }
  const runModel: CompiledModel = driverBase.size === 0 ? model : { ...model, symbols };

  return {
    model: runModel,
    parameters: parameterValues,
    apply(values, offset) {
      for (const [name, base] of parameterBase) parameterValues[name].set(base);
      for (const driver of driverBase.values()) driver.series.set(driver.base);
      factors.forEach((factor, f) => {
        const value = values[offset + f];
        if (factor.target === 'parameter') {
          const parameter = parameterValues[factor.symbol];
          applyToItems(parameter, parameter.length, 0, 1, factor, value);
        } else {
          const driver = driverBase.get(factor.symbol)!;
          const [first, last] = factor.years ?? [0, driver.series.length / driver.size - 1];
          applyToItems(driver.series, driver.size, first, last + 1, factor, value);
        }
      });
    },
  };
}

/** Sets or scales the selected items of rows [fromRow, toRow) of `array` (items repeat every `size` values: one row per year for a series). */
function applyToItems(array: Float64Array, size: number, fromRow: number, toRow: number, factor: FactorBinding, value: number): void {
  const scale = factor.apply === 'scale';
  const items = factor.items;
  for (let row = fromRow * size; row < toRow * size; row += size) {
    if (items === null) {
      for (let k = 0; k < size; k++) array[row + k] = scale ? array[row + k] * value : value;
    } else {
      for (let i = 0; i < items.length; i++) {
        const k = row + items[i];
        array[k] = scale ? array[k] * value : value;
      }
    }
  }
}
