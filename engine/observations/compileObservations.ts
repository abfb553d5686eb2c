import type { CompiledModel } from '../compile/compiledModel.js';
import { itemLabel, sizeOf } from '../compile/dimensionIndex.js';
import { locate } from '../definition/locate.js';
import type { ObservationDefinition } from '../definition/observationTypes.js';
import { childPath } from '../definition/sourceMap.js';
import { ModelError } from '../errors.js';
import { createUnitSystem } from '../expr/unitSystem.js';
import type { CompiledObservation, ObservationCell, ObservationKind, ObservedGroup } from './observationTypes.js';

/** A flow or stock an observation reads, with its dimensions (model positions). */
interface ObservedSeries {
  readonly series: 'flow' | 'stock';
  readonly index: number;
  readonly name: string;
  readonly dims: readonly number[];
}

/**
 * Binds a model's observations to its compiled flows and stocks: the items each observation
 * fixes and is given by must be dimensions of what it observes, and its unit must be one the
 * quantity can be read in (a mass per year for flows, a mass for stocks, none for a share, a
 * mass fraction at most 1 for a concentration);
 * values and sds are converted to the model's units. Throws ModelError at the observation.
 * A run never reads observations, so `compile` leaves them alone; this is called by what uses them.
 */
export function compileObservations(model: CompiledModel): CompiledObservation[] {
  const { definition } = model;
  const units = createUnitSystem(definition.countUnits, locate(definition, 'units'));
  const flowIndex = new Map(model.flows.map((flow, f) => [flow.id, f]));
  const stockIndex = new Map(model.stocks.map((stock, s) => [stock.name, s]));
  const dimensionNames = definition.dimensions.map((dimension) => dimension.name);
  const allItems = definition.dimensions.map((dimension) => dimension.items);

  return definition.observations.map((observation): CompiledObservation => {
    const at = (key: string) => locate(definition, key === '' ? observation.path : childPath(observation.path, key));
    const quantity = observation.quantity;
    const flowSeries = (id: string): ObservedSeries => ({ series: 'flow', index: flowIndex.get(id)!, name: `flow ${id}`, dims: model.flows[flowIndex.get(id)!].dims });
    const kind: ObservationKind = quantity.kind === 'flows' ? 'flow' : quantity.kind === 'stock' ? quantity.measure : quantity.kind;
    const read: ObservedSeries[] =
      quantity.kind === 'flows'
        ? quantity.flows.map(flowSeries)
        : quantity.kind !== 'stock'
          ? [flowSeries(quantity.flow)]
          : [{ series: 'stock', index: stockIndex.get(quantity.stock)!, name: `stock ${quantity.stock}`, dims: model.stocks[stockIndex.get(quantity.stock)!].dims }];
    const observedDims = observation.dims.map((name) => dimensionNames.indexOf(name));
    const fixed = read.map((series) => fixedItems(series, observation, dimensionNames, allItems, at));
    for (const series of read) {
      const missing = observedDims.find((dim) => !series.dims.includes(dim));
      if (missing !== undefined) {
        throw new ModelError(`invalid dims: ${series.name} has no dimension ${dimensionNames[missing]}`, at('dims'), `${series.name} is over ${describeDims(series.dims, dimensionNames)}; give values per item of those only`);
      }
    }
    const denominatorSeries = quantity.kind === 'share' ? outflowsOfSource(model, read[0].index) : [];
    const groupCount = sizeOf(observedDims, model.itemCounts);
    const groups = Array.from({ length: groupCount }, (_, group): ObservedGroup => {
      const items = itemLabel(observedDims, allItems, group);
      const wanted = new Map(observedDims.map((dim, d) => [dim, items[d]]));
      return {
        items,
        cells: read.flatMap((series, s) => cellsOf(series, fixed[s], wanted, allItems)),
        denominator: denominatorSeries.flatMap((series) => cellsOf(series, fixed[0], wanted, allItems)),
      };
    });

    const unit = kind === 'flow' ? `${definition.massUnit}/yr` : kind === 'share' || kind === 'concentration' ? '1' : definition.massUnit;
    const factor = kind === 'concentration' ? massFraction(observation, units, at) : conversion(observation, unit, units, at);
    const { years, items, values, sds } = observation.points;
    const over = kind === 'concentration' ? values.findIndex((value) => value * factor > 1) : -1;
    if (over >= 0) {
      throw new ModelError(`invalid concentration: observation ${observation.name} gives ${values[over]}${observation.unit === undefined ? '' : ` ${observation.unit}`} in ${years[over]}, over 1 (100 %)`, at(observation.unit === undefined ? '' : 'unit'), 'a concentration is a mass fraction, at most 1; give the unit the values are in, e.g. unit: mg/kg');
    }
    return {
      name: observation.name,
      label: observation.label,
      source: observation.source,
      kind,
      substance: observation.substance,
      subject: subjectOf(observation),
      fixedItems: Object.entries(observation.item).map(([dimension, item]) => (dimension === '' ? item : `${dimension} ${item}`)).join(', '),
      dims: observation.dims,
      unit,
      groups,
      points: {
        t: Int32Array.from(years, (year) => year - definition.time.start),
        group: Int32Array.from(items),
        value: Float64Array.from(values, (value) => value * factor),
        sd: Float64Array.from(sds, (sd) => sd * factor),
      },
      path: observation.path,
    };
  });
}

/** Dimension position -> item index fixed by the observation's `item`, for one series. */
function fixedItems(
  series: ObservedSeries,
  observation: ObservationDefinition,
  dimensionNames: readonly string[],
  allItems: readonly (readonly string[])[],
  at: (key: string) => ReturnType<typeof locate>,
): Map<number, string> {
  const fixed = new Map<number, string>();
  for (const [name, item] of Object.entries(observation.item)) {
    const candidates = name === '' ? series.dims.filter((dim) => allItems[dim].includes(item)) : series.dims.filter((dim) => dimensionNames[dim] === name);
    if (candidates.length === 0) {
      const what = name === '' ? `no dimension with the item ${item}` : `no dimension ${name}`;
      throw new ModelError(`invalid item: ${series.name} has ${what}`, at('item'), `${series.name} is over ${describeDims(series.dims, dimensionNames)}`);
    }
    if (candidates.length > 1) {
      throw new ModelError(`invalid item: ${item} is an item of ${candidates.map((dim) => dimensionNames[dim]).join(' and ')}`, at('item'), `name the dimension: item: { ${dimensionNames[candidates[0]]}: ${item} }`);
    }
    fixed.set(candidates[0], item);
  }
  return fixed;
}

/** The items of a series whose item names match the fixed ones and the group's. */
function cellsOf(series: ObservedSeries, fixed: ReadonlyMap<number, string>, wanted: ReadonlyMap<number, string>, allItems: readonly (readonly string[])[]): ObservationCell[] {
  const cells: ObservationCell[] = [];
  const size = series.dims.reduce((product, dim) => product * allItems[dim].length, 1);
  for (let item = 0; item < size; item++) {
    const names = itemLabel(series.dims, allItems, item);
    const matches = series.dims.every((dim, d) => (fixed.get(dim) ?? wanted.get(dim) ?? names[d]) === names[d]);
    if (matches) cells.push({ series: series.series, index: series.index, item });
  }
  return cells;
}

/** Every flow out of the share's source process: what a transfer coefficient is a share of. */
function outflowsOfSource(model: CompiledModel, flow: number): ObservedSeries[] {
  const source = model.flows[flow].from;
  return model.flows.flatMap((candidate, f) => (candidate.from === source ? [{ series: 'flow' as const, index: f, name: `flow ${candidate.id}`, dims: candidate.dims }] : []));
}

/** What a value in the observation's unit is multiplied by to read in the model's `unit`. */
function conversion(observation: ObservationDefinition, unit: string, units: ReturnType<typeof createUnitSystem>, at: (key: string) => ReturnType<typeof locate>): number {
  if (observation.unit === undefined) return 1;
  const written = units.parse(observation.unit, at('unit'));
  const factor = units.factorTo(written, unit);
  if (factor === undefined) {
    const expected = unit === '1' ? 'dimensionless' : unit.endsWith('/yr') ? 'a mass per time, such as t/yr or kg/d' : 'a mass, such as t or kt';
    throw new ModelError(`unit mismatch: observation ${observation.name} is in ${observation.unit}, not ${expected}`, at('unit'), `an observation of ${subjectOf(observation)} is ${expected}`);
  }
  return units.toSI(written) * factor;
}

/**
 * What a concentration in the observation's unit is multiplied by to be a mass fraction: `%`,
 * `ppm` and `ppb` (which mathjs does not know), or a mass over a mass (`mg/kg`, `g/t`); none is 1.
 */
function massFraction(observation: ObservationDefinition, units: ReturnType<typeof createUnitSystem>, at: (key: string) => ReturnType<typeof locate>): number {
  if (observation.unit === undefined) return 1;
  const named = FRACTION_UNITS.get(observation.unit.trim());
  if (named !== undefined) return named;
  const written = units.parse(observation.unit, at('unit'));
  const massesOnly = written.symbols.every(([symbol]) => units.isMass(units.parse(symbol, at('unit'))));
  if (!units.isDimensionless(written) || !massesOnly) {
    throw new ModelError(`unit mismatch: observation ${observation.name} is in ${observation.unit}, not a mass fraction`, at('unit'), `a concentration of ${observation.substance} is a mass over a mass, such as mg/kg, g/t, %, ppm or 1`);
  }
  return units.toSI(written);
}

const FRACTION_UNITS: ReadonlyMap<string, number> = new Map([
  ['%', 1e-2],
  ['ppm', 1e-6],
  ['ppb', 1e-9],
]);

function subjectOf(observation: ObservationDefinition): string {
  const quantity = observation.quantity;
  const of = observation.substance === undefined ? '' : `${observation.substance} in `;
  if (quantity.kind === 'share') return `share of flow ${quantity.flow}`;
  if (quantity.kind === 'concentration') return `concentration of ${of}flow ${quantity.flow}`;
  if (quantity.kind === 'stock') return quantity.measure === 'change' ? `change of ${of}stock ${quantity.stock}` : `${of}stock ${quantity.stock}`;
  if (quantity.tag !== undefined) return `${of}tag ${quantity.tag}`;
  return `${of}${quantity.flows.length === 1 ? `flow ${quantity.flows[0]}` : `flows ${quantity.flows.join(' + ')}`}`;
}

function describeDims(dims: readonly number[], names: readonly string[]): string {
  return dims.length === 0 ? 'no dimensions' : dims.map((dim) => names[dim]).join(', ');
}
