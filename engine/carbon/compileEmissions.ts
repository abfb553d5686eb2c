import type { CompiledFlow, CompiledProcess, CompiledStock } from '../compile/compiledModel.js';
import { isSubset, sizeOf } from '../compile/dimensionIndex.js';
import type { SymbolTable } from '../compile/compileSymbols.js';
import { locate } from '../definition/locate.js';
import type { EmissionRouteDefinition, EmissionTarget } from '../definition/emissionTypes.js';
import type { ModelDefinition } from '../definition/types.js';
import { ModelError } from '../errors.js';
import type { UnitSystem } from '../expr/unitSystem.js';
import type { CompiledEmissions, CompiledRoute, RouteSource } from './compiledEmissions.js';

interface NetworkView {
  readonly flows: readonly CompiledFlow[];
  readonly processes: readonly CompiledProcess[];
  readonly stocks: readonly CompiledStock[];
}

/**
 * Binds each route's expressions over the dims of what it applies to, and checks their units:
 * a factor is a mass per mass, energies per mass, grid factors a mass per energy, a decay rate
 * per time. A plain number is read in the unit each key documents (see emissionsSchema.ts).
 */
export function compileEmissions(definition: ModelDefinition, network: NetworkView, table: SymbolTable, units: UnitSystem): CompiledEmissions | undefined {
  const emissions = definition.emissions;
  if (emissions === undefined) return undefined;
  const itemCounts = definition.dimensions.map((dimension) => dimension.items.length);
  const massRate = `${definition.massUnit}/yr`;

  /** An expression over `dims` in `expected` (a plain number read in `plain`); `what` names it in messages. */
  const bind = (route: EmissionRouteDefinition, key: string, source: string, dims: readonly number[], plain: string, expected: string, what: string) => {
    const path = `${route.path}.${key}`;
    const at = locate(definition, path);
    const { bound, unit, dims: own } = table.bind(source, path, dims);
    if (!isSubset(own, dims)) {
      throw new ModelError(`dimension mismatch: ${key} of route ${route.id} varies over dimensions its source does not have`, at, 'a factor may vary only over the dimensions of the flow, process or stock it applies to');
    }
    // A plain number (no unit at all) is written in `plain`: its SI-based value is the number times
    // that unit's scale. A ratio with units (g/kg) already carries its scale.
    const plainNumber = unit.symbols.length === 0 && unit.scale === 1 && units.isDimensionless(unit);
    const given = plainNumber ? units.parse(plain, at) : unit;
    const toExpected = units.factorTo(given, expected);
    if (toExpected === undefined) {
      throw new ModelError(`unit mismatch: ${key} of route ${route.id} is in ${units.format(given)}, not ${what}`, at, `give ${key} as ${what} (a plain number is read in ${plain})`);
    }
    return { ...bound, factor: plainNumber ? units.toSI(given) * toExpected : toExpected };
  };

  const routes = emissions.routes.map((route): CompiledRoute => {
    const base = { id: route.id, label: route.label };
    switch (route.kind) {
      case 'factor': {
        const source = routeSource(route.target, network, itemCounts, definition);
        return { ...base, kind: 'factor', source, gas: route.gas, credit: route.credit, factor: bind(route, 'factor', route.factor, source.dims, route.unit, '1', 'a mass per mass (kg/t, t/t)') };
      }
      case 'incineration': {
        const source = routeSource(route.target, network, itemCounts, definition);
        const share = (key: string, expression: string) => bind(route, key, expression, source.dims, '1', '1', 'a share (dimensionless)');
        return {
          ...base,
          kind: 'incineration',
          source,
          dryMatter: share('dry_matter', route.dryMatter),
          carbonFraction: share('carbon_fraction', route.carbonFraction),
          fossilFraction: share('fossil_fraction', route.fossilFraction),
          oxidation: share('oxidation', route.oxidation),
        };
      }
      case 'landfill': {
        const s = network.stocks.findIndex((stock) => stock.name === route.stock);
        const stock = network.stocks[s];
        const share = (key: string, expression: string) => bind(route, key, expression, stock.dims, '1', '1', 'a share (dimensionless)');
        const history = route.history;
        if (history && history.values.length !== history.years.length * stock.size) {
          throw new ModelError(`invalid history: route ${route.id} gives ${history.values.length / history.years.length} value(s) a year where stock ${stock.name} has ${stock.size} item(s)`, locate(definition, `${route.path}.history`), `give the deposits over the dimensions of the landfill stock (dims: [${definition.dimensions.filter((_, d) => stock.dims.includes(d)).map((d) => d.name).join(', ')}])`);
        }
        const halfLife = 'halfLife' in route.rate;
        const recovery = route.recovery === undefined ? undefined : recoveryOf(route, route.recovery, stock.dims);
        return {
          ...base,
          kind: 'landfill',
          stock: s,
          dims: stock.dims,
          size: stock.size,
          doc: share('doc', route.doc),
          docf: share('docf', route.docf),
          mcf: share('mcf', route.mcf),
          f: share('f', route.f),
          rate: 'k' in route.rate ? bind(route, 'k', route.rate.k, stock.dims, 'yr^-1', 'yr^-1', 'a rate per time (per year)') : bind(route, 'half_life', route.rate.halfLife, stock.dims, 'yr', 'yr', 'a time (years)'),
          halfLife,
          startMonth: route.startMonth,
          oxidation: share('oxidation', route.oxidation),
          recovery,
          recoveryUse: route.recoveryUse,
          electricity: route.electricity === undefined ? undefined : bind(route, 'electricity', route.electricity, stock.dims, 'MWh/t', 'MWh/t', 'an energy per mass (MWh per t of CH4)'),
          gridFactor: route.gridFactor === undefined ? undefined : bind(route, 'grid_factor', route.gridFactor, stock.dims, 't/MWh', 't/MWh', 'a mass of CO2e per energy (t/MWh)'),
          history: history && { years: history.years, values: history.values },
        };
      }
      case 'energy-credit': {
        const source = routeSource(route.target, network, itemCounts, definition);
        const optional = (key: string, expression: string | undefined, plain: string, what: string) => (expression === undefined ? undefined : bind(route, key, expression, source.dims, plain, plain, what));
        return {
          ...base,
          kind: 'energy-credit',
          source,
          electricity: optional('electricity', route.electricity, 'MWh/t', 'an energy per mass (MWh/t)'),
          gridFactor: optional('grid_factor', route.gridFactor, 't/MWh', 'a mass of CO2e per energy (t/MWh)'),
          heat: optional('heat', route.heat, 'GJ/t', 'an energy per mass (GJ/t)'),
          heatFactor: optional('heat_factor', route.heatFactor, 't/GJ', 'a mass of CO2e per energy (t/GJ)'),
        };
      }
    }
  });
  return { gwp: emissions.gwp, routes };

  /** Recovered methane: a share of what is generated (dimensionless) or a mass per year. */
  function recoveryOf(route: EmissionRouteDefinition, expression: string, dims: readonly number[]) {
    const path = `${route.path}.recovery`;
    const { unit, dims: own } = table.bind(expression, path, dims);
    if (units.isDimensionless(unit)) return { bound: bind(route, 'recovery', expression, dims, '1', '1', 'a share'), mode: 'share' as const };
    if (own.length > 0) throw new ModelError(`dimension mismatch: recovery of route ${route.id} is a mass per item`, locate(definition, path), 'a recovered mass is for the whole landfill (no dimensions); to recover per item, give a share');
    return { bound: bind(route, 'recovery', expression, dims, massRate, massRate, `a share, or a mass of CH4 per time (${massRate})`), mode: 'mass' as const };
  }
}

function routeSource(target: EmissionTarget, network: NetworkView, itemCounts: readonly number[], definition: ModelDefinition): RouteSource {
  if ('flow' in target) {
    const f = network.flows.findIndex((flow) => flow.id === target.flow);
    const flow = network.flows[f];
    return { flows: [f], dims: flow.dims, size: sizeOf(flow.dims, itemCounts) };
  }
  const p = definition.processes.findIndex((process) => process.name === target.process);
  const process = network.processes[p];
  return { flows: process.inflows, dims: process.dims, size: process.size };
}
