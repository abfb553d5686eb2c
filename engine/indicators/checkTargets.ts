import { locate } from '../definition/locate.js';
import type { ModelDefinition } from '../definition/types.js';
import { ModelError } from '../errors.js';
import type { CompiledIndicator } from './compileIndicators.js';

/** A target compares one number a year: its indicator must have no dimensions left. */
export function checkTargets(definition: ModelDefinition, indicators: readonly CompiledIndicator[]): void {
  for (const target of definition.targets) {
    const indicator = indicators.find((candidate) => candidate.name === target.indicator)!;
    if (indicator.dims.length === 0) continue;
    const names = indicator.dims.map((d) => definition.dimensions[d].name);
    throw new ModelError(
      `invalid target: ${target.name} compares indicator ${indicator.name}, which varies over ${names.join(', ')}`,
      locate(definition, target.path),
      `a target compares one number a year: sum the indicator over its dimensions (sum(x, ${names[0]})) or use a tag, which sums its flows`,
    );
  }
}
