import type { CompiledModel, CompiledSymbol } from '../../compile/compiledModel.js';
import { OptionsError } from '../../errors.js';
import { fitForecast } from '../../forecast/fitForecast.js';
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
  const forecasts = factors.map((factor) => (factor.apply === 'quantile' ? forecastPaths(model, factor) : undefined));
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
        } else if (factor.apply === 'quantile') {
          const driver = driverBase.get(factor.symbol)!;
          forecasts[f]!(value, driver.series, driver.size);
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

/**
 * For a 'quantile' factor: writes the driver's p-quantile path over the factor's years into a
 * series (SI-based), for its selected items. The forecast is fitted again from what the model
 * recorded of it, once per applier (a worker thread fits once); the fit is deterministic, so every
 * thread draws the same paths.
 */
function forecastPaths(model: CompiledModel, factor: FactorBinding): (p: number, series: Float64Array, size: number) => void {
  const driver = model.definition.drivers.find((candidate) => candidate.name === factor.symbol)!;
  const symbol = model.symbols[model.symbolIndex.get(factor.symbol)!] as DriverSymbol;
  const forecast = driver.forecast!;
  const [first, last] = factor.years!;
  const years = Float64Array.from({ length: last - first + 1 }, (_, t) => model.years[first + t]);
  const fits = forecast.history.values.map((values, k) => {
    const covariate = forecast.covariate && { years: forecast.covariate.years, values: forecast.covariate.values[k] };
    const result = fitForecast({ years: forecast.history.years, values }, forecast.spec, { level: forecast.level, covariate, until: model.definition.time.end });
    if (!result.ok) throw new OptionsError('factors', `must draw from a forecast that fits (${result.message})`);
    return result.fit;
  });
  const items = factor.items ?? Int32Array.from(fits, (_, k) => k);
  return (p, series, size) => {
    // A design point on the edge of [0, 1] (a Sobol' sequence starts at 0) is taken just inside it.
    const probability = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
    for (const k of items) {
      const path = fits[k].quantile(years, probability);
      for (let t = 0; t < path.length; t++) series[(first + t) * size + k] = path[t] * symbol.toSI;
    }
  };
}
