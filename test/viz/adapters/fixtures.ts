import { join } from 'node:path';
import { MODELS_DIRECTORY } from '../../support/shippedModels.js';
import { compile } from '../../../engine/compile/compileModel.js';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import type { ModelDefinition } from '../../../engine/definition/types.js';
import { run } from '../../../engine/simulate/run.js';
import type { Solution } from '../../../engine/simulate/solution.js';

/**
 * A hand-made run over 2020–2022 and material [a, b]: 10 + t of a and 5 of b come in to `use`,
 * which keeps 1 of a each year and passes the rest to `landfill` (an accumulating stock), except
 * that `leak` units of b vanish at `use` (an imbalance the balance records).
 */
export function smallSolution(leak = 0): Solution {
  const years = [2020, 2021, 2022];
  const perYear = (f: (t: number) => [number, number]) => Float64Array.from(years.flatMap((_, t) => f(t)));
  const imports = perYear((t) => [10 + t, 5]);
  const toLandfill = perYear((t) => [9 + t, 5 - leak]);
  const kept = perYear((t) => [1 * (t + 1), 0]);
  const landfilled = perYear((t) => [years.slice(0, t + 1).reduce((sum, _, s) => sum + 9 + s, 0), (5 - leak) * (t + 1)]);
  const zeros = new Float64Array(6);
  const stock = (name: string, process: string, kind: 'accumulate' | 'inflow-driven', level: Float64Array, inflow: Float64Array) => ({
    name, process, kind, survival: kind === 'accumulate' ? undefined : ('integer-age' as const), dims: ['material'], stock: level, inflow, outflow: zeros, correctedYears: [], byCohort: undefined, cohortYears: undefined,
  });
  return {
    status: leak === 0 ? 'success' : 'unbalanced',
    issues: [],
    model: 'Small city',
    scenario: 'base',
    survival: 'integer-age',
    unit: 't',
    years,
    dimensions: [{ name: 'material', items: ['a', 'b'] }],
    flows: [
      { id: 'imports', from: 'outside', to: 'use', dims: ['material'], waste: false, values: imports },
      { id: 'discards', from: 'use', to: 'landfill', dims: ['material'], waste: true, values: toLandfill },
    ],
    stocks: [stock('in_use', 'use', 'inflow-driven', kept, perYear(() => [1, 0])), stock('landfilled', 'landfill', 'accumulate', landfilled, toLandfill)],
    balance: [
      { process: 'use', dims: ['material'], residual: perYear(() => [0, leak]) },
      { process: 'landfill', dims: ['material'], residual: new Float64Array(6) },
    ],
    emissions: undefined,
    derived: [],
  };
}

export { SHIPPED_MODELS } from '../../support/shippedModels.js';

const cache = new Map<string, { definition: ModelDefinition; solutions: Solution[] }>();

/** A shipped model's definition and its runs, every scenario (or the base model when it has none); run once per test file. */
export function shippedRuns(name: string): { definition: ModelDefinition; solutions: Solution[] } {
  let runs = cache.get(name);
  if (!runs) {
    const definition = loadModel(join(MODELS_DIRECTORY, name, 'model.yaml'));
    const model = compile(definition);
    const scenarios = model.scenarios.size > 0 ? [...model.scenarios.keys()] : [undefined];
    runs = { definition, solutions: scenarios.map((scenario) => run(model, { scenario })) };
    cache.set(name, runs);
  }
  return runs;
}

/** Sum of a year's values of a year-major series. */
export function yearTotal(values: Float64Array, years: number, t: number): number {
  const size = values.length / years;
  let sum = 0;
  for (let k = 0; k < size; k++) sum += values[t * size + k];
  return sum;
}
