import { describe, expect, it } from 'vitest';
import { evaluateTargets } from '../../../engine/analysis/targets.js';
import { ModelError } from '../../../engine/errors.js';
import { run } from '../../../engine/simulate/run.js';
import type { Solution } from '../../../engine/simulate/solution.js';
import { compileYaml, definitionFromYaml } from '../../support/modelFromYaml.js';

/**
 * A city of 1,000,000 people (2015) to 1,100,000 (2030) generating 400 kg a person and year,
 * falling by 1 % a year from 2015 on; recycling rises from 20 % to 50 % in 2030; of the rest, 60 %
 * is landfilled and 40 % incinerated. Everything below is computed by hand from these.
 */
const city = (extra: string) => `
metabolis: 1
name: target city
time: { start: 2015, end: 2030 }
unit: t
drivers:
  population: { unit: person, values: { 2015: 1000000, 2030: 1100000 } }
parameters:
  generation_rate: { unit: kg/person/yr, value: 400 }
  recycling_rate: 0.2
processes: [collection, recycling, landfill, incineration]
flows:
  - { from: outside, to: collection, value: "population * generation_rate * 0.99 ^ (year - 2015)", tags: [generated] }
  - { from: collection, to: recycling, share: recycling_rate, tags: [diverted] }
  - { from: collection, to: landfill, share: "0.6 * (1 - recycling_rate)", tags: [disposal] }
  - { from: collection, to: incineration, share: rest, tags: [disposal] }
  - { from: recycling, to: outside, share: 1 }
  - { from: incineration, to: outside, share: 1 }
stocks:
  landfilled: { process: landfill, kind: accumulate }
scenarios:
  zero-waste: { recycling_rate: { ramp: { from: 2015, to: 2030, to_value: 0.5 } } }
${extra}
`;

const indicator = (solution: Solution, name: string) => solution.derived.find((series) => series.kind === 'indicator' && series.id === name)!;

describe('indicators', () => {
  it('run(model) evaluates indicators over tagged flows, drivers and stocks, in their units, for every year', () => {
    const solution = run(
      compileYaml(
        city(`indicators:
  per_person: { expression: "generated / population", unit: kg/person/yr }
  diversion: "diverted / generated"
  landfilled_total: landfilled`),
      ),
    );
    const years = solution.years;
    indicator(solution, 'per_person').values.forEach((value, t) => expect(value).toBeCloseTo(400 * 0.99 ** (years[t] - 2015), 9));
    indicator(solution, 'diversion').values.forEach((value) => expect(value).toBeCloseTo(0.2, 12));
    expect(indicator(solution, 'per_person').unit).toBe('kg/person/yr');
    expect(indicator(solution, 'diversion').unit).toBe('1');
    // The landfill keeps 48 % of what is generated; its stock after the first year.
    expect(indicator(solution, 'landfilled_total').values[0]).toBeCloseTo(0.48 * 400e6 / 1000, 6);
    expect(indicator(solution, 'landfilled_total').unit).toBe('t');
  });

  it('run(model) reports an indicator as its change from a base year', () => {
    const solution = run(compileYaml(city(`indicators:\n  per_person_change: { expression: "generated / population", change_from: 2015 }`)));
    const change = indicator(solution, 'per_person_change').values;
    expect(change[0]).toBe(0);
    expect(change[15]).toBeCloseTo(0.99 ** 15 - 1, 12);
  });

  it('evaluateTargets(run) says which targets are met, by how much, when first, and which binds', () => {
    const text = city(`indicators:
  diversion: "diverted / generated"
  per_person_change: { expression: "generated / population", change_from: 2015 }
targets:
  diversion_2030: { indicator: diversion, year: 2030, at_least: 0.45 }
  prevention_2030: { indicator: per_person_change, year: 2030, at_most: -0.15 }`);
    const compiled = compileYaml(text);
    const definition = definitionFromYaml(text);
    const zeroWaste = evaluateTargets(run(compiled, { scenario: 'zero-waste' }), definition.targets);
    const diversion = zeroWaste.find((target) => target.name === 'diversion_2030')!;
    // Recycling ramps 0.2 → 0.5 over 2015–2030: 0.45 is reached at 5/6 of the way, in 2027.5, so first in 2028.
    expect(diversion).toMatchObject({ met: true, firstYearMet: 2028, value: expect.closeTo(0.5, 12), margin: expect.closeTo(0.05, 12) });
    const prevention = zeroWaste.find((target) => target.name === 'prevention_2030')!;
    // 0.99^15 − 1 = −0.140: 1 % a year is not enough for −15 %.
    expect(prevention).toMatchObject({ met: false, firstYearMet: undefined, value: expect.closeTo(0.99 ** 15 - 1, 12) });
    expect(prevention.margin).toBeCloseTo(-0.15 - (0.99 ** 15 - 1), 12);
    // Missed (relative margin −0.06) binds; the other is met.
    expect(prevention.binding).toBe(true);
    expect(diversion.binding).toBe(false);
  });

  it('the C40 preset spells out its three targets over the tagged flows and the population driver', () => {
    const text = city(`targets:\n  c40: { preset: c40-2030, generated: generated, disposal: disposal, population: population }`);
    const definition = definitionFromYaml(text);
    expect(definition.targets.map((target) => [target.name, target.comparison, target.value, target.year])).toEqual([
      ['c40_generation_per_person', 'at-most', -0.15, 2030],
      ['c40_disposal', 'at-most', -0.5, 2030],
      ['c40_diversion', 'at-least', 0.7, 2030],
    ]);
    const results = evaluateTargets(run(compileYaml(text), { scenario: 'zero-waste' }), definition.targets);
    // Diversion in 2030: 0.5 (the recycling share): missed by 0.2.
    expect(results[2]).toMatchObject({ met: false, value: expect.closeTo(0.5, 12), margin: expect.closeTo(-0.2, 12) });
    // Disposal: (1 − 0.5) · G(2030) against (1 − 0.2) · G(2015).
    const generated = (year: number, people: number) => people * 0.4 * 0.99 ** (year - 2015);
    expect(results[1].value).toBeCloseTo((0.5 * generated(2030, 1.1e6)) / (0.8 * generated(2015, 1e6)) - 1, 10);
  });

  it('loadModel(model) and compile(model) name what is wrong in an indicator or a target', () => {
    const failure = (extra: string) => {
      try {
        compileYaml(city(extra));
      } catch (error) {
        if (error instanceof ModelError) return error;
        throw error;
      }
      throw new Error('expected a ModelError');
    };
    expect(failure('indicators:\n  x: "generatd / population"').message).toBe('unknown name: generatd');
    expect(failure('indicators:\n  x: "generated + population"').message).toMatch(/unit mismatch/);
    expect(failure('indicators:\n  x: "y"\n  y: "x"').message).toMatch(/cycle among indicators: /);
    expect(failure('targets:\n  t: { indicator: nothing, year: 2030, at_least: 1 }').message).toBe('unknown indicator: nothing');
    expect(failure('indicators:\n  x: diverted\ntargets:\n  t: { indicator: x, year: 2040, at_least: 1 }').message).toMatch(/outside the horizon/);
    expect(failure('indicators:\n  x: "population / population"\ntargets:\n  t: { indicator: x, year: 2030, at_least: 1, at_most: 2 }').message).toBe('invalid target: t needs exactly one of at_least and at_most');
    expect(failure('targets:\n  c: { preset: c40-2030, generated: generatd, disposal: disposal, population: population }').message).toBe('unknown tag: generatd');
  });
});
