import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { ModelError } from '../../engine/errors.js';
import { modelSweepJob } from '../../engine/sweep/job/modelSweepJob.js';
import { loadSweepFromText, type SweepOverrides } from '../../engine/sweep/spec/loadSweep.js';
import type { SweepSpec } from '../../engine/sweep/spec/sweepSpec.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';

/** A sweep file (or a model file with a `sweep:` section), its model loaded and compiled, as a job. */
export function openSweep(path: string, overrides: SweepOverrides = {}): { spec: SweepSpec; job: SweepJob } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ModelError(`missing sweep file: ${path}`, { file: path, path: '' }, error instanceof Error ? error.message : String(error));
  }
  const spec = loadSweepFromText(text, path, overrides);
  const modelPath = isAbsolute(spec.model) ? spec.model : join(dirname(path), spec.model);
  const definition = loadModel(modelPath);
  return { spec, job: modelSweepJob(spec, definition, compile(definition)) };
}
