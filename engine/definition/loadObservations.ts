import { ModelError, unknownNameError } from '../errors.js';
import { dimensionSpace, type DimensionSpace } from './dimensionSpace.js';
import type { ModelFrame } from './loadDrivers.js';
import type { LoadContext } from './loadContext.js';
import { csvPoints, inlinePoints, type WrittenPoint } from './observationPoints.js';
import type { RawObservation, RawObservations } from './observationsSchema.js';
import type { ObservationDefinition, ObservationPoints, ObservedQuantityDefinition } from './observationTypes.js';
import { childPath } from './sourceMap.js';
import { OUTSIDE, type FlowDefinition, type StockDefinition } from './types.js';

export interface ObservationContext {
  readonly frame: ModelFrame;
  readonly flows: readonly FlowDefinition[];
  readonly stocks: readonly StockDefinition[];
  readonly context: LoadContext;
}

const QUANTITY_KEYS = ['flow', 'sum', 'tag', 'stock', 'share', 'concentration'] as const;

/**
 * Observations with the checks that need only names and numbers: what is measured exists, the
 * items exist, every value has an uncertainty, years lie in the horizon, signs fit the quantity
 * (flows, levels and concentrations non-negative, shares within [0, 1]), a concentration names
 * its substance. Which dimensions each quantity has, and
 * units, are the compiler's to check (engine/observations).
 */
export function loadObservations(raw: RawObservations, model: ObservationContext): ObservationDefinition[] {
  return Object.entries(raw).map(([name, observation]) => {
    const path = childPath('observations', name);
    const quantity = observedQuantity(name, observation, path, model);
    const item = itemSelection(observation.item, childPath(path, 'item'), model);
    const space = dimensionSpace(observation.dims ?? [], model.frame, childPath(path, 'dims'), model.context, `observation ${name}`);
    const fixed = space.listed.find((dimension) => dimension.name in item || (item[''] !== undefined && dimension.items.includes(item[''])))?.name;
    if (fixed !== undefined) throw model.context.fail(`invalid observation: ${name} both fixes an item of ${fixed} and gives values per item of it`, childPath(path, 'dims'), `remove ${fixed} from dims or from item`);
    if (quantity.kind === 'share' && observation.unit !== undefined) {
      throw model.context.fail(`invalid unit: observation ${name} is a share`, childPath(path, 'unit'), 'a transfer coefficient is dimensionless, a number from 0 to 1; remove unit');
    }
    const substance = observedSubstance(name, observation, quantity, path, model.context);
    const points = observedPoints(name, observation, quantity, space, path, model);
    return {
      name,
      quantity,
      substance,
      item,
      dims: space.dims,
      unit: observation.unit === undefined ? undefined : String(observation.unit),
      points,
      label: observation.label,
      source: observation.source,
      path,
    };
  });
}

function observedQuantity(name: string, raw: RawObservation, path: string, { flows, stocks, context }: ObservationContext): ObservedQuantityDefinition {
  const given = QUANTITY_KEYS.filter((key) => raw[key] !== undefined);
  if (given.length !== 1) {
    throw context.fail(`invalid observation: ${name} needs exactly one of ${QUANTITY_KEYS.join(', ')}`, path, given.length === 0 ? 'say what was measured, e.g. flow: collection->landfill' : `it gives ${given.join(' and ')}; keep one`);
  }
  if (raw.measure !== undefined && raw.stock === undefined) throw context.fail(`invalid observation: ${name} has measure but no stock`, childPath(path, 'measure'), 'measure: level or change applies to a stock');
  const ids = flows.map((flow) => flow.id);
  const flowId = (id: string, at: string) => {
    if (!ids.includes(id)) throw unknownNameError('flow', id, ids, context.at(at));
    return id;
  };
  if (raw.flow !== undefined) return { kind: 'flows', flows: [flowId(raw.flow, childPath(path, 'flow'))], tag: undefined };
  if (raw.sum !== undefined) {
    raw.sum.forEach((id, index) => {
      if (raw.sum!.indexOf(id) !== index) throw context.fail(`duplicate flow: ${id} in the sum of observation ${name}`, childPath(childPath(path, 'sum'), index), 'list each flow once');
    });
    return { kind: 'flows', flows: raw.sum.map((id, index) => flowId(id, childPath(childPath(path, 'sum'), index))), tag: undefined };
  }
  if (raw.tag !== undefined) {
    const tagged = flows.filter((flow) => flow.tags.includes(raw.tag!)).map((flow) => flow.id);
    if (tagged.length === 0) throw unknownNameError('tag', raw.tag, new Set(flows.flatMap((flow) => flow.tags)), context.at(childPath(path, 'tag')));
    return { kind: 'flows', flows: tagged, tag: raw.tag };
  }
  if (raw.stock !== undefined) {
    if (!stocks.some((stock) => stock.name === raw.stock)) throw unknownNameError('stock', raw.stock, stocks.map((stock) => stock.name), context.at(childPath(path, 'stock')));
    return { kind: 'stock', stock: raw.stock, measure: raw.measure ?? 'level' };
  }
  if (raw.concentration !== undefined) return { kind: 'concentration', flow: flowId(raw.concentration, childPath(path, 'concentration')) };
  const flow = flows.find((candidate) => candidate.id === flowId(raw.share!, childPath(path, 'share')))!;
  if (flow.from === OUTSIDE) {
    throw context.fail(`invalid observation: ${name} is a share of flow ${flow.id}, which comes from outside`, childPath(path, 'share'), 'a transfer coefficient is a share of what leaves a process; observe the flow itself instead');
  }
  return { kind: 'share', flow: flow.id };
}

/** The substance a concentration needs and a flow or stock may name; a share is of the goods only. */
function observedSubstance(name: string, raw: RawObservation, quantity: ObservedQuantityDefinition, path: string, context: LoadContext): string | undefined {
  if (quantity.kind === 'concentration' && raw.substance === undefined) {
    throw context.fail(`invalid observation: ${name} is a concentration of no substance`, childPath(path, 'concentration'), 'name what was measured in the flow, e.g. substance: cadmium');
  }
  if (quantity.kind === 'share' && raw.substance !== undefined) {
    throw context.fail(`invalid observation: ${name} is a share of substance ${raw.substance}`, childPath(path, 'substance'), "transfer coefficients are of the goods; observe the substance's flows or its concentration in them instead");
  }
  return raw.substance;
}

/** `paper` (an item of the quantity's only dimension, resolved by the compiler) or `{ stream: paper }`. */
function itemSelection(raw: RawObservation['item'], path: string, { frame, context }: ObservationContext): Readonly<Record<string, string>> {
  if (raw === undefined) return {};
  if (typeof raw === 'string') {
    if (!frame.dimensions.some((dimension) => dimension.items.includes(raw))) {
      throw unknownNameError('item', raw, frame.dimensions.flatMap((dimension) => dimension.items), context.at(path));
    }
    return { '': raw };
  }
  for (const [dimensionName, item] of Object.entries(raw)) {
    const dimension = frame.dimensions.find((candidate) => candidate.name === dimensionName);
    if (!dimension) throw unknownNameError('dimension', dimensionName, frame.dimensions.map((candidate) => candidate.name), context.at(path));
    if (!dimension.items.includes(item)) throw unknownNameError(`item of ${dimensionName}`, item, dimension.items, context.at(childPath(path, dimensionName)));
  }
  return { ...raw };
}

/** Every value with its standard deviation, checked, in year and item order. */
function observedPoints(
  name: string,
  raw: RawObservation,
  quantity: ObservedQuantityDefinition,
  space: DimensionSpace,
  path: string,
  { frame, context }: ObservationContext,
): ObservationPoints {
  if ((raw.csv === undefined) === (raw.values === undefined)) {
    throw context.fail(`invalid observation: ${name} needs exactly one of values and csv`, path, 'give the data inline as values: { 2019: 120, … } or as csv: data/file.csv');
  }
  for (const key of ['sd', 'cv'] as const) {
    const value = raw[key];
    if (value !== undefined && !(value >= 0)) throw context.fail(`invalid ${key}: ${value} in observation ${name}`, childPath(path, key), `${key} is a non-negative number (0: exact)`);
  }
  if (raw.sd !== undefined && raw.cv !== undefined) throw context.fail(`invalid observation: ${name} gives both sd and cv`, childPath(path, 'cv'), 'give one uncertainty for the values without their own: sd (absolute) or cv (relative)');
  const written = raw.csv !== undefined ? csvPoints(raw.csv, space, childPath(path, 'csv'), context) : inlinePoints(raw.values!, space, childPath(path, 'values'), context);
  if (written.length === 0) throw context.fail(`no data: observation ${name} gives no values`, path, 'give at least one year');
  const { start, end } = frame.time;
  const describe = (point: WrittenPoint) => `${point.year}${space.listed.length > 0 ? `, ${space.itemLabel(point.item)}` : ''}`;
  const sds = written.map((point) => {
    if (point.year < start || point.year > end) throw new ModelError(`invalid year: observation ${name} gives ${point.year}, outside the horizon ${start}–${end}`, point.at, 'observations are of model years; remove the value or widen time');
    if (!Number.isFinite(point.value)) throw new ModelError(`non-finite value in observation ${name} (${describe(point)}: ${point.value})`, point.at, 'every value must be a finite number');
    checkSign(name, quantity, point, describe(point));
    const own = point.own;
    const sd = own === undefined ? (raw.sd ?? (raw.cv === undefined ? undefined : raw.cv * Math.abs(point.value))) : 'sd' in own ? own.sd : own.cv * Math.abs(point.value);
    if (sd === undefined) {
      throw new ModelError(`missing uncertainty: observation ${name} gives no sd for ${describe(point)}`, point.at, 'give the observation sd: (absolute) or cv: (relative), or this value its own ({ value, sd }, a range { low, high }, or an sd or cv column)');
    }
    if (!(sd >= 0 && sd < Infinity)) throw new ModelError(`invalid uncertainty: observation ${name} has sd ${sd} for ${describe(point)}`, point.at, 'an sd or cv is a finite number ≥ 0 (0: exact)');
    return sd;
  });
  const order = written.map((_, index) => index).sort((a, b) => written[a].year - written[b].year || written[a].item - written[b].item);
  order.forEach((index, position) => {
    const previous = position > 0 ? written[order[position - 1]] : undefined;
    if (previous && previous.year === written[index].year && previous.item === written[index].item) {
      throw new ModelError(`duplicate year: observation ${name} gives ${describe(written[index])} twice`, written[index].at, 'give each year (and item) once; a second source of the same quantity is an observation of its own');
    }
  });
  return {
    years: Int32Array.from(order, (index) => written[index].year),
    items: Int32Array.from(order, (index) => written[index].item),
    values: Float64Array.from(order, (index) => written[index].value),
    sds: Float64Array.from(order, (index) => sds[index]),
  };
}

function checkSign(name: string, quantity: ObservedQuantityDefinition, point: WrittenPoint, where: string): void {
  if (quantity.kind === 'share' && !(point.value >= 0 && point.value <= 1)) {
    throw new ModelError(`invalid share: observation ${name} gives ${point.value} for ${where}`, point.at, 'a transfer coefficient is a share of the source process\'s outflow, from 0 to 1');
  }
  const signed = quantity.kind === 'stock' && quantity.measure === 'change';
  if (!signed && point.value < 0) {
    throw new ModelError(`negative value in observation ${name} (${where}: ${point.value})`, point.at, 'flows, stock levels and concentrations are non-negative; a stock change (measure: change) may be negative');
  }
}
