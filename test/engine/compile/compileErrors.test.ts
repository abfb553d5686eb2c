import { describe, expect, it } from 'vitest';
import { compileFailure } from '../../support/modelFromYaml.js';

const header = `
metabolis: 1
name: broken
time: { start: 2020, end: 2022 }
unit: t
`;

describe('compile: mistakes in a model are ModelErrors with a place and a hint', () => {
  it('compile(model) rejects adding kg to m^2 and names both units', () => {
    const error = compileFailure(`${header}
parameters:
  mass: { unit: kg/yr, value: 1 }
  area: { unit: m^2/yr, value: 1 }
processes: [a]
flows:
  - { from: outside, to: a, value: "mass + area" }
  - { from: a, to: outside, share: 1 }
`);
    expect(error.message).toMatch(/unit mismatch/);
    expect(error.message).toMatch(/kg/);
    expect(error.message).toMatch(/m\^2/);
    expect(error.at.path).toBe('flows[0].value');
    expect(error.at.line).toBe(12);
  });

  it('compile(model) rejects a unit written in an expression and suggests each nearby name once', () => {
    const error = compileFailure(`${header}
parameters:
  rate: { unit: t/yr, value: 3 }
processes: [a]
flows:
  - { from: outside, to: a, value: "rate + 3 kg" }
  - { from: a, to: outside, share: 1 }
`);
    expect(error.message).toBe('unknown name: kg');
    const suggested = [...error.hint!.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(suggested).toContain('rate');
    expect(new Set(suggested).size).toBe(suggested.length);
  });

  it('compile(model) rejects a flow value that is not a mass per time', () => {
    const error = compileFailure(`${header}
parameters:
  area: { unit: m^2, value: 1 }
processes: [a]
flows:
  - { from: outside, to: a, value: area }
  - { from: a, to: outside, share: 1 }
`);
    expect(error.message).toBe('unit mismatch: flow outside->a is in m^2, not a mass per year');
    expect(error.hint).toBeDefined();
  });

  it('compile(model) rejects a flow value that is a mass without a time (a forgotten /d), naming the units it uses', () => {
    const error = compileFailure(`${header}
drivers:
  population: { unit: person, values: { 2020: 1000, 2022: 2000 } }
parameters:
  per_capita: { unit: kg/person, value: 1 }
processes: [households]
flows:
  - { from: outside, to: households, value: "population * per_capita" }
  - { from: households, to: outside, share: 1 }
`);
    expect(error.message).toBe('unit mismatch: flow outside->households is in kg, a mass without a time');
    expect(error.hint).toMatch(/lose its \/d or \/yr/);
    expect(error.hint).toMatch(/per_capita \[kg\/person\]/);
    expect(error.at.path).toBe('flows[0].value');
  });

  it('compile(model) rejects constant shares that do not sum to 1', () => {
    const error = compileFailure(`${header}
processes: [a]
flows:
  - { from: outside, to: a, value: "1" }
  - { from: a, to: outside, share: 0.5, id: half }
  - { from: a, to: outside, share: 0.4, id: most-of-the-rest }
`);
    expect(error.message).toBe('shares of process a sum to 0.9, not 1');
    expect(error.hint).toMatch(/rest/);
  });

  it('compile(model) lists a cycle among expressions', () => {
    const error = compileFailure(`${header}
parameters:
  a: { expression: "b + 1" }
  b: { expression: "c * 2" }
  c: { expression: "a" }
processes: [p]
flows:
  - { from: outside, to: p, value: "1" }
  - { from: p, to: outside, share: 1 }
`);
    expect(error.message).toBe('cycle among expressions: a -> b -> c -> a');
  });

  it('compile(model) names an unknown name in an expression with the nearest names', () => {
    const error = compileFailure(`${header}
parameters:
  recycling_rate: 0.3
processes: [p]
flows:
  - { from: outside, to: p, value: "1" }
  - { from: p, to: outside, share: recyling_rate }
  - { from: p, to: outside, share: rest, id: rest }
`);
    expect(error.message).toBe('unknown name: recyling_rate');
    expect(error.hint).toMatch(/recycling_rate/);
  });

  it('compile(model) rejects flows over different dimensions into one process', () => {
    const error = compileFailure(`${header}
dimensions:
  stream: [food, paper]
parameters:
  by_stream: { unit: t/yr, dims: [stream], value: { food: 1, paper: 2 } }
processes: [p]
flows:
  - { from: outside, to: p, value: by_stream }
  - { from: outside, to: p, value: "3", id: scalar }
  - { from: p, to: outside, share: 1 }
`);
    expect(error.message).toMatch(/^dimension mismatch: process p receives flows over \[stream\] and no dimensions/);
  });

  it('compile(model) rejects a process where mass would vanish', () => {
    const error = compileFailure(`${header}
processes: [sink]
flows:
  - { from: outside, to: sink, value: "1" }
`);
    expect(error.message).toBe('process sink has no outflows and no stock');
  });

  it('compile(model) rejects share flows out of an accumulating stock', () => {
    const error = compileFailure(`${header}
processes: [landfill]
flows:
  - { from: outside, to: landfill, value: "1" }
  - { from: landfill, to: outside, share: 1 }
stocks:
  landfilled: { process: landfill, kind: accumulate }
`);
    expect(error.message).toMatch(/^invalid flow: share flows out of landfill/);
  });

  it('compile(model) rejects a stock target that is not a mass', () => {
    const error = compileFailure(`${header}
parameters:
  area: { unit: m^2, value: 1 }
processes: [buildings]
flows:
  - { from: outside, to: buildings, demand: true }
  - { from: buildings, to: outside, share: 1 }
stocks:
  dwellings: { process: buildings, kind: stock-driven, target: area, lifetime: { fixed: { mean: 10 } } }
`);
    expect(error.message).toBe('unit mismatch: target of stock dwellings is in m^2, not a mass');
  });
});
