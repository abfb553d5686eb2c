import { describe, expect, it } from 'vitest';
import { HEADER, load, loadError } from './loadHelpers.js';

/** Processes households, collection, recycling and flows as given; flows start on line 7. */
const withFlows = (flows: string, extra = '') => `${HEADER}processes: [households, collection, recycling]
flows:
${flows}${extra}`;

describe('loadFlows', () => {
  it('loadModelFromText(text) reads a flow\'s label, and leaves it undefined where none is given', () => {
    const model = load(withFlows(`  - { from: outside, to: households, value: "1", id: msw_generated, label: Municipal solid waste }
  - { from: households, to: collection, share: 1 }
`));
    expect(model.flows.map((flow) => flow.label)).toEqual(['Municipal solid waste', undefined]);
  });

  it('loadModelFromText(text) rejects an empty flow label', () => {
    expect(loadError(withFlows('  - { from: outside, to: households, value: "1", label: "" }\n')).at).toMatchObject({ path: 'flows[0].label', line: 7 });
  });

  it('loadModelFromText(text) names an unknown process in a flow with the nearest names', () => {
    const error = loadError(withFlows('  - { from: outside, to: colection, value: "1" }\n'));
    expect(error.message).toBe('unknown process: colection');
    expect(error.at).toMatchObject({ path: 'flows[0].to', line: 7 });
    expect(error.hint).toMatch(/^did you mean 'collection'/);
  });

  it('loadModelFromText(text) rejects two rest shares out of one process', () => {
    const error = loadError(
      withFlows(`  - { from: outside, to: households, value: "1" }
  - { from: households, to: collection, share: rest }
  - { from: households, to: recycling, share: rest }
`),
    );
    expect(error.message).toBe('two rest shares out of households: households->collection and households->recycling');
    expect(error.at).toMatchObject({ path: 'flows[2].share', line: 9 });
    expect(error.hint).toMatch(/one share per process may be rest/);
  });

  it('loadModelFromText(text) rejects a numeric share above 1', () => {
    const error = loadError(withFlows('  - { from: households, to: collection, share: 1.2 }\n'));
    expect(error.message).toBe('invalid share: 1.2 in flow households->collection is not within [0, 1]');
    expect(error.at).toMatchObject({ path: 'flows[0].share', line: 7 });
  });

  it('loadModelFromText(text) rejects a negative share, also when written as a string', () => {
    const error = loadError(withFlows('  - { from: households, to: collection, share: "-0.1" }\n'));
    expect(error.message).toBe('invalid share: -0.1 in flow households->collection is not within [0, 1]');
  });

  it('loadModelFromText(text) needs exactly one of value, share, demand and balance', () => {
    const both = loadError(withFlows('  - { from: households, to: collection, share: 1, value: "2" }\n'));
    expect(both.message).toBe('invalid flow: households->collection needs exactly one of value, share, demand and balance');
    expect(both.hint).toBe('it gives value and share; keep one');
    const none = loadError(withFlows('  - { from: households, to: collection }\n'));
    expect(none.at).toMatchObject({ path: 'flows[0]', line: 7 });
  });

  it('loadModelFromText(text) asks for ids when two flows share their ends', () => {
    const error = loadError(
      withFlows(`  - { from: households, to: collection, share: 0.5 }
  - { from: households, to: collection, share: rest }
`),
    );
    expect(error.message).toBe('duplicate flow id: households->collection');
    expect(error.at).toMatchObject({ path: 'flows[1]', line: 8 });
    expect(error.hint).toMatch(/give them ids/);
  });

  it('loadModelFromText(text) accepts two flows between the same processes once they have ids', () => {
    const definition = load(
      withFlows(`  - { from: households, to: collection, share: 0.5, id: bins }
  - { from: households, to: collection, share: rest }
`),
    );
    expect(definition.flows.map((flow) => flow.id)).toEqual(['bins', 'households->collection']);
  });

  it('loadModelFromText(text) rejects a flow from outside to outside', () => {
    const error = loadError(withFlows('  - { from: outside, to: outside, value: "1" }\n'));
    expect(error.message).toBe('invalid flow: outside->outside');
    expect(error.at.path).toBe('flows[0]');
  });

  it('loadModelFromText(text) rejects a share of outside', () => {
    const error = loadError(withFlows('  - { from: outside, to: households, share: 1 }\n'));
    expect(error.message).toBe('invalid flow: outside->households is a share of outside');
  });

  it('loadModelFromText(text) rejects demand into a process without a stock-driven stock', () => {
    const error = loadError(withFlows('  - { from: outside, to: households, demand: true }\n'));
    expect(error.message).toBe('invalid demand flow: outside->households goes into households, which has no stock-driven stock');
    expect(error.at).toMatchObject({ path: 'flows[0].demand', line: 7 });
  });

  it('loadModelFromText(text) rejects a negative literal flow value', () => {
    const error = loadError(withFlows('  - { from: outside, to: households, value: -5 }\n'));
    expect(error.message).toBe('negative value in flow outside->households (-5)');
    expect(error.at.path).toBe('flows[0].value');
  });
});
