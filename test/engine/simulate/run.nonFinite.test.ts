import { describe, expect, it } from 'vitest';
import { run } from '../../../engine/simulate/run.js';
import { compileYaml } from '../../support/modelFromYaml.js';

const header = `
metabolis: 1
name: overflow
time: { start: 2020, end: 2025 }
unit: t
`;

describe('run: values that overflow are the non-finite status, never success', () => {
  it('run(model) reports an accumulating stock that finite flows of 1e308 make infinite', () => {
    const solution = run(
      compileYaml(`${header}
processes: [landfill]
flows:
  - { from: outside, to: landfill, value: "1e308" }
stocks:
  landfilled: { process: landfill, kind: accumulate }
`),
    );
    expect(solution.stocks[0].stock[5]).toBe(Infinity);
    expect(solution.status).toBe('non-finite');
    expect(solution.issues[0]).toMatchObject({ status: 'non-finite', stock: 'landfilled', year: 2021 });
  });

  it('run(model, {parameters}) reports an inflow-driven stock that overflows downstream of a parameter', () => {
    const model = compileYaml(`${header}
parameters: { inflow: 100 }
processes: [use, landfill]
flows:
  - { from: outside, to: use, value: inflow }
  - { from: use, to: landfill, share: 1 }
stocks:
  in_use: { process: use, kind: inflow-driven, lifetime: { fixed: { mean: 2 } } }
  landfilled: { process: landfill, kind: accumulate }
`);
    expect(run(model).status).toBe('success');
    const solution = run(model, { parameters: { inflow: 1e308 } });
    expect(solution.status).toBe('non-finite');
    expect(solution.issues.map((issue) => issue.stock)).toContain('in_use');
  });
});
