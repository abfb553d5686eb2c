import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carbonSavings, logMean } from '../../../engine/analysis/carbonSavings.js';
import { run } from '../../../engine/simulate/run.js';
import { compileYaml } from '../../support/modelFromYaml.js';

/** Waste generated, split between a landfill route and an incinerator route with a per-tonne factor. */
const model = (scenarios: string) => `
metabolis: 1
name: savings
time: { start: 2020, end: 2022 }
unit: t
parameters:
  generated: { unit: t/yr, value: 1000 }
  landfill_share: 0.6
  incinerator_factor: 0.4
  landfill_factor: 1.2
processes: [collection, landfill, incineration]
flows:
  - { from: outside, to: collection, value: generated, waste: true }
  - { from: collection, to: landfill, share: landfill_share }
  - { from: collection, to: incineration, share: rest }
  - { from: landfill, to: outside, share: 1 }
  - { from: incineration, to: outside, share: 1 }
gwp: AR5
emissions:
  landfill: { process: landfill, gas: CO2e, factor: landfill_factor }
  incinerator: { process: incineration, gas: CO2e, factor: incinerator_factor }
scenarios:
  base: {}
${scenarios}
`;

function savings(scenario: string, definition: string) {
  const compiled = compileYaml(model(`  other: ${definition}`));
  return carbonSavings(run(compiled, { scenario: 'base' }), run(compiled, { scenario: 'other' }));
}
const effect = (result: ReturnType<typeof savings>, route: string, key: 'saving' | 'scale' | 'mix' | 'intensity') => result.routes.find((entry) => entry.route === route)![key][0];

describe('carbonSavings (LMDI)', () => {
  it('carbonSavings(base, less waste) is all scale: half the waste, half the emissions of every route', () => {
    const result = savings('other', '{ generated: 500 }');
    // Baseline 600 · 1.2 + 400 · 0.4 = 880 t CO2e a year; half of it saved.
    expect(result.net[0]).toBeCloseTo(440, 9);
    for (const route of ['landfill', 'incinerator']) {
      expect(effect(result, route, 'scale')).toBeCloseTo(effect(result, route, 'saving'), 9);
      expect(effect(result, route, 'mix')).toBeCloseTo(0, 9);
      expect(effect(result, route, 'intensity')).toBeCloseTo(0, 9);
    }
    expect(result.cumulative).toBeCloseTo(3 * 440, 9);
  });

  it('carbonSavings(base, less landfill) is all mix; a lower factor all intensity', () => {
    const mix = savings('other', '{ landfill_share: 0.3 }');
    // 300 t moved from the landfill (1.2) to the incinerator (0.4): 240 t CO2e saved a year.
    expect(mix.net[0]).toBeCloseTo(300 * 0.8, 9);
    expect(effect(mix, 'landfill', 'mix')).toBeCloseTo(360, 9);
    expect(effect(mix, 'incinerator', 'mix')).toBeCloseTo(-120, 9);
    expect(effect(mix, 'landfill', 'scale')).toBeCloseTo(0, 9);
    const intensity = savings('other', '{ incinerator_factor: 0.2 }');
    expect(effect(intensity, 'incinerator', 'intensity')).toBeCloseTo(80, 9);
    expect(effect(intensity, 'incinerator', 'mix')).toBeCloseTo(0, 9);
  });

  it('carbonSavings(base, anything) splits every route\'s saving exactly into its three effects', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 5000, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }), (generated, share, factor) => {
        const result = savings('other', `{ generated: ${generated}, landfill_share: ${share}, landfill_factor: ${factor} }`);
        for (const route of result.routes) {
          route.saving.forEach((saving, t) => expect(route.scale[t] + route.mix[t] + route.intensity[t]).toBeCloseTo(saving, 6));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('logMean(a, b) is (a − b) / (ln a − ln b), and a at a = b', () => {
    expect(logMean(2, 2)).toBe(2);
    expect(logMean(Math.E, 1)).toBeCloseTo(Math.E - 1, 14);
  });
});
