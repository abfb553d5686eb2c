import type { GwpDefinition } from './emissionTypes.js';
import { parseFactorLibrary, tableValue, type FactorLibrary } from './factorLibrary.js';
import type { LoadOptions } from './loadModel.js';
import type { LoadContext } from './loadContext.js';

/** The factor libraries shipped with metabolis (models/factors/<name>.yaml), each read once per load. */
export interface ShippedLibraries {
  get(name: string, path: string): FactorLibrary;
}

export function shippedLibraries(options: LoadOptions, context: LoadContext): ShippedLibraries {
  const read = new Map<string, FactorLibrary>();
  return {
    get(name, path) {
      let library = read.get(name);
      if (library === undefined) {
        let source: { text: string; file: string; parsed?: FactorLibrary };
        try {
          if (!options.readLibrary) throw new Error('this loader was given no library reader');
          source = options.readLibrary(name);
        } catch (error) {
          throw context.fail(`missing factor library: ${name}`, path, `metabolis ships its libraries in models/factors (${error instanceof Error ? error.message : String(error)})`);
        }
        library = source.parsed ?? parseFactorLibrary(source.text, source.file);
        read.set(name, library);
      }
      return library;
    },
  };
}

/**
 * A GWP100 set (AR4, AR5, AR6) of the shipped gwp library: its table `gwp100` over [report, gas].
 * Methane from waste is of biogenic origin: it weighs the report's non-fossil value where the
 * report gives one (AR6), else its value for methane; fossil methane weighs the fossil value where
 * given, else the same.
 */
export function gwpSet(library: FactorLibrary, name: string, path: string, context: LoadContext): GwpDefinition {
  const table = library.tables.get('gwp100');
  const reports = library.dimensions.find((dimension) => dimension.name === 'report');
  if (!table || !reports || !library.dimensions.some((dimension) => dimension.name === 'gas')) {
    throw context.fail(`invalid factor library: ${library.file} has no table gwp100 over report and gas`, path, 'reinstall metabolis: its gwp library is damaged');
  }
  const report = name.toLowerCase();
  if (!reports.items.includes(report)) throw context.fail(`unknown GWP set: ${name}`, path, `the shipped sets are ${reports.items.map((item) => item.toUpperCase()).join(', ')}; or give the values: gwp: { CH4: 28, N2O: 265 }`);
  const value = (gas: string) => tableValue(library, table, { report, gas });
  const methane = value('ch4');
  const nonFossil = value('ch4_non_fossil');
  const fossil = value('ch4_fossil');
  return {
    name: name.toUpperCase(),
    CH4: Number.isNaN(nonFossil) ? methane : nonFossil,
    CH4_fossil: Number.isNaN(fossil) ? methane : fossil,
    N2O: value('n2o'),
    source: `${table.source} (${library.file})`,
    path,
  };
}
