import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADER, load, loadError } from './loadHelpers.js';

const network = `
processes: [a]
flows:
  - { from: outside, to: a, value: "1" }
  - { from: a, to: outside, share: 1 }
`;

const withParameter = (parameter: string) => `${HEADER}
dimensions:
  region: [north, south]
  stream: [food, paper, glass]
parameters:
  p: ${parameter}
${network}`;

describe('loadParameters', () => {
  it('loadModelFromText(text) names an unknown dimension item with the nearest items', () => {
    const error = loadError(withParameter('{ dims: [stream], value: { food: 0.1, papr: 0.4, glass: 0 } }'));
    expect(error.message).toBe('unknown item of stream: papr');
    expect(error.at).toMatchObject({ path: 'parameters.p.value.papr', line: 10 });
    expect(error.hint).toMatch(/^did you mean 'paper'/);
  });

  it('loadModelFromText(text) rejects a map that leaves out an item (never a silent zero)', () => {
    const error = loadError(withParameter('{ dims: [stream], value: { food: 0.1, paper: 0.4 } }'));
    expect(error.message).toBe('missing item: glass at parameters.p.value');
    expect(error.at).toMatchObject({ path: 'parameters.p.value', line: 10 });
    expect(error.hint).toMatch(/food, paper, glass/);
  });

  it('loadModelFromText(text) rejects a negative parameter value unless signed', () => {
    const error = loadError(withParameter('{ dims: [stream], value: { food: 0.1, paper: -0.4, glass: 0 } }'));
    expect(error.message).toBe('negative value in parameter p (paper: -0.4)');
    expect(error.at).toMatchObject({ path: 'parameters.p.value.paper', line: 10 });
    expect(error.hint).toMatch(/signed: true/);
  });

  it('loadModelFromText(text) rejects a map for a parameter without dims', () => {
    const error = loadError(withParameter('{ value: { food: 1 } }'));
    expect(error.message).toBe('invalid value at parameters.p.value: parameter p has no dims, so it takes one number');
    expect(error.hint).toMatch(/dims: \[stream\]/);
  });

  it('loadModelFromText(text) needs exactly one of value and expression', () => {
    const error = loadError(withParameter('{ value: 1, expression: "2" }'));
    expect(error.message).toBe('invalid parameter: p needs exactly one of value and expression');
    expect(error.at).toMatchObject({ path: 'parameters.p', line: 10 });
  });

  it('loadModelFromText(text) rejects dims on an expression parameter', () => {
    const error = loadError(withParameter('{ expression: "1", dims: [stream] }'));
    expect(error.message).toBe('invalid parameter: p has an expression and dims');
    expect(error.at.path).toBe('parameters.p.dims');
  });

  it('loadModelFromText(text) lets a number stand for every item below it', () => {
    const definition = load(withParameter('{ dims: [region, stream], value: { north: 1, south: { food: 2, paper: 3, glass: 4 } } }'));
    const [parameter] = definition.parameters;
    expect(parameter.kind === 'value' && Array.from(parameter.value)).toEqual([1, 1, 1, 2, 3, 4]);
  });

  it('loadModelFromText(text) stores a map over two dimensions the same whichever order they are listed in', () => {
    const cell = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 6, maxLength: 6 }), (values) => {
        const at = (region: number, stream: number) => values[region * 3 + stream];
        const streams = ['food', 'paper', 'glass'];
        const byRegion = `{ ${['north', 'south'].map((region, r) => `${region}: { ${streams.map((stream, s) => `${stream}: ${at(r, s)}`).join(', ')} }`).join(', ')} }`;
        const byStream = `{ ${streams.map((stream, s) => `${stream}: { ${['north', 'south'].map((region, r) => `${region}: ${at(r, s)}`).join(', ')} }`).join(', ')} }`;
        const [first] = load(withParameter(`{ dims: [region, stream], value: ${byRegion} }`)).parameters;
        const [second] = load(withParameter(`{ dims: [stream, region], value: ${byStream} }`)).parameters;
        expect(first).toEqual(second);
        expect(first.kind === 'value' && Array.from(first.value)).toEqual(values);
      }),
      { numRuns: 30 },
    );
  });
});
