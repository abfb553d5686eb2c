import { compile } from '../../engine/compile/compileModel.js';
import type { ModelDefinition } from '../../engine/definition/types.js';
import type { DataFolders } from '../../engine/definition/loadContext.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { run } from '../../engine/simulate/run.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { checkScenario } from '../checkScenario.js';
import { RunFailedError } from '../failure.js';

export interface OpenModel {
  readonly definition: ModelDefinition;
  /** Every scenario the model declares, in its order. */
  readonly scenarios: readonly string[];
  /** One run per scenario named (undefined: the base model); an unknown name is a usage error. */
  readonly run: (scenarios: readonly (string | undefined)[]) => Solution[];
}

/** Loads and compiles a model once, to run it for as many scenarios as a figure needs. */
export function openModel(modelPath: string, folders: DataFolders): OpenModel {
  const definition = loadModel(modelPath, folders);
  const model = compile(definition);
  const declared = [...model.scenarios.keys()];
  return {
    definition,
    scenarios: declared,
    run: (scenarios) => {
      for (const scenario of scenarios) checkScenario(model, scenario);
      return scenarios.map((scenario) => run(model, { scenario }));
    },
  };
}

/** A figure draws solutions: a run whose status is not success has none, and gets no figure. */
export function requireSuccess(solutions: readonly Pick<Solution, 'status' | 'scenario' | 'issues'>[]): void {
  const failed = solutions.find((solution) => solution.status !== 'success');
  if (failed === undefined) return;
  throw new RunFailedError(
    `the run${failed.scenario ? ` of scenario ${failed.scenario}` : ''} ended with status ${failed.status}${failed.issues[0] ? ` (${failed.issues[0].message})` : ''}: ` +
      'it is no valid solution, so no figure draws it\n  hint: metabolis run <model> prints what went wrong and what to do',
  );
}
