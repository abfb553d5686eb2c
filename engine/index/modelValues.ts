import { compile } from '../compile/compileModel.js';
import type { CompiledModel } from '../compile/compiledModel.js';
import { locate } from '../definition/locate.js';
import { childPath } from '../definition/sourceMap.js';
import type { ModelDefinition } from '../definition/types.js';
import { ModelError, unknownNameError, type SourceLocation } from '../errors.js';
import { divideUnits } from '../expr/unit.js';
import { createUnitSystem, type Unit, type UnitSystem } from '../expr/unitSystem.js';
import { run } from '../simulate/run.js';
import type { Solution } from '../simulate/solution.js';
import { fillSymbolFields } from '../simulate/symbolFields.js';
import { outputExtractor } from '../sweep/job/extractOutputs.js';
import { bindOutput } from '../sweep/spec/resolveSweep.js';
import type { OutputSpec } from '../sweep/spec/sweepSpec.js';
import type { CityValue, IndexSpec, IndicatorSpec, ModelSeriesRef } from './indexSpec.js';

/** Reads a model file named in an index (relative to the index file); a ModelError where it cannot. */
export type ModelLoader = (relativePath: string, at: SourceLocation) => ModelDefinition;

/** The mass of CO2e is written "t CO2e"; units are checked on the mass alone, and both sides must say CO2e. */
const CO2E = /\s*CO2e\b/;

/**
 * The index with every value that comes from a model run replaced by that number: the series
 * named (summed over the items selected) in the year asked, under the scenario, divided by the
 * `per` driver, converted into the indicator's unit. Each model is compiled once and each of its
 * scenarios run once, however many values read it.
 */
export function resolveModelValues(spec: IndexSpec, loadModel: ModelLoader): IndexSpec {
  const runs = new Map<string, { model: CompiledModel; units: UnitSystem; solutions: Map<string, Solution> }>();
  const at = (path: string) => locate(spec, path);
  const evaluate = (indicator: IndicatorSpec, value: Extract<CityValue, { kind: 'model' }>): CityValue => {
    const { ref, path } = value;
    let entry = runs.get(ref.model);
    if (entry === undefined) {
      const model = compile(loadModel(ref.model, at(childPath(path, 'model'))));
      entry = { model, units: createUnitSystem(model.definition.countUnits), solutions: new Map() };
      runs.set(ref.model, entry);
    }
    const { model, units } = entry;
    const scenarioKey = ref.scenario ?? '';
    if (ref.scenario !== undefined && !model.scenarios.has(ref.scenario)) throw unknownNameError('scenario', ref.scenario, model.scenarios.keys(), at(childPath(path, 'scenario')));
    let solution = entry.solutions.get(scenarioKey);
    if (solution === undefined) {
      solution = run(model, { scenario: ref.scenario });
      if (solution.status !== 'success') throw new ModelError(`model run failed: ${ref.model} ended with status ${solution.status}`, at(path), solution.issues[0]?.message ?? 'run the model on its own to see why');
      entry.solutions.set(scenarioKey, solution);
    }
    const seriesValue = extractValue(model, solution, ref, path, spec);
    const { amount, unit } = perDriver(model, units, seriesValue, seriesUnit(model, ref), ref, path, at);
    const target = units.parse(indicator.unit.replace(CO2E, ''), at(childPath(indicator.path, 'unit')));
    const factor = units.factorTo(unit, target);
    // A model's indicator of emissions has no way to say CO2e (its unit is a mass per year), so only an emission route is held to it.
    const co2eDiffers = ref.series.kind !== 'indicator' && CO2E.test(indicator.unit) !== (ref.series.kind === 'emission');
    if (factor === undefined || co2eDiffers) {
      throw new ModelError(`unit mismatch: the model value is in ${units.format(unit)}${ref.series.kind === 'emission' ? ' CO2e' : ''}, the indicator in ${indicator.unit}`, at(path), 'give the indicator a unit the series converts to, or divide by a driver with per:');
    }
    return { kind: 'number', value: amount * factor, year: ref.year, source: value.source, uncertainty: value.uncertainty, path };
  };
  const indicators = spec.indicators.map((indicator) => ({
    ...indicator,
    values: indicator.values.map((value) => (value.kind === 'model' ? evaluate(indicator, value) : value)),
  }));
  return { ...spec, indicators };
}

/** The series in the year, summed over the items selected, in its own unit (bound as a sweep output). */
function extractValue(model: CompiledModel, solution: Solution, ref: ModelSeriesRef, path: string, spec: IndexSpec): number {
  const source = ref.series.kind === 'flow' ? { kind: 'flow' as const, id: ref.series.id } : ref.series;
  const output: OutputSpec = { name: 'value', source, items: ref.items, record: ['series'], years: [ref.year, ref.year], label: undefined, path };
  const binding = bindOutput(output, spec, model);
  const out = new Float64Array(1);
  const problem = outputExtractor([binding], model.years).extract(solution, out, 0);
  if (problem !== undefined) throw new ModelError(`invalid model value: ${problem}`, locate(spec, path), 'the series has no finite value in that year');
  return out[0];
}

/** Flows, stock in- and outflows and emissions are the model's mass unit per year (emissions of CO2e); stock levels its mass unit; an indicator its own. */
function seriesUnit(model: CompiledModel, ref: ModelSeriesRef): string {
  if (ref.series.kind === 'indicator') {
    const { id } = ref.series;
    return model.indicators.find((indicator) => indicator.name === id)!.unit;
  }
  const mass = model.definition.massUnit;
  return ref.series.kind === 'stock' && ref.series.measure === 'level' ? mass : `${mass}/yr`;
}

/** The value (SI-based) divided by the `per` driver in that year (SI-based), and the unit of the quotient. */
function perDriver(model: CompiledModel, units: UnitSystem, value: number, unitText: string, ref: ModelSeriesRef, path: string, at: (path: string) => SourceLocation): { amount: number; unit: Unit } {
  const unit = units.parse(unitText, at(path));
  const amount = value * units.toSI(unit);
  if (ref.per === undefined) return { amount, unit };
  const drivers = model.symbols.filter((symbol) => symbol.kind === 'driver');
  const index = model.symbolIndex.get(ref.per);
  const symbol = index === undefined ? undefined : model.symbols[index];
  const perPath = childPath(path, 'per');
  if (symbol === undefined || symbol.kind !== 'driver') throw unknownNameError('driver', ref.per, drivers.map((driver) => driver.name), at(perPath));
  if (symbol.size !== 1) throw new ModelError(`invalid per: driver ${ref.per} has dimensions`, at(perPath), 'divide by a driver that is one number per year, such as population');
  const fields = model.symbols.map((entry) => new Float64Array(model.horizon * entry.size));
  fillSymbolFields(model, fields, ref.scenario === undefined ? undefined : model.scenarios.get(ref.scenario), undefined);
  const divisor = fields[index!][ref.year - model.definition.time.start];
  if (!(divisor !== 0 && Number.isFinite(divisor))) throw new ModelError(`invalid per: driver ${ref.per} is ${divisor} in ${ref.year}`, at(perPath), 'divide by a driver that is not zero in that year');
  const definition = model.definition.drivers.find((driver) => driver.name === ref.per)!;
  const driverUnit = units.parse(definition.unit, at(perPath));
  return { amount: amount / divisor, unit: divideUnits(unit, driverUnit) };
}
