import type { ModelDefinition } from '../definition/types.js';
import type { CompiledScenario } from './compiledModel.js';

/** Scenario overrides with their targets resolved to symbol indices and values made SI-based. */
export function compileScenarios(definition: ModelDefinition, symbolIndex: ReadonlyMap<string, number>, toSI: (symbol: number) => number) {
  const scenarios = new Map<string, CompiledScenario>();
  for (const scenario of definition.scenarios) {
    const overrides = scenario.overrides.map((override) => {
      const symbol = symbolIndex.get(override.target)!;
      const scale = toSI(symbol);
      const scaled = (values: Float64Array) => Float64Array.from(values, (value) => value * scale);
      switch (override.kind) {
        case 'set-parameter':
          return { kind: override.kind, symbol, value: scaled(override.value) };
        case 'set-driver':
          return { kind: override.kind, symbol, series: scaled(override.values) };
        case 'ramp':
          return { kind: override.kind, symbol, from: override.from, to: override.to, toValue: scaled(override.toValue) };
      }
    });
    scenarios.set(scenario.name, { name: scenario.name, overrides });
  }
  return scenarios;
}
