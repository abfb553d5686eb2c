import { TOTAL_ROUTE } from '../carbon/emissionCatalog.js';
import { ModelError, unknownNameError } from '../errors.js';
import { readCsvData } from './dataTable.js';
import { checkValues } from './checkValues.js';
import { dimensionSpace } from './dimensionSpace.js';
import type { EmissionRouteDefinition, EmissionsDefinition, EmissionTarget, GwpDefinition } from './emissionTypes.js';
import type { RawEmissionRoute, RawGwp } from './emissionsSchema.js';
import { readInlineSeries } from './inlineSeries.js';
import type { NumberTree } from './numberTree.js';
import type { ModelFrame } from './loadDrivers.js';
import type { LoadContext } from './loadContext.js';
import { childPath } from './sourceMap.js';
import type { FlowDefinition, StockDefinition } from './types.js';
import { yearItemLabel } from './yearPoints.js';

/** The keys each kind of route takes beyond kind, label and its target; anything else is a mistake. */
const KEYS: Readonly<Record<EmissionRouteDefinition['kind'], readonly (keyof RawEmissionRoute)[]>> = {
  factor: ['flow', 'process', 'gas', 'factor', 'unit', 'credit'],
  incineration: ['flow', 'process', 'dry_matter', 'carbon_fraction', 'fossil_fraction', 'oxidation'],
  landfill: ['stock', 'doc', 'docf', 'mcf', 'f', 'k', 'half_life', 'start_month', 'oxidation', 'recovery', 'recovery_use', 'history', 'electricity', 'grid_factor'],
  'energy-credit': ['flow', 'process', 'electricity', 'grid_factor', 'heat', 'heat_factor'],
};

export interface EmissionContext {
  readonly frame: ModelFrame;
  readonly flows: readonly FlowDefinition[];
  readonly processes: readonly string[];
  readonly stocks: readonly StockDefinition[];
  readonly context: LoadContext;
  /** A named GWP set (AR4, AR5, AR6) from the shipped library. */
  readonly namedGwp: (name: string, path: string) => GwpDefinition;
}

/** The `emissions` section (and `gwp`, default AR5) checked against the model's flows, processes and stocks. */
export function loadEmissions(raw: Readonly<Record<string, RawEmissionRoute>>, gwp: RawGwp | undefined, model: EmissionContext): EmissionsDefinition {
  const { context } = model;
  if (Object.hasOwn(raw, TOTAL_ROUTE)) throw context.fail(`reserved name: ${TOTAL_ROUTE}`, childPath('emissions', TOTAL_ROUTE), 'outputs name the sum over all routes total; choose another name for this route');
  const routes = Object.entries(raw).map(([id, route]) => loadRoute(id, route, childPath('emissions', id), model));
  let weights: GwpDefinition;
  if (gwp === undefined || typeof gwp === 'string') weights = model.namedGwp(gwp ?? 'AR5', gwp === undefined ? 'emissions' : 'gwp');
  else weights = { name: 'given', CH4: gwp.CH4, CH4_fossil: gwp.CH4_fossil ?? gwp.CH4, N2O: gwp.N2O, source: `given in ${context.file}`, path: 'gwp' };
  for (const gas of ['CH4', 'CH4_fossil', 'N2O'] as const) {
    if (!(weights[gas] > 0 && Number.isFinite(weights[gas]))) throw context.fail(`invalid gwp: ${gas} must be a positive number (got ${weights[gas]})`, 'gwp', 'GWP100 weights are positive, e.g. CH4: 28, N2O: 265 (IPCC AR5)');
  }
  return { gwp: weights, routes };
}

function loadRoute(id: string, raw: RawEmissionRoute, path: string, model: EmissionContext): EmissionRouteDefinition {
  const { context } = model;
  const kind = raw.kind ?? 'factor';
  for (const key of Object.keys(raw) as (keyof RawEmissionRoute)[]) {
    if (key === 'kind' || key === 'label' || raw[key] === undefined || KEYS[kind].includes(key)) continue;
    throw context.fail(`invalid key for a ${kind} route: ${key}`, childPath(path, key), `a ${kind} route takes ${KEYS[kind].join(', ')}`);
  }
  const need = (key: keyof RawEmissionRoute, why: string): string => {
    const value = raw[key];
    if (value === undefined) throw context.fail(`missing key: ${key}`, path, `a ${kind} route needs ${key}: ${why}`);
    return String(value);
  };
  const optional = (key: keyof RawEmissionRoute) => (raw[key] === undefined ? undefined : String(raw[key]));
  const base = { id, label: raw.label, path };
  switch (kind) {
    case 'factor':
      if (raw.gas === undefined) throw context.fail('missing key: gas', path, `a factor route says which gas its factor gives: CO2_fossil, CO2_biogenic, CH4, CH4_fossil, N2O or CO2e`);
      return { ...base, kind, target: target(raw, path, model), gas: raw.gas, factor: need('factor', 'mass of gas per mass of waste'), unit: String(raw.unit ?? 't/t'), credit: raw.credit ?? false };
    case 'incineration':
      return {
        ...base,
        kind,
        target: target(raw, path, model),
        dryMatter: need('dry_matter', 'dry matter per wet mass (IPCC 2006 Vol. 5, Eq. 5.1)'),
        carbonFraction: need('carbon_fraction', 'total carbon per dry matter'),
        fossilFraction: need('fossil_fraction', 'fossil carbon per total carbon'),
        oxidation: need('oxidation', 'the oxidation factor (1 for incineration)'),
      };
    case 'landfill':
      return loadLandfill(base, raw, path, model, need, optional);
    case 'energy-credit': {
      const electricity = optional('electricity');
      const heat = optional('heat');
      const pairs: [string | undefined, string | undefined, string, string][] = [
        [electricity, optional('grid_factor'), 'electricity', 'grid_factor'],
        [heat, optional('heat_factor'), 'heat', 'heat_factor'],
      ];
      for (const [energy, factor, energyKey, factorKey] of pairs) {
        if ((energy === undefined) !== (factor === undefined)) {
          throw context.fail(`missing key: ${energy === undefined ? energyKey : factorKey}`, path, `${energyKey} and ${factorKey} go together: energy per mass and CO2e avoided per energy`);
        }
      }
      if (electricity === undefined && heat === undefined) throw context.fail('missing key: electricity or heat', path, 'an energy credit needs electricity with grid_factor, heat with heat_factor, or both');
      return { ...base, kind, target: target(raw, path, model), electricity, gridFactor: optional('grid_factor'), heat, heatFactor: optional('heat_factor') };
    }
  }
}

function target(raw: RawEmissionRoute, path: string, { flows, processes, context }: EmissionContext): EmissionTarget {
  if ((raw.flow === undefined) === (raw.process === undefined)) {
    throw context.fail('invalid route: give exactly one of flow and process', path, 'flow: <id> applies the route to one flow; process: <name> to everything the process receives');
  }
  if (raw.flow !== undefined) {
    if (!flows.some((flow) => flow.id === raw.flow)) throw unknownNameError('flow', raw.flow, flows.map((flow) => flow.id), context.at(childPath(path, 'flow')));
    return { flow: raw.flow };
  }
  if (!processes.includes(raw.process!)) throw unknownNameError('process', raw.process!, processes, context.at(childPath(path, 'process')));
  return { process: raw.process! };
}

function loadLandfill(
  base: { id: string; label: string | undefined; path: string },
  raw: RawEmissionRoute,
  path: string,
  model: EmissionContext,
  need: (key: keyof RawEmissionRoute, why: string) => string,
  optional: (key: keyof RawEmissionRoute) => string | undefined,
): EmissionRouteDefinition {
  const { context, stocks, frame } = model;
  const stockName = need('stock', 'the accumulating stock (the landfill) whose inflow is deposited');
  const stock = stocks.find((candidate) => candidate.name === stockName);
  if (!stock) throw unknownNameError('stock', stockName, stocks.map((candidate) => candidate.name), context.at(childPath(path, 'stock')));
  if (stock.kind !== 'accumulate') {
    throw context.fail(`invalid landfill route: stock ${stockName} is ${stock.kind}`, childPath(path, 'stock'), 'first-order decay applies to what a landfill keeps: an accumulate stock');
  }
  if ((raw.k === undefined) === (raw.half_life === undefined)) throw context.fail('invalid landfill route: give exactly one of k and half_life', path, 'k is the decay rate per year; half_life = ln 2 / k, in years');
  const startMonth = raw.start_month ?? 13;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 13) {
    throw context.fail(`invalid start_month: ${startMonth}`, childPath(path, 'start_month'), 'the month decomposition starts in, 1 to 12, or 13 for the January after the deposit (the IPCC default)');
  }
  const recoveryUse = raw.recovery_use ?? 'flare';
  const electricity = optional('electricity');
  const gridFactor = optional('grid_factor');
  if (recoveryUse === 'energy' && (electricity === undefined || gridFactor === undefined)) {
    throw context.fail('missing key: electricity and grid_factor', path, 'landfill gas used for energy is credited with electricity per t of CH4 recovered and the CO2e each MWh avoids; or set recovery_use: flare');
  }
  if (recoveryUse === 'flare' && (electricity !== undefined || gridFactor !== undefined)) {
    throw context.fail('invalid key for flared landfill gas: electricity', childPath(path, electricity !== undefined ? 'electricity' : 'grid_factor'), 'only gas used for energy earns a credit: set recovery_use: energy');
  }
  if (raw.recovery === undefined && raw.recovery_use !== undefined) throw context.fail('missing key: recovery', path, 'recovery_use says what happens to recovered methane: give recovery (a share, or t of CH4 per year)');
  let history: { years: readonly number[]; values: Float64Array; dims: readonly string[] } | undefined;
  if (raw.history !== undefined) {
    const historyPath = childPath(path, 'history');
    const space = dimensionSpace(raw.history.dims ?? [], frame, childPath(historyPath, 'dims'), context, `landfill history of ${base.id}`);
    if ((raw.history.csv === undefined) === (raw.history.values === undefined)) throw context.fail('invalid history: give exactly one of csv and values', historyPath, 'deposits before the horizon by year: csv: data/file.csv or values: { 1990: …, … }');
    const subject = `landfill history of ${base.id}`;
    const points = raw.history.csv !== undefined ? readCsvData(raw.history.csv, space, childPath(historyPath, 'csv'), context, subject) : readInlineSeries(raw.history.values as NumberTree, space, childPath(historyPath, 'values'), context, subject);
    const late = points.years.findIndex((year) => year >= frame.time.start);
    if (late >= 0) throw new ModelError(`invalid history: ${points.years[late]} is not before ${frame.time.start}`, points.locations[late * space.size], `the history holds deposits before ${frame.time.start}; the model's own years come from the stock`);
    const gap = points.years.findIndex((year, i) => year !== (i + 1 < points.years.length ? points.years[i + 1] - 1 : frame.time.start - 1));
    if (gap >= 0) {
      const expected = gap + 1 < points.years.length ? points.years[gap] + 1 : frame.time.start - 1;
      throw new ModelError(`invalid history: no deposits given for ${expected}`, points.locations[gap * space.size], `give every year from ${points.years[0]} to ${frame.time.start - 1}, 0 where nothing was deposited`);
    }
    checkValues(points.values, { subject, signed: false, locate: (index) => points.locations[index], describe: (index) => yearItemLabel(space, points.years[Math.floor(index / space.size)], index % space.size) });
    history = { years: points.years, values: points.values, dims: space.dims };
  }
  return {
    ...base,
    kind: 'landfill',
    stock: stockName,
    doc: need('doc', 'degradable organic carbon per wet mass'),
    docf: need('docf', 'the share of DOC that decomposes'),
    mcf: need('mcf', 'the methane correction factor of the site'),
    f: need('f', 'the share of CH4 in landfill gas'),
    rate: raw.k !== undefined ? { k: String(raw.k) } : { halfLife: String(raw.half_life) },
    startMonth,
    oxidation: need('oxidation', 'the share of CH4 oxidised in the cover (OX; 0 without an oxidising cover)'),
    recovery: optional('recovery'),
    recoveryUse,
    electricity,
    gridFactor,
    history,
  };
}
