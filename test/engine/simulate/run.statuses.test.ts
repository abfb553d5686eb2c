import { describe, expect, it } from 'vitest';
import { run } from '../../../engine/simulate/run.js';
import { compileYaml } from '../../support/modelFromYaml.js';

const header = `
metabolis: 1
name: statuses
time: { start: 2020, end: 2022 }
unit: t
`;

describe('run: expected numerical outcomes are statuses, not exceptions', () => {
  it('run(model) reports a process out of balance with its name, year and residual', () => {
    const solution = run(
      compileYaml(`${header}
processes: [a]
flows:
  - { from: outside, to: a, value: "100" }
  - { from: a, to: outside, value: "60" }
`),
    );
    expect(solution.status).toBe('unbalanced');
    expect(solution.issues[0]).toMatchObject({ status: 'unbalanced', process: 'a', year: 2020, residual: 40 });
    expect([...solution.balance[0].residual]).toEqual([40, 40, 40]);
  });

  it('run(model) reports a flow made negative by value outflows larger than the input', () => {
    const solution = run(
      compileYaml(`${header}
processes: [a]
flows:
  - { from: outside, to: a, value: "100" }
  - { from: a, to: outside, value: "120", id: taken }
  - { from: a, to: outside, share: 1, id: remainder }
`),
    );
    expect(solution.status).toBe('negative-flow');
    expect(solution.issues[0]).toMatchObject({ flow: 'remainder', year: 2020, value: -20 });
  });

  it('run(model) takes a negative flow within rounding of its source process as 0, not as a negative flow', () => {
    // 0.3 in, 0.1 + 0.2 = 0.30000000000000004 out by value: the rest is −5.6e-17, rounding.
    const solution = run(
      compileYaml(`${header}
processes: [u, p]
flows:
  - { from: outside, to: u, value: 1 }
  - { from: u, to: p, share: 0.3 }
  - { from: u, to: outside, share: rest, id: u-out }
  - { from: p, to: outside, value: "0.1 + 0.2", id: taken }
  - { from: p, to: outside, share: rest, id: p-rest }
`),
    );
    expect(solution.status).toBe('success');
    expect([...solution.flows.find((flow) => flow.id === 'p-rest')!.values]).toEqual([0, 0, 0]);
  });

  it('run(model, {parameters}) reports shares that leave [0, 1] when a parameter makes them', () => {
    const model = compileYaml(`${header}
parameters:
  recycling: 0.3
processes: [a]
flows:
  - { from: outside, to: a, value: "100" }
  - { from: a, to: outside, share: recycling, id: recycled }
  - { from: a, to: outside, share: rest, id: disposed }
`);
    expect(run(model).status).toBe('success');
    const solution = run(model, { parameters: { recycling: 1.2 } });
    expect(solution.status).toBe('invalid-shares');
    expect(solution.issues.map((issue) => issue.flow ?? issue.process)).toContain('recycled');
  });

  it('run(model) reports a recycling loop that never lets mass leave, and returns NaN, not zeros', () => {
    const solution = run(
      compileYaml(`${header}
parameters:
  back: 0.5
processes: [a, b]
flows:
  - { from: outside, to: a, value: "100" }
  - { from: a, to: b, share: 1 }
  - { from: b, to: a, share: back, id: returned }
  - { from: b, to: outside, share: rest }
`),
      { parameters: { back: 1 } },
    );
    expect(solution.status).toBe('singular-loop');
    expect(solution.flows.every((flow) => flow.values.every(Number.isNaN))).toBe(true);
  });
});
