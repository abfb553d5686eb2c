import type { CompiledModel } from '../engine/compile/compiledModel.js';
import { nearestNames } from '../engine/errors.js';
import { UsageError } from './failure.js';

/** A scenario named on the command line must exist; else a usage error lists the nearest and all. */
export function checkScenario(model: CompiledModel, scenario: string | undefined): void {
  if (scenario === undefined || model.scenarios.has(scenario)) return;
  const declared = [...model.scenarios.keys()];
  const nearest = nearestNames(scenario, declared);
  throw new UsageError(
    `unknown scenario: ${scenario}${declared.length ? ` (did you mean ${nearest.map((n) => `'${n}'`).join(', ')}? scenarios: ${declared.join(', ')})` : ' (the model has no scenarios)'}`,
  );
}
