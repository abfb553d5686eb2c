import type { FactorLibrary } from './factorLibrary.js';
import { count, LIMITS, limitError } from './limits.js';
import { createLoadContext, type DataFolders, type FileSource, type LoadContext } from './loadContext.js';
import { loadDrivers, type ModelFrame } from './loadDrivers.js';
import { loadEmissions } from './loadEmissions.js';
import { loadFlows } from './loadFlows.js';
import { loadIndicators } from './loadIndicators.js';
import { loadLibraries } from './loadLibraries.js';
import { loadObservations } from './loadObservations.js';
import { gwpSet, shippedLibraries } from './shippedLibraries.js';
import { loadParameters } from './loadParameters.js';
import { loadScenarios } from './loadScenarios.js';
import { loadStocks, survivalConvention } from './loadStocks.js';
import { createNamespace, type Namespace } from './namespace.js';
import { parseModelText } from './parseModelText.js';
import { modelSchema, type RawModel } from './schema.js';
import { schemaError } from './schemaIssues.js';
import { childPath } from './sourceMap.js';
import type { DimensionDefinition, ModelDefinition, ProcessDefinition } from './types.js';
import { abbreviate } from '../errors.js';

export type { DataFolders, FileSource } from './loadContext.js';

/** `file`, where data files come from, and which folders besides the model's they may come from. */
export interface LoadOptions extends FileSource, DataFolders {
  /** The model file as the user named it: messages name it, data files are relative to it, `.json` means JSON. */
  readonly file: string;
  /**
   * The text of a factor library shipped with metabolis (models/factors/<name>.yaml), and its
   * parsed form where the build kept one for that text; throws when there is none.
   */
  readonly readLibrary?: (name: string) => { readonly text: string; readonly file: string; readonly parsed?: FactorLibrary };
}

/**
 * Parses and validates a model file and reads its data files: text in, ModelDefinition out, or
 * a ModelError naming the file, the path in it, the line and what to do. Pure: data files come
 * through `options.readFile`, which is never asked for a path outside the model's folder and the
 * data roots. The mass unit and every expression are checked by the compiler.
 */
export function loadModelFromText(text: string, options: LoadOptions): ModelDefinition {
  const { data, sourceMap } = parseModelText(text, options.file);
  const context = createLoadContext(options.file, sourceMap, options);
  checkFormatVersion(data, context);
  const parsed = modelSchema.safeParse(data);
  if (!parsed.success) throw schemaError(parsed.error.issues, modelSchema, data, context);
  const raw = parsed.data;

  checkCounts(raw, context);
  const namespace = claimNames(raw, context);
  const dimensions = loadDimensions(raw.dimensions ?? {}, context);
  const frame: ModelFrame = { time: checkTime(raw.time, context), dimensions };
  const processes = raw.processes.map((entry, index): ProcessDefinition => {
    const path = childPath('processes', index);
    return typeof entry === 'string' ? { name: entry, stage: undefined, label: undefined, path } : { name: entry.name, stage: entry.stage, label: entry.label, path };
  });
  const processNames = processes.map((process) => process.name);
  const drivers = loadDrivers(raw.drivers ?? {}, frame, context);
  const libraries = shippedLibraries(options, context);
  const fromLibraries = loadLibraries(raw.libraries ?? {}, frame, libraries, context);
  const parameters = [...loadParameters(raw.parameters ?? {}, frame, context), ...fromLibraries.parameters];
  const survival = survivalConvention(raw.survival) ?? 'integer-age';
  const stocks = loadStocks(raw.stocks ?? {}, processNames, frame, survival, context);
  const stockDriven = new Set(stocks.filter((stock) => stock.kind === 'stock-driven').map((stock) => stock.process));

  const flows = loadFlows(raw.flows ?? [], processNames, stockDriven, context);
  const emissions =
    raw.emissions === undefined
      ? undefined
      : loadEmissions(raw.emissions, raw.gwp, { frame, flows, processes: processNames, stocks, context, namedGwp: (name, path) => gwpSet(libraries.get('gwp', path), name, path, context) });
  const { indicators, targets } = loadIndicators(raw.indicators ?? {}, raw.targets ?? {}, { frame, flows, drivers: drivers.map((driver) => driver.definition.name), context });
  for (const indicator of indicators.slice(Object.keys(raw.indicators ?? {}).length)) namespace.claim(indicator.name, 'indicator of a target preset', indicator.path);
  if (raw.gwp !== undefined && raw.emissions === undefined) throw context.fail('invalid key: gwp without emissions', 'gwp', 'gwp weighs the gases of the emissions section; add emissions or remove gwp');

  return deepFreeze({
    formatVersion: 1,
    name: raw.name,
    file: options.file,
    time: frame.time,
    massUnit: raw.unit,
    countUnits: raw.units ?? [],
    dimensions,
    drivers: drivers.map((driver) => driver.definition),
    parameters: parameters.map((parameter) => parameter.definition),
    processes,
    flows,
    stocks,
    scenarios: loadScenarios(raw.scenarios ?? {}, parameters, drivers, frame, context),
    survival,
    emissions,
    factorSources: fromLibraries.sources,
    indicators,
    targets,
    observations: loadObservations(raw.observations ?? {}, { frame, flows, stocks, context }),
    sourceMap,
  });
}

/** Checked before the schema, so that a file from a later format gets this message, not a list of unknown keys. */
function checkFormatVersion(data: unknown, context: LoadContext): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw context.fail('invalid model: the file is not a map of keys', '', 'a model file starts with metabolis: 1, name, time, unit, …');
  }
  const version = (data as Record<string, unknown>).metabolis;
  if (version === undefined) throw context.fail('missing format version', '', 'start the file with metabolis: 1');
  if (version !== 1) throw context.fail(`unsupported format version: ${abbreviate(JSON.stringify(version) ?? String(version))}`, 'metabolis', 'this version of metabolis reads format 1');
}

/** Years are calendar years: four digits at most. */
const LAST_YEAR = 9999;

/** Whole years, at least two of them (a dynamic model needs a step) and at most LIMITS.years, in order. */
function checkTime(time: RawModel['time'], context: LoadContext): ModelDefinition['time'] {
  for (const key of ['start', 'end'] as const) {
    if (!Number.isInteger(time[key])) throw context.fail(`invalid time: ${key} ${time[key]} is not a whole year`, childPath('time', key), 'years are whole numbers, e.g. 2015');
    if (time[key] < 0 || time[key] > LAST_YEAR) throw context.fail(`invalid time: ${key} ${time[key]} is not a year between 0 and ${LAST_YEAR}`, childPath('time', key), 'years are calendar years, e.g. 2015');
  }
  if (time.end < time.start) throw context.fail(`reversed time range: end ${time.end} is before start ${time.start}`, 'time', `did you mean time: { start: ${time.end}, end: ${time.start} }?`);
  if (time.end === time.start) {
    throw context.fail(`empty time range: ${time.start}–${time.end} has no step from one year to the next`, 'time', 'a dynamic model runs over at least two years; set time.end after time.start');
  }
  const years = time.end - time.start + 1;
  if (years > LIMITS.years) {
    throw limitError(`horizon too long: ${time.start}–${time.end} has ${years} years, more than ${LIMITS.years}`, context.at('time'), 'split the horizon into shorter models, or run in steps of several years');
  }
  return { start: time.start, end: time.end };
}

/** Processes, flows, drivers and parameters, and scenarios within their limits: compiling and running take time in their number. */
function checkCounts(raw: RawModel, context: LoadContext): void {
  const counts = [
    ['processes', raw.processes.length, LIMITS.processes],
    ['flows', raw.flows?.length ?? 0, LIMITS.flows],
    ['drivers and parameters', Object.keys(raw.drivers ?? {}).length + Object.keys(raw.parameters ?? {}).length, LIMITS.quantities],
    ['scenarios', Object.keys(raw.scenarios ?? {}).length, LIMITS.scenarios],
  ] as const;
  for (const [what, given, limit] of counts) {
    if (given > limit) {
      const path = what === 'drivers and parameters' ? (raw.parameters ? 'parameters' : 'drivers') : what;
      throw limitError(`too many ${what}: ${count(given)}, more than ${count(limit)}`, context.at(path), 'split the model into several, or group items of the same kind with a dimension');
    }
  }
}

function claimNames(raw: RawModel, context: LoadContext): Namespace {
  const namespace = createNamespace(context);
  const claimAll = (section: 'dimensions' | 'drivers' | 'parameters' | 'stocks' | 'indicators', kind: string) => {
    for (const name of Object.keys(raw[section] ?? {})) namespace.claim(name, kind, childPath(section, name));
  };
  claimAll('dimensions', 'dimension');
  claimAll('drivers', 'driver');
  claimAll('parameters', 'parameter');
  for (const [prefix, use] of Object.entries(raw.libraries ?? {})) {
    use.tables.forEach((table, index) => namespace.claim(`${prefix}_${table}`, `parameter from library ${use.library}`, childPath(childPath(childPath('libraries', prefix), 'tables'), index)));
  }
  raw.processes.forEach((entry, index) => namespace.claim(typeof entry === 'string' ? entry : entry.name, 'process', childPath('processes', index)));
  claimAll('stocks', 'stock');
  claimAll('indicators', 'indicator');
  const tags = new Set<string>();
  (raw.flows ?? []).forEach((flow, index) => {
    for (const tag of flow.tags ?? []) {
      if (!tags.has(tag)) namespace.claim(tag, 'tag of flows', childPath(childPath('flows', index), 'tags'));
      tags.add(tag);
    }
  });
  return namespace;
}

function loadDimensions(dimensions: Readonly<Record<string, readonly string[]>>, context: LoadContext): DimensionDefinition[] {
  return Object.entries(dimensions).map(([name, items]) => {
    const path = childPath('dimensions', name);
    if (items.length > LIMITS.itemsPerDimension) {
      throw limitError(`too many items: dimension ${name} has ${count(items.length)}, more than ${count(LIMITS.itemsPerDimension)}`, context.at(path), 'group items into fewer, larger ones');
    }
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item)) throw context.fail(`duplicate item: ${item} in dimension ${name}`, childPath(path, index), 'list each item once');
      seen.add(item);
    });
    return { name, items: [...items] };
  });
}

/** The definition is shared by every compile and run: freeze it so nothing can change it under them. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
