import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledModel } from '../../../engine/compile/compiledModel.js';
import { IssueLog } from '../../../engine/simulate/issueLog.js';
import { BALANCE_ULPS, checkMassBalance } from '../../../engine/simulate/massBalance.js';
import { run } from '../../../engine/simulate/run.js';
import { workspaceOf } from '../../../engine/simulate/workspace.js';
import { compileYaml } from '../../support/modelFromYaml.js';

/** Three items over six years: 18 values per series, which the four-at-a-time sum does not divide. */
const header = `
metabolis: 1
time: { start: 2020, end: 2025 }
unit: t
dimensions: { material: [a, b, c] }
`;

const loop = compileYaml(`${header}
name: loop
parameters: { supply: { dims: [material], value: { a: 10, b: 20, c: 5 } } }
processes: [use, sorting, landfill]
flows:
  - { from: outside, to: use, value: supply }
  - { from: use, to: sorting, share: 1 }
  - { from: sorting, to: use, share: 0.3 }
  - { from: sorting, to: landfill, share: rest }
stocks:
  in_use: { process: use, kind: inflow-driven, lifetime: { fixed: { mean: 3 } } }
  landfilled: { process: landfill, kind: accumulate }
`);

const chain = compileYaml(`${header}
name: chain
parameters: { supply: { dims: [material], value: { a: 1, b: 2, c: 3 } } }
processes: [market, sorting]
flows:
  - { from: outside, to: market, value: supply }
  - { from: market, to: sorting, share: 0.5 }
  - { from: market, to: outside, share: rest }
  - { from: sorting, to: outside, share: 1 }
`);

/** The balance as DESIGN.md states it: flow by flow, in then out, then the stock change; the first residual over its tolerance per process. */
function flowByFlow(model: CompiledModel, flowValues: readonly Float64Array[], stockSeries: ReturnType<typeof workspaceOf>['stockSeries']) {
  const residuals = model.processes.map((process) => new Float64Array(model.horizon * process.size));
  const magnitudes = model.processes.map((process) => new Float64Array(model.horizon * process.size));
  model.flows.forEach((flow, f) => {
    flowValues[f].forEach((value, i) => {
      if (flow.to >= 0) (residuals[flow.to][i] += value), (magnitudes[flow.to][i] += Math.abs(value));
      if (flow.from >= 0) (residuals[flow.from][i] -= value), (magnitudes[flow.from][i] += Math.abs(value));
    });
  });
  const firstUnbalanced = model.processes.map((process, p) => {
    if (process.stock >= 0) {
      const { stock, initialTotal } = stockSeries[process.stock];
      stock.forEach((level, i) => {
        const before = i < process.size ? initialTotal[i] : stock[i - process.size];
        residuals[p][i] -= level - before;
        magnitudes[p][i] += Math.abs(level) + Math.abs(before);
      });
    }
    return residuals[p].findIndex((residual, i) => Math.abs(residual) > BALANCE_ULPS * Number.EPSILON * magnitudes[p][i]);
  });
  return { residuals, firstUnbalanced };
}

const bits = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');

/** Non-negative finite values, zeros of both signs and extremes among them; `balanced` keeps a run's own values. */
const value = fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0, -0, 5e-324, 1e300));
const perturbation = fc.record({
  model: fc.constantFrom(loop, chain),
  balanced: fc.boolean(),
  flows: fc.array(fc.tuple(fc.nat(), fc.nat(), value), { maxLength: 6 }),
  stock: fc.array(fc.tuple(fc.nat(), value), { maxLength: 3 }),
});

describe('checkMassBalance', () => {
  it('checkMassBalance(model) gives the residuals and unbalanced issues of the flow-by-flow sum, to the bit, for any non-negative finite flows, models taking turns', () => {
    fc.assert(
      fc.property(perturbation, ({ model, balanced, flows, stock }) => {
        run(model, { reuseOutputs: true });
        const workspace = workspaceOf(model, true);
        for (const [f, i, x] of flows) {
          const values = workspace.flowValues[f % model.flows.length];
          values[i % values.length] = balanced ? values[i % values.length] : x;
        }
        for (const [i, x] of stock) {
          const series = workspace.stockSeries[0]?.stock;
          if (series && !balanced) series[i % series.length] = x;
        }
        const expected = flowByFlow(model, workspace.flowValues, workspace.stockSeries);
        const issues = new IssueLog(100);
        checkMassBalance(model, workspace, issues);
        expect(workspace.residuals.map(bits)).toEqual(expected.residuals.map(bits));
        const reported = issues.issues.map((issue) => [issue.process, issue.year, issue.item, issue.residual]);
        const wanted = expected.firstUnbalanced.flatMap((i, p) => {
          if (i < 0) return [];
          const process = model.processes[p];
          return [[process.name, model.years[Math.floor(i / process.size)], [['a', 'b', 'c'][i % process.size]], expected.residuals[p][i]]];
        });
        expect(reported).toEqual(wanted);
        if (balanced) expect(reported).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
