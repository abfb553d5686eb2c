import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solveTargets } from '../../../engine/analysis/solveTarget.js';
import { OptionsError } from '../../../engine/errors.js';
import { compileYaml } from '../../support/modelFromYaml.js';

/** The compare fixture: diversion = recycling_rate; a landfill's methane grows with what is landfilled. */
const model = compileYaml(
  readFileSync(join(import.meta.dirname, '../../fixtures/compare/model.yaml'), 'utf8').replace(
    'targets:\n  diversion_2030: { indicator: diversion, year: 2030, at_least: 0.5 }',
    'targets:\n  diversion_2030: { indicator: diversion, year: 2030, at_least: 0.5 }\n  disposal_cap: { indicator: diversion, year: 2030, at_most: 0.7 }\n  impossible: { indicator: diversion, year: 2030, at_least: 1.5 }',
  ),
);
const lever = { parameter: 'recycling_rate', items: undefined, ramp: undefined, range: [0, 1] as const };

describe('solveTargets', () => {
  it('solveTargets(model, target, lever) finds the value where a monotone target is just met', () => {
    const solution = solveTargets(model, ['diversion_2030'], lever, undefined, 1e-9);
    expect(solution.needs[0]).toMatchObject({ status: 'solved', value: expect.closeTo(0.5, 7) });
    expect(solution.value).toBeCloseTo(0.5, 7);
    expect(solution.check[0].met).toBe(true);
  });

  it('solveTargets(model, targets, lever) takes the least change from the base value that meets them all', () => {
    // From 0.2: at least 0.5 and at most 0.7 give [0.5, 0.7]; the closest to 0.2 is 0.5.
    const solution = solveTargets(model, ['diversion_2030', 'disposal_cap'], lever, undefined, 1e-9);
    expect(solution.needs[1]).toMatchObject({ status: 'solved', feasible: [0, expect.closeTo(0.7, 7)] });
    expect(solution.value).toBeCloseTo(0.5, 7);
    expect(solution.check.every((target) => target.met)).toBe(true);
  });

  it('solveTargets(model, target, lever) says when no value in the range can meet it', () => {
    const solution = solveTargets(model, ['impossible'], lever, undefined);
    expect(solution.needs[0].status).toBe('infeasible');
    expect(solution.needs[0].message).toMatch(/no value in \[0, 1\] meets it; it comes closest at 1/);
    expect(solution.value).toBeUndefined();
  });

  it('solveTargets(model, target, ramped lever) ramps the parameter to the value found', () => {
    const solution = solveTargets(model, ['diversion_2030'], { ...lever, ramp: { from: 2020, to: 2030 } }, 'zero-waste', 1e-9);
    expect(solution.value).toBeCloseTo(0.5, 7);
    expect(solution.check[0].firstYearMet).toBe(2030);
  });

  it('solveTargets rejects an unknown target or parameter', () => {
    expect(() => solveTargets(model, ['nothing'], lever, undefined)).toThrow(OptionsError);
    expect(() => solveTargets(model, ['diversion_2030'], { ...lever, parameter: 'population' }, undefined)).toThrow(/must be a value parameter/);
  });
});
