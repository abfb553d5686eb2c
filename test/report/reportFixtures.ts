import { join } from 'node:path';
import type { TidyTable } from '../../engine/analysis/tidyTable.js';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import type { ModelDefinition } from '../../engine/definition/types.js';
import { run } from '../../engine/simulate/run.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { SankeyFrames } from '../../viz/report/sankeyFrames.js';
import { MODELS_DIRECTORY, SHIPPED_MODELS } from '../support/shippedModels.js';

/** Every shipped model, and the report's carbon fixture. */
const MODEL_FILES: Record<string, string> = {
  ...Object.fromEntries(SHIPPED_MODELS.map((name) => [name, join(MODELS_DIRECTORY, name, 'model.yaml')])),
  'carbon-city': join(import.meta.dirname, '../fixtures/report/carbon-city/model.yaml'),
};

const cache = new Map<string, { definition: ModelDefinition; solutions: Solution[]; file: string }>();

/** A shipped model (or the report's carbon fixture) run once per scenario, as `metabolis report` runs it. */
export function modelRuns(name: string): { definition: ModelDefinition; solutions: Solution[]; file: string } {
  let entry = cache.get(name);
  if (!entry) {
    const definition = loadModel(MODEL_FILES[name]);
    const model = compile(definition);
    entry = { definition, solutions: definition.scenarios.map((scenario) => run(model, { scenario: scenario.name })), file: MODEL_FILES[name] };
    cache.set(name, entry);
  }
  return entry;
}

/** A band of the page's Sankey diagram, as its data attributes name it. */
export interface BandRef {
  readonly flow?: number;
  readonly stock?: string;
  readonly side?: string;
  readonly item: number;
}

const indexes = new WeakMap<TidyTable, Map<string, number[]>>();

function rowsOf(table: TidyTable, kind: string, id: string, year: number): number[] {
  let index = indexes.get(table);
  if (!index) {
    index = new Map();
    for (let row = 0; row < table.year.length; row++) {
      const key = `${table.kind[row]}\u0000${table.id[row]}\u0000${table.year[row]}`;
      index.set(key, [...(index.get(key) ?? []), row]);
    }
    indexes.set(table, index);
  }
  return index.get(`${kind}\u0000${id}\u0000${year}`) ?? [];
}

/**
 * What a band should show in a year, worked out from the tidy table alone: a flow's rows summed
 * over the items of the band's colour category (the dimension the diagram colours by is the
 * first any flow has; the category named "N other …" holds the items the others do not name),
 * and a stock's change as level[year] − level[year − 1], its addition band showing a gain and
 * its release band a loss. The tolerance is that of sums of rounded terms.
 */
export function expectedBand(table: TidyTable, solution: Solution, frames: SankeyFrames, band: BandRef, year: number): { value: number; tolerance: number } {
  const dimension = solution.dimensions.find((candidate) => solution.flows.some((flow) => flow.dims.includes(candidate.name)));
  const column = dimension === undefined ? -1 : table.dimensionNames.indexOf(dimension.name);
  const category = frames.items[band.item];
  const named = new Set(frames.items.filter((item) => dimension?.items.includes(item)));
  const inCategory = (row: number) => {
    if (column < 0 || table.items[column][row] === '') return true;
    const item = table.items[column][row];
    return named.has(category) ? item === category : !named.has(item);
  };
  const sum = (kind: string, id: string, at: number) => {
    let total = 0;
    let magnitude = 0;
    for (const row of rowsOf(table, kind, id, at)) {
      if (!inCategory(row)) continue;
      total += table.value[row];
      magnitude += Math.abs(table.value[row]);
    }
    return { total, magnitude };
  };
  if (band.flow !== undefined) {
    const { total, magnitude } = sum('flow', frames.flows[band.flow].id, year);
    return { value: total, tolerance: 1e-12 * magnitude };
  }
  const stock = frames.stocks.find((candidate) => candidate.process === band.stock)!;
  const now = sum('stock', stock.id, year);
  const before = sum('stock', stock.id, year - 1);
  const change = now.total - before.total;
  return { value: Math.max(band.side === 'addition' ? change : -change, 0), tolerance: 1e-9 * (now.magnitude + before.magnitude) };
}
