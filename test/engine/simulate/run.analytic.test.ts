import { describe, expect, it } from 'vitest';
import { run } from '../../../engine/simulate/run.js';
import type { Solution } from '../../../engine/simulate/solution.js';
import { compileYaml } from '../../support/modelFromYaml.js';

const flow = (solution: Solution, id: string) => [...solution.flows.find((f) => f.id === id)!.values];
const stock = (solution: Solution, name: string) => solution.stocks.find((s) => s.name === name)!;

describe('run: closed-form cases', () => {
  it('run(model) solves a recycling loop: x = b / (1 − recycled share)', () => {
    const solution = run(
      compileYaml(`
metabolis: 1
name: loop
time: { start: 2020, end: 2022 }
unit: t
processes: [use, sorting]
flows:
  - { from: outside, to: use, value: "100" }
  - { from: use, to: sorting, share: 1 }
  - { from: sorting, to: use, share: 0.3 }
  - { from: sorting, to: outside, share: rest }
`),
    );
    expect(solution.status).toBe('success');
    flow(solution, 'use->sorting').forEach((value) => expect(value).toBeCloseTo(100 / 0.7, 10));
    flow(solution, 'sorting->outside').forEach((value) => expect(value).toBeCloseTo(100, 10));
    flow(solution, 'sorting->use').forEach((value) => expect(value).toBeCloseTo(30 / 0.7, 10));
  });

  it('run(model) converts kg/person/d × person into t per year (365.25 d)', () => {
    const solution = run(
      compileYaml(`
metabolis: 1
name: units
time: { start: 2020, end: 2021 }
unit: t
drivers:
  population: { unit: person, values: { 2020: 1000, 2021: 2000 } }
parameters:
  per_capita: { unit: kg/person/d, value: 1 }
processes: [households]
flows:
  - { from: outside, to: households, value: "population * per_capita" }
  - { from: households, to: outside, share: 1 }
`),
    );
    const values = flow(solution, 'outside->households');
    expect(values[0]).toBeCloseTo(365.25, 9);
    expect(values[1]).toBeCloseTo(730.5, 9);
  });

  it('run(model) with a fixed lifetime L releases each cohort exactly L years later', () => {
    const solution = run(
      compileYaml(`
metabolis: 1
name: fixed
time: { start: 2000, end: 2015 }
unit: t
drivers:
  sales: { unit: t/yr, values: { 2000: 10, 2015: 25 } }
processes: [use, waste]
flows:
  - { from: outside, to: use, value: sales }
  - { from: use, to: waste, share: 1 }
  - { from: waste, to: outside, share: 1 }
stocks:
  products: { process: use, kind: inflow-driven, lifetime: { fixed: { mean: 5 } } }
`),
    );
    const inflow = flow(solution, 'outside->use');
    const outflow = flow(solution, 'use->waste');
    outflow.forEach((value, t) => expect(value).toBeCloseTo(t >= 5 ? inflow[t - 5] : 0, 9));
    const level = stock(solution, 'products').stock;
    level.forEach((value, t) => expect(value).toBeCloseTo(inflow.slice(Math.max(0, t - 4), t + 1).reduce((a, b) => a + b, 0), 9));
  });

  it('run(model) with an exponential lifetime keeps e^(−a/τ) of every cohort at age a', () => {
    const tau = 8;
    const solution = run(
      compileYaml(`
metabolis: 1
name: exponential
time: { start: 2000, end: 2030 }
unit: t
processes: [use]
flows:
  - { from: outside, to: use, value: "12" }
  - { from: use, to: outside, share: 1 }
stocks:
  products: { process: use, kind: inflow-driven, lifetime: { exponential: { mean: ${tau} } } }
`),
    );
    stock(solution, 'products').stock.forEach((value, t) => {
      let expected = 0;
      for (let age = 0; age <= t; age++) expected += 12 * Math.exp(-age / tau);
      expect(value).toBeCloseTo(expected, 9);
    });
  });

  it('run(model) meets a stock-driven target through the demand flow and replaces what leaves', () => {
    const solution = run(
      compileYaml(`
metabolis: 1
name: stock-driven
time: { start: 2000, end: 2025 }
unit: t
parameters:
  level: { unit: t, value: 100 }
processes: [buildings, demolition]
flows:
  - { from: outside, to: buildings, demand: true }
  - { from: buildings, to: demolition, share: 1 }
  - { from: demolition, to: outside, share: 1 }
stocks:
  dwellings: { process: buildings, kind: stock-driven, target: level, lifetime: { fixed: { mean: 10 } } }
`),
    );
    const demand = flow(solution, 'outside->buildings');
    demand.forEach((value, t) => expect(value).toBeCloseTo(t % 10 === 0 ? 100 : 0, 9));
    stock(solution, 'dwellings').stock.forEach((value) => expect(value).toBeCloseTo(100, 9));
  });

  it('run(model, {scenario}) ramps a parameter linearly between two years and holds it after', () => {
    const model = compileYaml(`
metabolis: 1
name: ramp
time: { start: 2020, end: 2030 }
unit: t
parameters:
  recycling: 0.1
processes: [collection]
flows:
  - { from: outside, to: collection, value: "1000" }
  - { from: collection, to: outside, share: recycling, id: recycled }
  - { from: collection, to: outside, share: rest, id: disposed }
scenarios:
  zero-waste:
    recycling: { ramp: { from: 2022, to: 2027, to_value: 0.6 } }
`);
    const base = flow(run(model), 'recycled');
    base.forEach((value) => expect(value).toBeCloseTo(100, 9));
    const ramped = flow(run(model, { scenario: 'zero-waste' }), 'recycled');
    const expected = [100, 100, 100, 200, 300, 400, 500, 600, 600, 600, 600];
    ramped.forEach((value, t) => expect(value).toBeCloseTo(expected[t], 9));
  });

  it('run(model) solves an inflow-driven stock inside a recycling loop and stays balanced', () => {
    const solution = run(
      compileYaml(`
metabolis: 1
name: stock in a loop
time: { start: 2000, end: 2040 }
unit: t
dimensions:
  material: [steel, plastic]
parameters:
  recovery: { dims: [material], value: { steel: 0.9, plastic: 0.3 } }
  supply: { unit: t/yr, dims: [material], value: { steel: 50, plastic: 20 } }
processes: [manufacturing, use, collection, recycling]
flows:
  - { from: outside, to: manufacturing, value: supply }
  - { from: manufacturing, to: use, share: 1 }
  - { from: use, to: collection, share: 1 }
  - { from: collection, to: recycling, share: recovery }
  - { from: collection, to: outside, share: rest }
  - { from: recycling, to: manufacturing, share: 1 }
stocks:
  products: { process: use, kind: inflow-driven, lifetime: { normal: { mean: 12, sd: 4 } } }
`),
    );
    expect(solution.status).toBe('success');
    for (const balance of solution.balance) for (const residual of balance.residual) expect(Math.abs(residual)).toBeLessThan(1e-9);
    // Year 0: the new cohort already loses 1 − sf(0) = Φ(−3) of itself, of which 90% (steel) comes back.
    const lostInFirstYear = 0.0013498980316301;
    const steelIntoUse = flow(solution, 'manufacturing->use')[0];
    expect(steelIntoUse).toBeCloseTo(50 / (1 - 0.9 * lostInFirstYear), 10);
  });
});
