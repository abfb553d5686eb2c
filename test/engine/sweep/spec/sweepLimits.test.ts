import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../engine/definition/limits.js';
import { loadSweepModel } from '../../../../engine/definition/loadModelFile.js';
import { loadSweepFromText } from '../../../../engine/sweep/spec/loadSweep.js';
import { modelError } from '../../definition/loadHelpers.js';

const outputs = 'outputs:\n  landfill: { flow: collection->landfill }\n';

const sweep = (sampler: string, n: number, factors = 1) =>
  `metabolis-sweep: 1\nmodel: model.yaml\nsampler: ${sampler}\nn: ${n}\nfactors:\n${Array.from({ length: factors }, (_, f) => `  f${f}: { uniform: { min: 0, max: 1 } }\n`).join('')}${outputs}`;

describe('loadSweepFromText(text): designs past the limits are model errors before any design is made', () => {
  it('loadSweepFromText(huge n) names the runs of each sampler and the limit, at n', () => {
    for (const [sampler, runs] of [['monte-carlo', 9_007_199_254_740_991], ['latin-hypercube', 900_719_925_474], ['morris', 2 * 90_071_992_547], ['sobol', 4 * 4_294_967_296]] as const) {
      const n = sampler === 'morris' ? 90_071_992_547 : sampler === 'sobol' ? 4_294_967_296 : runs;
      const error = modelError(() => loadSweepFromText(sweep(sampler, n), 'sweep.yaml'));
      expect(error.message, sampler).toBe(`too many runs: the ${sampler} design has ${runs.toLocaleString('en-US')}, more than ${LIMITS.sweepRuns.toLocaleString('en-US')}`);
      expect(error.at).toMatchObject({ path: 'n', line: 4 });
    }
  });

  it('loadSweepFromText(text, file, { n }) checks a command-line n the same way', () => {
    expect(modelError(() => loadSweepFromText(sweep('monte-carlo', 10), 'sweep.yaml', { n: LIMITS.sweepRuns + 1 })).message).toMatch(/^too many runs/);
  });

  it('loadSweepFromText(grid of many levels) multiplies the levels', () => {
    const levels = `[${Array.from({ length: 1_000 }, (_, i) => i).join(', ')}]`;
    const text = `metabolis-sweep: 1\nmodel: model.yaml\nsampler: grid\nfactors:\n  a: { levels: ${levels} }\n  b: { levels: ${levels} }\n  c: { levels: ${levels} }\n${outputs}`;
    expect(modelError(() => loadSweepFromText(text, 'sweep.yaml')).message).toBe(`too many runs: the grid design has 1,000,000,000, more than ${LIMITS.sweepRuns.toLocaleString('en-US')}`);
  });

  it('loadSweepFromText(sobol over more factors than its sequence has dimensions) is a model error', () => {
    const error = modelError(() => loadSweepFromText(sweep('sobol', 4, 600), 'sweep.yaml'));
    expect(error.message).toBe('too many factors: 600 for the sobol sampler, at most 555');
    expect(error.at.path).toBe('factors');
  });
});

describe('loadSweepModel(sweep file, model): the model lies in the sweep file folder or a data root', () => {
  const root = mkdtempSync(join(tmpdir(), 'metabolis-sweep-folder-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'sweeps'));
  mkdirSync(join(root, 'models'));
  writeFileSync(join(root, 'models', 'model.yaml'), 'metabolis: 1\nname: m\ntime: { start: 2020, end: 2021 }\nunit: t\nprocesses: [a]\n');
  const at = { file: join(root, 'sweeps', 'sweep.yaml'), path: 'model', line: 2 };

  it('loadSweepModel(sweep file, ../models/model.yaml) is refused at the model key, and read with a data root', () => {
    const error = modelError(() => loadSweepModel(join(root, 'sweeps', 'sweep.yaml'), '../models/model.yaml', at));
    expect(error.message).toBe(`model file outside the sweep's folder: ${join(root, 'models', 'model.yaml')}`);
    expect(error.at).toEqual(at);
    expect(error.hint).toMatch(/--data-root/);
    expect(loadSweepModel(join(root, 'sweeps', 'sweep.yaml'), '../models/model.yaml', at, { dataRoots: [join(root, 'models')] }).name).toBe('m');
  });

  it('loadSweepModel(sweep file, missing model) names the path it looked for', () => {
    expect(modelError(() => loadSweepModel(join(root, 'sweeps', 'sweep.yaml'), 'nothing.yaml', at)).message).toBe(`missing model file: ${join(root, 'sweeps', 'nothing.yaml')}`);
  });
});
