import { unknownNameError } from '../errors.js';
import type { RawLibraries } from './librariesSchema.js';
import { dimensionSpace } from './dimensionSpace.js';
import { tableValue, type FactorLibrary, type FactorTable } from './factorLibrary.js';
import { itemValues } from './itemTree.js';
import type { ModelFrame } from './loadDrivers.js';
import type { LoadContext } from './loadContext.js';
import type { LoadedParameter } from './loadParameters.js';
import type { ShippedLibraries } from './shippedLibraries.js';
import { childPath } from './sourceMap.js';

/** Where a parameter taken from a library comes from, for outputs and reports. */
export interface FactorSource {
  readonly parameter: string;
  readonly library: string;
  readonly table: string;
  readonly source: string;
  readonly readIn: string;
}

/**
 * Tables of shipped factor libraries as value parameters of the model: `ipcc: { library:
 * ipcc-2006-waste, tables: [doc] }` makes `ipcc_doc`, over the model dimensions its library
 * dimensions are mapped from, with the library's unit. Scenarios and sweeps then vary them like any
 * parameter. A model item the library gives no value for is an error unless `fill` gives one.
 */
export function loadLibraries(raw: RawLibraries, frame: ModelFrame, libraries: ShippedLibraries, context: LoadContext): { parameters: LoadedParameter[]; sources: FactorSource[] } {
  const parameters: LoadedParameter[] = [];
  const sources: FactorSource[] = [];
  for (const [prefix, use] of Object.entries(raw)) {
    const path = childPath('libraries', prefix);
    const library = libraries.get(use.library, childPath(path, 'library'));
    for (const [index, tableName] of use.tables.entries()) {
      const table = library.tables.get(tableName);
      if (!table) throw unknownNameError(`table of ${use.library}`, tableName, library.tables.keys(), context.at(childPath(childPath(path, 'tables'), index)));
      const name = `${prefix}_${tableName}`;
      const fill = use.fill?.[tableName];
      const loaded = tableParameter(name, table, library, use, fill, path, frame, context);
      parameters.push(loaded);
      sources.push({ parameter: name, library: use.library, table: tableName, source: table.source, readIn: table.readIn });
    }
    for (const key of Object.keys(use.fill ?? {})) {
      if (!use.tables.includes(key)) throw context.fail(`invalid fill: ${key} is not among the tables taken`, childPath(childPath(path, 'fill'), key), `fill gives values for tables listed in tables: ${use.tables.join(', ')}`);
    }
  }
  return { parameters, sources };
}

function tableParameter(
  name: string,
  table: FactorTable,
  library: FactorLibrary,
  use: RawLibraries[string],
  fill: Parameters<typeof itemValues>[0] | undefined,
  path: string,
  frame: ModelFrame,
  context: LoadContext,
): LoadedParameter {
  const itemsPath = childPath(path, 'items');
  // Each library dimension of the table: one chosen item, or mapped from a model dimension.
  const modelDims: string[] = [];
  for (const dim of table.dims) {
    const given = use.items?.[dim];
    const dimension = library.dimensions.find((candidate) => candidate.name === dim)!;
    if (given === undefined) {
      throw context.fail(`missing item: table ${table.name} of ${use.library} varies over ${dim}`, itemsPath, `choose one (${dim}: ${dimension.items[0]}) or map it from a model dimension (${dim}: { from: <dimension>, map: { <model item>: <${dim} item> } }); its items: ${dimension.items.join(', ')}`);
    }
    if (typeof given === 'string') {
      if (!dimension.items.includes(given)) throw unknownNameError(`item of ${dim}`, given, dimension.items, context.at(childPath(itemsPath, dim)));
      continue;
    }
    const model = frame.dimensions.find((candidate) => candidate.name === given.from);
    if (!model) throw unknownNameError('dimension', given.from, frame.dimensions.map((candidate) => candidate.name), context.at(childPath(childPath(itemsPath, dim), 'from')));
    for (const [modelItem, libraryItem] of Object.entries(given.map)) {
      const at = context.at(childPath(childPath(childPath(itemsPath, dim), 'map'), modelItem));
      if (!model.items.includes(modelItem)) throw unknownNameError(`item of ${model.name}`, modelItem, model.items, at);
      if (!dimension.items.includes(libraryItem)) throw unknownNameError(`item of ${dim}`, libraryItem, dimension.items, at);
    }
    if (!modelDims.includes(model.name)) modelDims.push(model.name);
  }
  const space = dimensionSpace(modelDims, frame, itemsPath, context, `parameter ${name}`);
  const filled = fill === undefined ? undefined : itemValues(fill, space, childPath(childPath(path, 'fill'), table.name), context, 'nan');
  const value = new Float64Array(space.size);
  for (let flat = 0; flat < space.size; flat++) {
    const modelItems = space.itemKeys(flat);
    const libraryItems: Record<string, string> = {};
    let unmapped: string | undefined;
    for (const dim of table.dims) {
      const given = use.items![dim];
      if (typeof given === 'string') libraryItems[dim] = given;
      else {
        const modelItem = modelItems[space.listed.findIndex((candidate) => candidate.name === given.from)];
        const mapped = given.map[modelItem];
        if (mapped === undefined) unmapped = modelItem;
        else libraryItems[dim] = mapped;
      }
    }
    const fromLibrary = unmapped === undefined ? tableValue(library, table, libraryItems) : NaN;
    const own = filled?.[flat] ?? NaN;
    if (!Number.isNaN(fromLibrary) && !Number.isNaN(own)) {
      throw context.fail(`invalid fill: ${use.library} gives ${table.name} for ${space.itemLabel(flat)} (${fromLibrary})`, childPath(childPath(path, 'fill'), table.name), 'fill only what the library leaves missing; to use another value, define your own parameter');
    }
    if (Number.isNaN(fromLibrary) && Number.isNaN(own)) {
      const why = unmapped !== undefined ? `${unmapped} is not mapped to an item of the library` : `the library gives no ${table.name} for ${Object.values(libraryItems).join(', ')} (see its SOURCES.md)`;
      throw context.fail(`missing value: ${name} for ${space.itemLabel(flat) || 'the model'}`, path, `${why}; give one under fill: { ${table.name}: { … } }, citing your source in the model's SOURCES.md`);
    }
    value[flat] = Number.isNaN(fromLibrary) ? own : fromLibrary;
  }
  // Signed only where the table (or its fill) holds a negative value, so that a fit keeps factors that cannot be negative at ≥ 0.
  const signed = value.some((entry) => entry < 0);
  return { definition: { kind: 'value', name, unit: table.unit, dims: space.dims, value, signed, path }, space, signed };
}
