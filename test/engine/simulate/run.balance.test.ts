import { describe, expect, it } from 'vitest';
import { run } from '../../../engine/simulate/run.js';
import { compileFailure, compileYaml } from '../../support/modelFromYaml.js';

/** A market that must supply `demand`; what comes back from recycling is secondary material, the rest primary. */
const market = (extra = '', recycled = 0.4) => `
metabolis: 1
name: market balance
time: { start: 2020, end: 2024 }
unit: t
drivers:
  demand: { unit: t/yr, values: { 2020: 1000, 2024: 1400 } }
processes: [market, use, collection, recycling]
flows:
  - { from: outside, to: market, balance: demand, id: primary }
  - { from: market, to: use, share: 1 }
  - { from: use, to: collection, share: 1 }
  - { from: collection, to: recycling, share: ${recycled} }
  - { from: collection, to: outside, share: rest, id: disposed }
  - { from: recycling, to: market, share: 1, id: secondary }
${extra}
`;

describe('run: balance flows (a market balance: primary = demand − secondary)', () => {
  it('run(model) brings into the market exactly its demand: primary = demand − secondary, through the recycling loop', () => {
    const solution = run(compileYaml(market()));
    expect(solution.status).toBe('success');
    const flow = (id: string) => solution.flows.find((candidate) => candidate.id === id)!.values;
    const demand = [1000, 1100, 1200, 1300, 1400];
    demand.forEach((total, t) => {
      expect(flow('primary')[t] + flow('secondary')[t]).toBeCloseTo(total, 9);
      // All of the market's throughput is collected; 40 % of it comes back.
      expect(flow('secondary')[t]).toBeCloseTo(0.4 * total, 9);
      expect(flow('primary')[t]).toBeCloseTo(0.6 * total, 9);
    });
  });

  it('run(model) reports a negative primary input when more secondary material comes back than the market needs', () => {
    // A stockpile of 2000 t a year sold into the market, more than its demand.
    const solution = run(compileYaml(market('  - { from: outside, to: market, value: 2000, id: stockpile }')));
    expect(solution.status).toBe('negative-flow');
    expect(solution.issues[0].flow).toBe('primary');
  });

  it('loadModel(model) accepts one balance flow per process, from outside', () => {
    expect(compileFailure(market().replace('{ from: recycling, to: market, share: 1, id: secondary }', '{ from: recycling, to: market, balance: demand, id: secondary }')).message).toBe('invalid balance flow: secondary comes from recycling');
    expect(compileFailure(market('  - { from: outside, to: market, balance: demand, id: again }')).message).toBe('two balance flows into market: primary and again');
  });
});
