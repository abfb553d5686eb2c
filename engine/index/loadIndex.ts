import { createLoadContext, type LoadContext } from '../definition/loadContext.js';
import { parseModelText } from '../definition/parseModelText.js';
import { schemaError } from '../definition/schemaIssues.js';
import { childPath } from '../definition/sourceMap.js';
import { unknownNameError } from '../errors.js';
import { checkMethods } from './checkMethods.js';
import { cityValue } from './cityValue.js';
import { DEFAULT_METHOD, type Aggregation, type Imputation, type IndexMethod, type Normalisation } from './indexMethod.js';
import { indexFileSchema, type RawIndex } from './indexSchema.js';
import type { CitySpec, DimensionSpec, IndexSpec, IndicatorSpec, UncertaintySettings } from './indexSpec.js';

/** Choices given on the command line, which take the place of the file's. */
export interface IndexOverrides extends Partial<IndexMethod> {
  readonly samples?: number;
  readonly seed?: number;
}

const UNCERTAINTY_DEFAULTS = { samples: 256, seed: 1, weightSpread: 0.25, values: true, resamples: 200 };

/**
 * Parses and checks an index file (`metabolis-index: 1`): text in, IndexSpec out, or a ModelError
 * with the file, the line, the path and what to do — the same errors as model files. Pure: values
 * from model runs stay references until resolveModelValues.
 */
export function loadIndexFromText(text: string, file: string, overrides: IndexOverrides = {}): IndexSpec {
  const { data, sourceMap } = parseModelText(text, file);
  const context = createLoadContext(file, sourceMap, {
    readFile: (path) => {
      throw new Error(`an index file reads no data files (asked for ${path})`);
    },
  });
  checkFormatVersion(data, context);
  const parsed = indexFileSchema.safeParse(data);
  if (!parsed.success) throw schemaError(parsed.error.issues, indexFileSchema, data, context, 'the index file');
  const raw = parsed.data;

  const cities = Object.entries(raw.cities).map(([id, city]): CitySpec => ({ id, label: city.label ?? id, country: city.country }));
  if (cities.length < 2) throw context.fail(`invalid cities: ${cities.length} given`, 'cities', 'an index compares at least two cities');
  const sourceKeys = Object.keys(raw.sources);
  const dimensions: DimensionSpec[] = [];
  const indicators: IndicatorSpec[] = [];
  const seen = new Map<string, string>();
  for (const [dimensionId, dimension] of Object.entries(raw.dimensions)) {
    const dimensionPath = childPath('dimensions', dimensionId);
    checkWeight(dimension.weight, childPath(dimensionPath, 'weight'), context);
    const entries = Object.entries(dimension.indicators);
    if (entries.length === 0) throw context.fail(`invalid dimension: ${dimensionId} has no indicators`, childPath(dimensionPath, 'indicators'), 'give the dimension at least one indicator, or remove it');
    dimensions.push({ id: dimensionId, label: dimension.label ?? dimensionId, weight: dimension.weight, path: dimensionPath });
    for (const [id, indicator] of entries) {
      const path = childPath(childPath(dimensionPath, 'indicators'), id);
      const earlier = seen.get(id);
      if (earlier !== undefined) throw context.fail(`duplicate indicator: ${id}`, path, `${id} is already an indicator of dimension ${earlier}; indicator names are unique across dimensions`);
      seen.set(id, dimensionId);
      checkWeight(indicator.weight, childPath(path, 'weight'), context);
      const valuesPath = childPath(path, 'values');
      for (const key of Object.keys(indicator.values)) {
        if (!cities.some((city) => city.id === key)) throw unknownNameError('city', key, cities.map((city) => city.id), context.at(childPath(valuesPath, key)));
      }
      const values = cities.map((city) => {
        const rawValue = indicator.values[city.id];
        if (rawValue === undefined) throw context.fail(`missing value: ${city.id} for indicator ${id}`, valuesPath, `write ${city.id}: missing where no source gives a value, or its value with its source`);
        return cityValue(rawValue, childPath(valuesPath, city.id), sourceKeys, context);
      });
      if (values.every((value) => value.kind === 'missing')) throw context.fail(`invalid indicator: no city has a value for ${id}`, valuesPath, 'an indicator needs a value for at least one city; remove it or give values');
      indicators.push({
        id,
        dimension: dimensions.length - 1,
        label: indicator.label ?? id,
        unit: indicator.unit,
        direction: indicator.direction,
        weight: indicator.weight,
        target: indicator.target,
        imputation: indicator.imputation,
        definition: indicator.definition,
        values,
        path,
      });
    }
  }
  if (dimensions.length === 0) throw context.fail('invalid dimensions: none given', 'dimensions', 'an index has at least one dimension with indicators');
  const weighted = methodDimensionWeights(raw, dimensions, context);

  const { normalisation, aggregation, weights, imputation } = overrides;
  const fileMethod = raw.method ?? {};
  const method: IndexMethod = {
    ...DEFAULT_METHOD,
    ...definedOnly({ normalisation: fileMethod.normalisation, aggregation: fileMethod.aggregation, weights: fileMethod.weights, imputation: fileMethod.imputation }),
    ...definedOnly({ normalisation, aggregation, weights, imputation }),
  };
  const uncertainty = uncertaintySettings(raw, method, overrides);
  const spec: IndexSpec = { file, sourceMap, name: raw.name, description: raw.description, cities, dimensions: weighted, indicators, sources: sourcesOf(raw), method, uncertainty };
  checkMethods(spec, context);
  return spec;
}

function checkFormatVersion(data: unknown, context: LoadContext): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw context.fail('invalid index: the file is not a map of keys', '', 'an index file starts with metabolis-index: 1, name, cities, dimensions, sources');
  }
  const version = (data as Record<string, unknown>)['metabolis-index'];
  if (version === undefined) throw context.fail('missing format version', '', 'start the file with metabolis-index: 1');
  if (version !== 1) throw context.fail(`unsupported format version: ${JSON.stringify(version)}`, 'metabolis-index', 'this version of metabolis reads index format 1');
}

/** The dimensions with the weights of method.dimension_weights in place of their own; a name that is no dimension is an error. */
function methodDimensionWeights(raw: RawIndex, dimensions: readonly DimensionSpec[], context: LoadContext): DimensionSpec[] {
  const given = raw.method?.dimension_weights ?? {};
  const path = childPath('method', 'dimension_weights');
  for (const [id, weight] of Object.entries(given)) {
    if (!dimensions.some((dimension) => dimension.id === id)) throw unknownNameError('dimension', id, dimensions.map((dimension) => dimension.id), context.at(childPath(path, id)));
    checkWeight(weight, childPath(path, id), context);
  }
  return dimensions.map((dimension) => (given[dimension.id] === undefined ? dimension : { ...dimension, weight: given[dimension.id], path: childPath(path, dimension.id) }));
}

function checkWeight(weight: number | undefined, path: string, context: LoadContext): void {
  if (weight !== undefined && !(Number.isFinite(weight) && weight >= 0)) throw context.fail(`invalid weight: ${weight}`, path, 'weights are finite and not negative; they are normalised to sum 1');
}

function uncertaintySettings(raw: RawIndex, method: IndexMethod, overrides: IndexOverrides): UncertaintySettings {
  const given = raw.uncertainty ?? {};
  const list = <T>(value: T | readonly T[] | undefined, fallback: T): readonly T[] => (value === undefined ? [fallback] : Array.isArray(value) ? [...new Set(value)] : [value as T]);
  return {
    samples: overrides.samples ?? given.samples ?? UNCERTAINTY_DEFAULTS.samples,
    seed: overrides.seed ?? given.seed ?? UNCERTAINTY_DEFAULTS.seed,
    normalisations: list<Normalisation>(given.normalisations, method.normalisation),
    aggregations: list<Aggregation>(given.aggregations, method.aggregation),
    imputations: list<Imputation>(given.imputations, method.imputation),
    weightSpread: given.weights ?? UNCERTAINTY_DEFAULTS.weightSpread,
    values: given.values ?? UNCERTAINTY_DEFAULTS.values,
    resamples: given.resamples ?? UNCERTAINTY_DEFAULTS.resamples,
  };
}

function sourcesOf(raw: RawIndex): IndexSpec['sources'] {
  return Object.fromEntries(Object.entries(raw.sources).map(([key, source]) => [key, { citation: source.citation, url: source.url, licence: source.licence, read: source.read }]));
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
