import { describe, expect, it } from 'vitest';
import { designWarnings } from '../../../../engine/sweep/spec/designWarnings.js';
import { loadSweepFromText } from '../../../../engine/sweep/spec/loadSweep.js';

const sweep = (sampler: string, n: number) =>
  loadSweepFromText(`metabolis-sweep: 1\nmodel: model.yaml\nsampler: ${sampler}\nn: ${n}\nfactors:\n  rate: { uniform: { min: 0, max: 1 } }\noutputs:\n  x: { flow: a->b }\n`, 'sweep.yaml');

describe('designWarnings', () => {
  it('designWarnings(sobol, n not a power of two) names the powers of two around it; a power of two or another sampler gives none', () => {
    expect(designWarnings(sweep('sobol', 100))).toEqual(["n = 100 is not a power of two: the Sobol' sequence is balanced only for N = 2^k, so the indices converge more slowly; use n = 64 or 128"]);
    expect(designWarnings(sweep('sobol', 1))).toEqual([]);
    expect(designWarnings(sweep('sobol', 1024))).toEqual([]);
    expect(designWarnings(sweep('monte-carlo', 100))).toEqual([]);
  });
});
