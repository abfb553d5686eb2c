import type { LoadContext } from '../definition/loadContext.js';
import { childPath } from '../definition/sourceMap.js';
import { unknownNameError } from '../errors.js';
import type { RawCityValue, RawModelValue, RawUncertainty } from './indexSchema.js';
import type { CityValue, ModelSeriesRef, ValueUncertainty } from './indexSpec.js';

/** One city's entry for an indicator: a cited number, a model series, or missing, checked where it is written. */
export function cityValue(raw: RawCityValue, path: string, sources: readonly string[], context: LoadContext): CityValue {
  if (raw === 'missing' || 'missing' in raw) return { kind: 'missing', note: raw === 'missing' ? undefined : raw.note, path };
  if (!sources.includes(raw.source)) throw unknownNameError('source', raw.source, sources, context.at(childPath(path, 'source')));
  if ('value' in raw) {
    if (!Number.isFinite(raw.value)) throw context.fail(`invalid value: ${raw.value}`, childPath(path, 'value'), 'values are finite numbers; write missing where no source gives one');
    const uncertainty = valueUncertainty(raw.uncertainty, childPath(path, 'uncertainty'), context);
    if (uncertainty?.kind === 'uniform' && !(uncertainty.min <= raw.value && raw.value <= uncertainty.max)) {
      throw context.fail(`invalid uncertainty: ${raw.value} lies outside [${uncertainty.min}, ${uncertainty.max}]`, childPath(path, 'uncertainty'), 'the range must hold the value it describes');
    }
    return { kind: 'number', value: raw.value, year: raw.year, source: raw.source, uncertainty, path };
  }
  return { kind: 'model', ref: modelSeriesRef(raw, path, context), source: raw.source, uncertainty: valueUncertainty(raw.uncertainty, childPath(path, 'uncertainty'), context), path };
}

function valueUncertainty(raw: RawUncertainty | undefined, path: string, context: LoadContext): ValueUncertainty | undefined {
  if (raw === undefined) return undefined;
  const given = (['sd', 'relative', 'min', 'max'] as const).filter((key) => raw[key] !== undefined);
  const hint = 'write one of { sd: 5 }, { relative: 0.1 } or { min: 10, max: 20 }';
  if (given.length === 0) throw context.fail('invalid uncertainty: empty', path, hint);
  for (const key of given) if (!Number.isFinite(raw[key])) throw context.fail(`invalid uncertainty: ${key} ${raw[key]}`, childPath(path, key), 'write a finite number');
  if (raw.sd !== undefined && given.length === 1) {
    if (raw.sd < 0) throw context.fail(`invalid uncertainty: sd ${raw.sd}`, childPath(path, 'sd'), 'a standard deviation is not negative');
    return { kind: 'normal', sd: raw.sd };
  }
  if (raw.relative !== undefined && given.length === 1) {
    if (raw.relative < 0) throw context.fail(`invalid uncertainty: relative ${raw.relative}`, childPath(path, 'relative'), 'a relative standard deviation is not negative');
    return { kind: 'relative', share: raw.relative };
  }
  if (raw.min !== undefined && raw.max !== undefined && given.length === 2) {
    if (!(raw.min < raw.max)) throw context.fail(`invalid uncertainty: min ${raw.min} is not below max ${raw.max}`, path, 'write min < max');
    return { kind: 'uniform', min: raw.min, max: raw.max };
  }
  throw context.fail(`invalid uncertainty: ${given.join(' and ')}`, path, hint);
}

function modelSeriesRef(raw: RawModelValue, path: string, context: LoadContext): ModelSeriesRef {
  const kinds = (['flow', 'stock', 'emission', 'indicator'] as const).filter((key) => raw[key] !== undefined);
  if (kinds.length !== 1) {
    throw context.fail(kinds.length === 0 ? 'invalid model value: no series named' : `invalid model value: ${kinds.join(' and ')}`, path, 'name exactly one series: flow: <id>, stock: <name> (with measure), emission: <route> (with measure) or indicator: <name>');
  }
  const measurePath = childPath(path, 'measure');
  let series: ModelSeriesRef['series'];
  if (raw.flow !== undefined || raw.indicator !== undefined) {
    const kind = raw.flow !== undefined ? 'flow' : 'indicator';
    if (raw.measure !== undefined) throw context.fail(`invalid measure: ${raw.measure}`, measurePath, `${kind === 'flow' ? 'a flow' : 'an indicator'} has no measure; measures are for stocks and emissions`);
    series = { kind, id: (raw.flow ?? raw.indicator)! };
  } else if (raw.stock !== undefined) {
    const measure = raw.measure ?? 'level';
    if (measure !== 'level' && measure !== 'inflow' && measure !== 'outflow') throw context.fail(`invalid measure: ${measure}`, measurePath, 'a stock\'s measure is level, inflow or outflow');
    series = { kind: 'stock', id: raw.stock, measure };
  } else {
    const measure = raw.measure ?? 'direct';
    if (measure !== 'direct' && measure !== 'credit' && measure !== 'net') throw context.fail(`invalid measure: ${measure}`, measurePath, 'an emission\'s measure is direct, credit or net');
    series = { kind: 'emission', id: raw.emission!, measure };
  }
  const items = raw.item === undefined ? undefined : typeof raw.item === 'string' ? { '': raw.item } : raw.item;
  return { model: raw.model, scenario: raw.scenario, year: raw.year, series, items, per: raw.per };
}
