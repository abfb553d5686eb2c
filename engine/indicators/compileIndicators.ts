import type { CompiledFlow, CompiledStock } from '../compile/compiledModel.js';
import { sizeOf } from '../compile/dimensionIndex.js';
import type { SymbolTable } from '../compile/compileSymbols.js';
import { locate } from '../definition/locate.js';
import type { IndicatorDefinition } from '../definition/indicatorTypes.js';
import type { ModelDefinition } from '../definition/types.js';
import { ModelError } from '../errors.js';
import { compileExpression, type CompiledExpression, type ExpressionScope } from '../expr/compileExpression.js';
import type { Unit, UnitSystem } from '../expr/unitSystem.js';
import { NAME_PATTERN } from '../definition/schema.js';

/**
 * What an indicator expression reads, besides drivers and parameters: the sum of the flows of a
 * tag (over all their items), a flow by its id (an identifier), a stock's level, the emission
 * totals, another indicator. Each is SI-based when the expression reads it.
 */
export type IndicatorInput =
  | { readonly kind: 'symbol'; readonly symbol: number }
  | { readonly kind: 'tag'; readonly flows: readonly number[]; readonly toSI: number }
  | { readonly kind: 'flow'; readonly flow: number; readonly toSI: number }
  | { readonly kind: 'stock'; readonly stock: number; readonly toSI: number }
  | { readonly kind: 'emissions'; readonly derived: 'emission' | 'credit' | 'net-emission'; readonly toSI: number }
  | { readonly kind: 'indicator'; readonly indicator: number };

export interface CompiledIndicator {
  readonly name: string;
  readonly label: string | undefined;
  readonly expression: CompiledExpression;
  readonly inputs: readonly IndicatorInput[];
  readonly dims: readonly number[];
  readonly size: number;
  /** The unit it is reported in, and what its SI-based values are multiplied by to read in it. */
  readonly unit: string;
  readonly factor: number;
  readonly changeFrom: number | undefined;
}

/** Names of the emission totals an indicator may use, and the derived series each stands for. */
const EMISSION_TOTALS = { direct_emissions: 'emission', credited_emissions: 'credit', net_emissions: 'net-emission' } as const;

/**
 * Compiles the indicators in dependency order (an indicator after those it uses), checking names,
 * dimensions and units like every expression. A unit left out is inferred: dimensionless, a mass per
 * year or a mass in the model's unit; anything else must be declared.
 */
export function compileIndicators(
  definition: ModelDefinition,
  network: { readonly flows: readonly CompiledFlow[]; readonly stocks: readonly CompiledStock[] },
  table: SymbolTable,
  units: UnitSystem,
  hasEmissions: boolean,
): CompiledIndicator[] {
  const itemCounts = definition.dimensions.map((dimension) => dimension.items.length);
  const horizon = definition.time.end - definition.time.start + 1;
  const massUnit = definition.massUnit;
  const rate = units.parse(`${massUnit}/yr`, locate(definition, 'unit'));
  const mass = units.parse(massUnit, locate(definition, 'unit'));
  const tags = new Map<string, number[]>();
  definition.flows.forEach((flow, f) => flow.tags.forEach((tag) => tags.set(tag, [...(tags.get(tag) ?? []), f])));
  const flowIds = new Map(definition.flows.flatMap((flow, f) => (NAME_PATTERN.test(flow.id) ? [[flow.id, f] as const] : [])));
  const byName = new Map(definition.indicators.map((indicator, i) => [indicator.name, i]));
  const compiled: (CompiledIndicator | undefined)[] = definition.indicators.map(() => undefined);
  const inProgress: string[] = [];

  /** What a name means in an indicator, with its dims and unit. */
  const resolve = (name: string, path: string): { input: IndicatorInput; dims: readonly number[]; unit: Unit } | undefined => {
    const indicator = byName.get(name);
    if (indicator !== undefined) {
      const done = compile(indicator);
      return { input: { kind: 'indicator', indicator }, dims: done.dims, unit: units.parse(done.unit, locate(definition, path)) };
    }
    const tagged = tags.get(name);
    if (tagged) return { input: { kind: 'tag', flows: tagged, toSI: units.toSI(rate) }, dims: [], unit: rate };
    const s = network.stocks.findIndex((stock) => stock.name === name);
    if (s >= 0) return { input: { kind: 'stock', stock: s, toSI: units.toSI(mass) }, dims: network.stocks[s].dims, unit: mass };
    const symbol = table.symbolIndex.get(name);
    if (symbol !== undefined) return { input: { kind: 'symbol', symbol }, dims: table.symbols[symbol].dims, unit: table.units.get(name)! };
    const f = flowIds.get(name);
    if (f !== undefined) return { input: { kind: 'flow', flow: f, toSI: units.toSI(rate) }, dims: network.flows[f].dims, unit: rate };
    if (hasEmissions && name in EMISSION_TOTALS) return { input: { kind: 'emissions', derived: EMISSION_TOTALS[name as keyof typeof EMISSION_TOTALS], toSI: units.toSI(rate) }, dims: [], unit: rate };
    return undefined;
  };

  function compile(index: number): CompiledIndicator {
    const done = compiled[index];
    if (done) return done;
    const indicator = definition.indicators[index];
    const at = locate(definition, indicator.path);
    const cycleStart = inProgress.indexOf(indicator.name);
    if (cycleStart >= 0) throw new ModelError(`cycle among indicators: ${[...inProgress.slice(cycleStart), indicator.name].join(' -> ')}`, at, 'an indicator cannot depend on itself, directly or through others');
    inProgress.push(indicator.name);
    const inputs: IndicatorInput[] = [];
    const seen = new Map<string, { input: IndicatorInput; dims: readonly number[]; unit: Unit }>();
    const scope: ExpressionScope = {
      dimensions: definition.dimensions,
      horizon,
      units,
      names: () => [...byName.keys(), ...tags.keys(), ...network.stocks.map((stock) => stock.name), ...table.symbolIndex.keys(), ...flowIds.keys(), ...(hasEmissions ? Object.keys(EMISSION_TOTALS) : [])],
      lookup(name) {
        const found = seen.get(name) ?? resolve(name, indicator.path);
        if (found) seen.set(name, found);
        return found;
      },
    };
    const expression = compileExpression(indicator.expression, scope, at);
    for (const reference of expression.references) inputs.push(seen.get(reference)!.input);
    inProgress.pop();
    // A change from a base year is a ratio of the indicator to itself: unit-free whatever its unit.
    const { unit, factor } = indicator.changeFrom !== undefined && indicator.unit === undefined ? { unit: '1', factor: 1 } : reportUnit(indicator, expression.unit);
    const result: CompiledIndicator = {
      name: indicator.name,
      label: indicator.label,
      expression,
      inputs,
      dims: expression.dims,
      size: sizeOf(expression.dims, itemCounts),
      unit: indicator.changeFrom === undefined ? unit : '1',
      factor,
      changeFrom: indicator.changeFrom,
    };
    compiled[index] = result;
    return result;
  }

  /** The unit to report in: the declared one (checked), or one inferred from the expression's. */
  function reportUnit(indicator: IndicatorDefinition, unit: Unit): { unit: string; factor: number } {
    const at = locate(definition, indicator.path);
    if (indicator.unit !== undefined) {
      const declared = units.parse(indicator.unit, at);
      const factor = units.factorTo(unit, declared);
      if (factor === undefined) throw new ModelError(`unit mismatch: indicator ${indicator.name} is in ${units.format(unit)}, not ${indicator.unit}`, at, 'fix the expression or the declared unit');
      return { unit: indicator.unit, factor };
    }
    for (const candidate of ['1', `${massUnit}/yr`, massUnit]) {
      const factor = units.factorTo(unit, candidate);
      if (factor !== undefined) return { unit: candidate, factor };
    }
    throw new ModelError(`missing unit: indicator ${indicator.name} is in ${units.format(unit)}`, at, `declare the unit to report it in, e.g. unit: kg/person/yr`);
  }

  return definition.indicators.map((_, index) => compile(index));
}
