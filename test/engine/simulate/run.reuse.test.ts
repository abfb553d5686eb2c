import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile/compileModel.js';
import { run, type RunOptions } from '../../../engine/simulate/run.js';
import type { Solution } from '../../../engine/simulate/solution.js';
import { definitionFromYaml } from '../../support/modelFromYaml.js';

/**
 * A compiled model keeps what it can between runs (parameter fields and what is evaluated from
 * them, share checks, loop factors, survival curves, initial-cohort sums, items sharing one curve). Whatever ran before, a run must give what a freshly compiled
 * model gives (an unchanged lifetime keeps the survival curves without comparing parameters). This model has a recycling loop through an inflow-driven stock, lifetimes per item
 * with an initial stock by cohort, and a scenario that ramps one item's lifetime.
 */
const definition = definitionFromYaml(
  `
metabolis: 1
name: reuse
time: { start: 2000, end: 2030 }
unit: t
dimensions: { material: [a, b, c] }
parameters:
  life: { unit: yr, dims: [material], value: { a: 12, b: 12, c: 20 } }
  spread: 0.3
  spread_years: { expression: "spread * life" }
  recycled: { dims: [material], value: { a: 0.3, b: 0.3, c: 0.1 } }
  supply: { dims: [material], value: { a: 10, b: 10, c: 5 } }
processes: [use, sorting]
flows:
  - { from: outside, to: use, value: supply }
  - { from: use, to: sorting, share: 1 }
  - { from: sorting, to: use, share: recycled }
  - { from: sorting, to: outside, share: rest }
stocks:
  in_use:
    process: use
    kind: inflow-driven
    lifetime: { normal: { mean: life, sd: spread_years } }
    initial: { dims: [material], cohorts: { a: { 1990: 0, 1995: 4, 1999: 6 }, b: { 1990: 0, 1995: 4, 1999: 6 }, c: { 1990: 9, 1995: 0, 1999: 1 } } }
scenarios:
  longer:
    life: { ramp: { from: 2010, to: 2020, to_value: { a: 30, b: 12, c: 20 } } }
    recycled: { ramp: { from: 2005, to: 2015, to_value: 0.6 } }
`,
  'reuse.yaml',
);

const options = fc.record({
  scenario: fc.constantFrom(undefined, 'longer'),
  life: fc.option(fc.tuple(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 5, max: 40 }), fc.integer({ min: 5, max: 40 })), { nil: undefined }),
  // A negative spread is an invalid lifetime: the run stops before the year loop, and the next
  // one must not take its half-made survival curves for those of its parameters.
  spread: fc.option(fc.constantFrom(0.1, 0.3, 0.5, -0.1), { nil: undefined }),
  // The loop's shares: its factors come from earlier runs when their coefficients are the same;
  // 1.2 is an invalid share, reported in every run that has it.
  recycled: fc.option(fc.constantFrom(0.3, 0.5, 1, 1.2), { nil: undefined }),
  reuseOutputs: fc.boolean(),
});

function runOptions(drawn: typeof options extends fc.Arbitrary<infer T> ? T : never): RunOptions {
  const parameters: Record<string, number | number[]> = {};
  if (drawn.life) parameters.life = drawn.life;
  if (drawn.spread !== undefined) parameters.spread = drawn.spread;
  if (drawn.recycled !== undefined) parameters.recycled = drawn.recycled;
  return { scenario: drawn.scenario, parameters, reuseOutputs: drawn.reuseOutputs };
}

function series(solution: Solution): Float64Array[] {
  return [...solution.flows.map((flow) => flow.values), ...solution.stocks.flatMap((stock) => [stock.stock, stock.inflow, stock.outflow])];
}

describe('run after run on one compiled model', () => {
  it('run(model, ramped loop share) after a run with constant loop shares equals a fresh run, bit for bit', () => {
    // The first run finds every loop share the same in every year; the second ramps one.
    const model = compile(definition);
    run(model);
    expect(series(run(model, { scenario: 'longer' }))).toEqual(series(run(compile(definition), { scenario: 'longer' })));
  });

  it('run(model, invalid lifetime) again with the same parameters reports it again, and the next valid run equals a fresh one', () => {
    const model = compile(definition);
    run(model);
    const invalid = { parameters: { spread: -0.1 } };
    expect(run(model, invalid).status).toBe('invalid-lifetime');
    expect(run(model, invalid).status).toBe('invalid-lifetime');
    expect(series(run(model, { scenario: 'longer' }))).toEqual(series(run(compile(definition), { scenario: 'longer' })));
  });

  it('run(model, options) after any sequence of runs equals the run of a freshly compiled model, bit for bit', () => {
    const model = compile(definition);
    fc.assert(
      fc.property(fc.array(options, { minLength: 1, maxLength: 5 }), (sequence) => {
        for (const drawn of sequence) {
          const opts = runOptions(drawn);
          const reused = run(model, opts);
          const fresh = run(compile(definition), opts);
          expect(reused.status).toBe(fresh.status);
          expect(reused.issues).toEqual(fresh.issues);
          expect(series(reused)).toEqual(series(fresh));
        }
      }),
      { numRuns: 40 },
    );
  });
});
