import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile/compileModel.js';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import { run } from '../../../engine/simulate/run.js';
import { MODELS_DIRECTORY } from '../../support/shippedModels.js';

/**
 * The reference city's results, bit for bit, as they were before the engine was made faster
 * (recorded at commit "Sweep workers send their results back copied"): a speed-up may reorder
 * no sum. The hash covers every Float64Array of the solution (flows, stocks with their cohorts,
 * balances, emissions, derived series) in the order the solution lists them.
 */
const RECORDED: Readonly<Record<string, string>> = {
  base: 'c235fc9cc42959a6f76959c59c8cd7f780388bb48258167e6818f52f47c5000e',
  'base (no cohorts)': '6b42f0318c0af4643d4b4c7529cdd5dce86d6e43791884adb261cb23f9627590',
  baseline: 'c235fc9cc42959a6f76959c59c8cd7f780388bb48258167e6818f52f47c5000e',
  'baseline (no cohorts)': '6b42f0318c0af4643d4b4c7529cdd5dce86d6e43791884adb261cb23f9627590',
  circular: '520250ef11ad0671c208a0070c04944863f71485a0814a00fb36a8cd70f76d11',
  'circular (no cohorts)': '3717bf83c1ec8630c810b24e8dfe78a16a682b366905c137ed9336c3ded88033',
  'high-growth': '65aee9cb5906eb2843045f4201e2a5aee4b1c4f57104ef911d72c539815cef8f',
  'high-growth (no cohorts)': 'b3aa8235239f34d035fb0d5bd13cdbbf1602b6f0deaceb57f8773dcece079cf1',
  'landfill-ban': '9f116bdfce2d4b23801d0dd68393d8adc7bc25d888212430440bbb59e2344cae',
  'landfill-ban (no cohorts)': '05ab02a388cda83dfc35ab839ea3beeb649cd1e57c68f799b7343107ea03a73e',
};

function resultHash(value: unknown, hash = createHash('sha256')): ReturnType<typeof createHash> {
  if (value instanceof Float64Array) hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  else if (Array.isArray(value)) for (const entry of value) resultHash(entry, hash);
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) resultHash((value as Record<string, unknown>)[key], hash);
  return hash;
}

describe('the reference city, bit for bit', () => {
  const model = compile(loadModel(join(MODELS_DIRECTORY, 'reference-city/model.yaml')));
  const scenarios = [undefined, ...model.scenarios.keys()];

  it('run(reference city) gives the recorded results in every scenario, with new outputs and with reused ones', () => {
    const hashes: Record<string, string> = {};
    for (const scenario of scenarios) {
      const cohorts = run(model, { scenario, cohorts: true });
      expect(cohorts.status).toBe('success');
      hashes[scenario ?? 'base'] = resultHash(cohorts).digest('hex');
      const fresh = resultHash(run(model, { scenario })).digest('hex');
      const reused = resultHash(run(model, { scenario, reuseOutputs: true })).digest('hex');
      expect(reused).toBe(fresh);
      hashes[`${scenario ?? 'base'} (no cohorts)`] = fresh;
    }
    expect(hashes).toEqual(RECORDED);
  });
});
