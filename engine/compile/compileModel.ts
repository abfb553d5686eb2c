import { compileEmissions } from '../carbon/compileEmissions.js';
import { compileIndicators } from '../indicators/compileIndicators.js';
import { checkTargets } from '../indicators/checkTargets.js';
import { ModelError } from '../errors.js';
import { checkCohortSize, valueBudget } from '../definition/limits.js';
import { locate } from '../definition/locate.js';
import type { ModelDefinition } from '../definition/types.js';
import { createUnitSystem } from '../expr/unitSystem.js';
import type { CompiledModel, CompiledProcess, CompiledStock, TransferComponent } from './compiledModel.js';
import { compileFlows } from './compileFlows.js';
import { compileScenarios } from './compileScenarios.js';
import { compileInitialLifetime } from './compileInitialLifetime.js';
import { compileLifetime, compileTarget } from './compileStocks.js';
import { compileSymbols } from './compileSymbols.js';
import { sizeOf } from './dimensionIndex.js';
import { checkConstantShares, checkProcessRoles } from './checkNetwork.js';
import { stronglyConnectedComponents } from './stronglyConnected.js';

/**
 * Compiles a model definition once: every name becomes an index, every expression a closure,
 * every unit a factor. Throws ModelError for anything wrong in the model; a CompiledModel can
 * then be run any number of times.
 */
export function compile(definition: ModelDefinition): CompiledModel {
  const horizon = definition.time.end - definition.time.start + 1;
  const years = Float64Array.from({ length: horizon }, (_, t) => definition.time.start + t);
  const itemCounts = definition.dimensions.map((dimension) => dimension.items.length);
  const units = createUnitSystem(definition.countUnits, locate(definition, 'units'));
  if (units.factorTo(units.parse(definition.massUnit, locate(definition, 'unit')), 'kg') === undefined) {
    throw new ModelError(`invalid mass unit: ${definition.massUnit}`, locate(definition, 'unit'), 'the model unit is the mass unit of flows and stocks, e.g. t, kt or kg');
  }
  const table = compileSymbols(definition, units, horizon);
  const processIndex = new Map(definition.processes.map((process, index) => [process.name, index]));

  const stockTargets = new Map<number, { stock: number; dims: readonly number[] }>();
  const targets = definition.stocks.map((stock, index) => {
    if (stock.kind !== 'stock-driven') return undefined;
    const target = compileTarget(definition, stock, table, units);
    stockTargets.set(processIndex.get(stock.process)!, { stock: index, dims: target.dims });
    return target.bound;
  });
  const { flows, processDims } = compileFlows(definition, table, units, stockTargets);
  // A run keeps a series per flow and per process (and one per stock, checked with its cohorts below).
  const seriesValues = valueBudget('flows and processes');
  flows.forEach((flow, f) => seriesValues.add(horizon, flow.size, locate(definition, definition.flows[f].path)));
  processDims.forEach((dims, p) => seriesValues.add(horizon, sizeOf(dims, itemCounts), locate(definition, definition.processes[p].path)));

  const stocks = definition.stocks.map((stock, index): CompiledStock => {
    const process = processIndex.get(stock.process)!;
    const dims = processDims[process];
    const size = sizeOf(dims, itemCounts);
    const initial = stock.initial;
    if (stock.lifetime) checkCohortSize(stock.name, horizon, initial?.cohorts.length ?? 0, size, locate(definition, stock.path));
    if (initial && initial.values.length !== initial.cohorts.length * size) {
      throw new ModelError(
        `invalid initial stock: stock ${stock.name} needs ${size} value(s) per cohort, one per item of its dimensions`,
        locate(definition, initial.path),
        'give the initial stock by cohort for every item of the stock process',
      );
    }
    return {
      name: stock.name,
      process,
      kind: stock.kind,
      dims,
      size,
      lifetime: stock.lifetime ? compileLifetime(definition, stock, dims, table, units) : undefined,
      initialLifetime: initial?.lifetime ? compileInitialLifetime(definition, stock, dims, table, units) : undefined,
      survival: stock.survival,
      target: targets[index],
      negativeInflowCorrection: stock.negativeInflowCorrection,
      waste: stock.waste,
      initialCohorts: initial?.cohorts ?? [],
      initialValues: initial?.values,
      demandFlow: flows.findIndex((flow) => flow.demandOf === index),
    };
  });

  const processes = definition.processes.map((process, p): CompiledProcess => {
    const outflows = flows.flatMap((flow, f) => (flow.from === p ? [f] : []));
    return {
      name: process.name,
      dims: processDims[p],
      size: sizeOf(processDims[p], itemCounts),
      stock: stocks.findIndex((stock) => stock.process === p),
      inflows: flows.flatMap((flow, f) => (flow.to === p ? [f] : [])),
      fixedOutflows: outflows.filter((f) => flows[f].kind === 'value' || flows[f].kind === 'demand'),
      shareOutflows: outflows.filter((f) => flows[f].kind === 'share' || flows[f].kind === 'rest'),
      restFlow: outflows.find((f) => flows[f].kind === 'rest') ?? -1,
      balanceFlow: flows.findIndex((flow) => flow.kind === 'balance' && flow.to === p),
    };
  });
  checkProcessRoles(definition, processes, flows, stocks);
  checkConstantShares(definition, processes, flows);

  // A process whose total inflow a balance flow fixes does not depend on what flows into it: the
  // edges into it leave the graph, and a loop through it is solved as a chain starting there.
  const successors = processes.map((_, p) =>
    flows.filter((flow) => flow.from === p && flow.to >= 0 && (flow.kind === 'share' || flow.kind === 'rest') && processes[flow.to].balanceFlow < 0).map((flow) => flow.to),
  );
  const components = stronglyConnectedComponents(processes.length, successors).map(
    (members): TransferComponent => ({ processes: members, cyclic: members.length > 1 || successors[members[0]].includes(members[0]) }),
  );

  const toSI = (symbol: number) => {
    const compiled = table.symbols[symbol];
    if (compiled.kind === 'expression') throw new Error(`expression parameter ${compiled.name} cannot be overridden`);
    return compiled.kind === 'value' ? compiled.toSI : units.toSI(table.units.get(compiled.name)!);
  };
  for (const scenario of definition.scenarios) {
    for (const override of scenario.overrides) {
      const symbol = table.symbolIndex.get(override.target);
      if (symbol !== undefined && table.symbols[symbol].kind === 'expression') {
        throw new ModelError(`invalid override: ${override.target} is computed by an expression`, locate(definition, override.path), 'scenarios override value parameters and drivers; override what the expression uses instead');
      }
    }
  }
  const scenarios = compileScenarios(definition, table.symbolIndex, toSI);

  const emissions = compileEmissions(definition, { flows, processes, stocks }, table, units);
  const indicators = compileIndicators(definition, { flows, stocks }, table, units, emissions !== undefined);
  checkTargets(definition, indicators);
  return { definition, horizon, years, itemCounts, symbols: table.symbols, symbolIndex: table.symbolIndex, processes, flows, stocks, components, scenarios, emissions, indicators };
}
