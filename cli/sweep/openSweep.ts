import { compile } from '../../engine/compile/compileModel.js';
import type { DataFolders } from '../../engine/definition/loadContext.js';
import { loadSweepModel, readUserFile } from '../../engine/definition/loadModelFile.js';
import { locate } from '../../engine/definition/locate.js';
import { childPath } from '../../engine/definition/sourceMap.js';
import { modelSweepJob } from '../../engine/sweep/job/modelSweepJob.js';
import { loadSweepFromText, type SweepOverrides } from '../../engine/sweep/spec/loadSweep.js';
import type { SweepSpec } from '../../engine/sweep/spec/sweepSpec.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';

/** A model's sweep job, with the unit of each output for the manifest to record. */
export type ModelSweepJob = SweepJob & { readonly units: Readonly<Record<string, string>> };

/**
 * A sweep file (or a model file with a `sweep:` section), its model loaded and compiled, as a job.
 * The model must lie in the sweep file's folder or a data root, as data files must.
 */
export function openSweep(path: string, overrides: SweepOverrides = {}, folders: DataFolders = {}): { spec: SweepSpec; job: ModelSweepJob } {
  const spec = loadSweepFromText(readUserFile(path, 'sweep file'), path, overrides);
  const definition = loadSweepModel(path, spec.model, locate(spec, childPath(spec.root, 'model')), folders);
  // A stock's level is a mass; flows, a stock's inflow and outflow, and waste streams are masses per year.
  const units = Object.fromEntries(
    spec.outputs.map((output) => [output.name, output.source.kind === 'stock' && output.source.measure === 'level' ? definition.massUnit : `${definition.massUnit}/yr`]),
  );
  return { spec, job: { ...modelSweepJob(spec, definition, compile(definition)), units } };
}
