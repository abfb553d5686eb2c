import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { ModelError } from '../../engine/errors.js';
import { loadSweepFromText } from '../../engine/sweep/spec/loadSweep.js';
import { resolveSweep } from '../../engine/sweep/spec/resolveSweep.js';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { openSweep } from '../../cli/sweep/openSweep.js';
import { sensitivity } from '../../cli/sweep/sensitivity.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-emission-sweep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const sweepFile = fileURLToPath(new URL('../fixtures/sweeps/carbon/sweep.yaml', import.meta.url));
const modelFile = fileURLToPath(new URL('../fixtures/sweeps/carbon/model.yaml', import.meta.url));

describe('sweeps of emissions', () => {
  it("sensitivity(sweep folder) of cumulative net emissions finds the landfill share and the DOC, and nothing in a factor that cancels out", async () => {
    const { job } = openSweep(sweepFile);
    const out = join(scratch, 'carbon');
    await executeSweep(job, { out, threads: 1, batchSize: 32 });
    const report = await sensitivity(out, { outputs: ['net'], resamples: 50 });
    const total = report.columns.find((entry) => entry.column.statistic === 'total')!;
    const [landfill, doc, unrelated] = total.factors.map((factor) => ('total' in factor ? factor.total : NaN));
    expect(landfill).toBeGreaterThan(0.1);
    expect(doc).toBeGreaterThan(0.1);
    expect(Math.abs(unrelated)).toBeLessThan(1e-9);
  });

  it('resolveSweep(sweep) rejects an emission output of an unknown route, and net of a single route', () => {
    const model = compile(loadModel(modelFile));
    const failure = (outputs: string) => {
      try {
        resolveSweep(loadSweepFromText(`metabolis-sweep: 1\nmodel: model.yaml\nsampler: monte-carlo\nn: 4\nfactors:\n  doc: { uniform: { min: 0.1, max: 0.2 } }\noutputs:\n${outputs}\n`, join(scratch, 'sweep.yaml')), model);
      } catch (error) {
        if (error instanceof ModelError) return error;
        throw error;
      }
      throw new Error('expected a ModelError');
    };
    expect(failure('  x: { emission: metane }').message).toBe('unknown emission route: metane');
    expect(failure('  x: { emission: methane, measure: net }').message).toBe('invalid measure: net is for the total over routes');
    expect(failure('  x: { emission: methane, measure: credit }').message).toBe('invalid measure: route methane has no credit emissions');
  });
});
