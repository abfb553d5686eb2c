import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../../engine/compile/compileModel.js';
import { loadModel } from '../../../../engine/definition/loadModelFile.js';
import { factorApplier } from '../../../../engine/sweep/job/applyFactors.js';
import { run } from '../../../../engine/simulate/run.js';

const model = compile(loadModel(fileURLToPath(new URL('../../../fixtures/sweeps/tiny/model.yaml', import.meta.url))));

describe('factorApplier', () => {
  it('factorApplier(set one item, scale another parameter) changes just those items', () => {
    const applier = factorApplier(model, [
      { target: 'parameter', symbol: 'recycling_rate', apply: 'set', items: Int32Array.of(1), years: null },
      { target: 'parameter', symbol: 'per_capita', apply: 'scale', items: null, years: null },
    ]);
    applier.apply(Float64Array.of(0.9, 2), 0);
    expect(Array.from(applier.parameters.recycling_rate as Float64Array)).toEqual([0.4, 0.9]);
    expect(Array.from(applier.parameters.per_capita as Float64Array)).toEqual([1, 0.6]);
    applier.apply(Float64Array.of(0.1, 1), 0);
    expect(Array.from(applier.parameters.per_capita as Float64Array)).toEqual([0.5, 0.3]);
  });

  it('factorApplier(driver scale s) multiplies the inflow the driver drives by s and leaves the compiled model as it was', () => {
    const base = run(model).flows[0].values.slice();
    const applier = factorApplier(model, [{ target: 'driver', symbol: 'population', apply: 'scale', items: null, years: null }]);
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), (scale) => {
        applier.apply(Float64Array.of(scale), 0);
        const scaled = run(applier.model).flows[0].values;
        scaled.forEach((value, i) => expect(value).toBeCloseTo(base[i] * scale, 9));
      }),
      { numRuns: 20 },
    );
    expect(run(model).flows[0].values).toEqual(base);
  });

  it('factorApplier(driver scale s within years) scales the driver in those years only', () => {
    const base = run(model).flows[0].values.slice();
    // Years 2024–2031 are indices 4–11; the inflow has two items (paper, plastic) per year.
    const applier = factorApplier(model, [{ target: 'driver', symbol: 'population', apply: 'scale', items: null, years: [4, 11] }]);
    applier.apply(Float64Array.of(1.5), 0);
    const scaled = run(applier.model).flows[0].values;
    scaled.forEach((value, i) => expect(value).toBeCloseTo(base[i] * (i >= 8 ? 1.5 : 1), 9));
  });
});
