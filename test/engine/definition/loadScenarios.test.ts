import { describe, expect, it } from 'vitest';
import { HEADER, load, loadError } from './loadHelpers.js';

/** A model with a parameter over [stream], a scalar one, an expression and a driver; overrides start on line 20. */
const withScenario = (overrides: string) => `${HEADER}
dimensions:
  stream: [food, paper]
drivers:
  population: { unit: person, values: { 2020: 10, 2030: 20 } }
parameters:
  recycling_rate: { dims: [stream], value: { food: 0.1, paper: 0.4 } }
  landfill_share: 0.3
  derived: { expression: "2 * landfill_share" }
processes: [a]
flows:
  - { from: outside, to: a, value: "1" }
  - { from: a, to: outside, share: 1 }
scenarios:
  policy:
${overrides}`;

describe('loadScenarios', () => {
  it('loadModelFromText(text) names an unknown override target with the nearest names', () => {
    const error = loadError(withScenario('    recyling_rate: 0.5\n'));
    expect(error.message).toBe('unknown parameter or driver: recyling_rate');
    expect(error.at).toMatchObject({ path: 'scenarios.policy.recyling_rate', line: 20 });
    expect(error.hint).toMatch(/^did you mean 'recycling_rate'/);
  });

  it('loadModelFromText(text) rejects a ramp that ends before it starts', () => {
    const error = loadError(withScenario('    landfill_share: { ramp: { from: 2025, to: 2025, to_value: 0.1 } }\n'));
    expect(error.message).toBe('invalid ramp: from 2025 is not before to 2025');
    expect(error.at).toMatchObject({ path: 'scenarios.policy.landfill_share.ramp', line: 20 });
  });

  it('loadModelFromText(text) rejects a ramp that starts after the horizon', () => {
    const error = loadError(withScenario('    landfill_share: { ramp: { from: 2031, to: 2040, to_value: 0.1 } }\n'));
    expect(error.message).toBe('invalid ramp: from 2031 is outside the horizon 2020–2030');
  });

  it('loadModelFromText(text) keeps items left out of a ramp end value as NaN', () => {
    const [scenario] = load(withScenario('    recycling_rate: { ramp: { from: 2022, to: 2040, to_value: { paper: 0.9 } } }\n')).scenarios;
    const [ramp] = scenario.overrides;
    expect(ramp).toMatchObject({ kind: 'ramp', target: 'recycling_rate', from: 2022, to: 2040 });
    expect(ramp.kind === 'ramp' && Array.from(ramp.toValue)).toEqual([Number.NaN, 0.9]);
  });

  it('loadModelFromText(text) names an unknown item in a scenario value', () => {
    const error = loadError(withScenario('    recycling_rate: { value: { food: 0.2, papper: 0.5 } }\n'));
    expect(error.message).toBe('unknown item of stream: papper');
    expect(error.at.path).toBe('scenarios.policy.recycling_rate.value.papper');
  });

  it('loadModelFromText(text) rejects a negative scenario value of an unsigned parameter', () => {
    const error = loadError(withScenario('    landfill_share: -0.1\n'));
    expect(error.message).toBe('negative value in parameter landfill_share (-0.1)');
    expect(error.at).toMatchObject({ path: 'scenarios.policy.landfill_share', line: 20 });
  });

  it('loadModelFromText(text) rejects overriding an expression parameter', () => {
    const error = loadError(withScenario('    derived: 1\n'));
    expect(error.message).toBe('invalid override: derived is computed by an expression');
  });

  it('loadModelFromText(text) replaces a driver series and refuses a bare number for it', () => {
    const [scenario] = load(withScenario('    population: { values: { 2020: 10, 2030: 30 } }\n')).scenarios;
    const [replaced] = scenario.overrides;
    expect(replaced.kind === 'set-driver' && replaced.values[5]).toBe(20);
    const error = loadError(withScenario('    population: 12\n'));
    expect(error.message).toBe('invalid override: population is a driver');
    expect(error.hint).toMatch(/csv/);
  });
});
