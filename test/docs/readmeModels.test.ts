import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { run } from '../../engine/simulate/run.js';
import { compileObservations } from '../../engine/observations/compileObservations.js';
import { loadSweepFromText } from '../../engine/sweep/spec/loadSweep.js';
import { resolveSweep } from '../../engine/sweep/spec/resolveSweep.js';

/**
 * Every model and sweep the README prints is one a reader can copy: the model blocks load,
 * compile and run every scenario to success with the synthetic data of test/fixtures/readme, and
 * the sweep blocks resolve against the model before them.
 */
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
const models = blocks.filter((block) => block.startsWith('metabolis: 1'));
const sweeps = blocks.filter((block) => block.startsWith('metabolis-sweep: 1'));
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the README', () => {
  it('README prints at least one model and one sweep', () => {
    expect(models.length).toBeGreaterThan(0);
    expect(sweeps.length).toBeGreaterThan(0);
  });

  models.forEach((text, index) => {
    it(`README model ${index + 1} validates as printed and runs every scenario to success`, () => {
      const folder = join(scratch, `model-${index}`);
      cpSync(join(import.meta.dirname, '../fixtures/readme'), folder, { recursive: true });
      writeFileSync(join(folder, 'model.yaml'), text);
      const model = compile(loadModel(join(folder, 'model.yaml')));
      compileObservations(model);
      for (const scenario of [undefined, ...model.scenarios.keys()]) {
        const solution = run(model, { scenario });
        expect(solution.issues).toEqual([]);
        expect(solution.status).toBe('success');
      }
    });
  });

  sweeps.forEach((text, index) => {
    it(`README sweep ${index + 1} resolves against the README model`, () => {
      const folder = join(scratch, `sweep-${index}`);
      cpSync(join(import.meta.dirname, '../fixtures/readme'), folder, { recursive: true });
      writeFileSync(join(folder, 'model.yaml'), models[0]);
      writeFileSync(join(folder, 'sweep.yaml'), text);
      const spec = loadSweepFromText(text, join(folder, 'sweep.yaml'));
      const resolved = resolveSweep(spec, compile(loadModel(join(folder, 'model.yaml'))));
      expect(resolved.factors.length).toBeGreaterThan(0);
      expect(resolved.outputs.length).toBeGreaterThan(0);
    });
  });
});
