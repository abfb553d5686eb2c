import { compile } from '../../engine/compile/compileModel.js';
import type { DataFolders } from '../../engine/definition/loadContext.js';
import { loadSweepModel, readUserFile } from '../../engine/definition/loadModelFile.js';
import { locate } from '../../engine/definition/locate.js';
import { childPath } from '../../engine/definition/sourceMap.js';
import { modelSweepJob } from '../../engine/sweep/job/modelSweepJob.js';
import { loadSweepFromText, type SweepOverrides } from '../../engine/sweep/spec/loadSweep.js';
import type { SweepSpec } from '../../engine/sweep/spec/sweepSpec.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';
import type { SweepLabels } from './manifest.js';

/** A model's sweep job, with the unit of each output and the labels of factors and outputs for the manifest to record. */
export type ModelSweepJob = SweepJob & { readonly units: Readonly<Record<string, string>>; readonly labels: SweepLabels };

/**
 * A sweep file (or a model file with a `sweep:` section), its model loaded and compiled, as a job.
 * The model must lie in the sweep file's folder or a data root, as data files must.
 */
export function openSweep(path: string, overrides: SweepOverrides = {}, folders: DataFolders = {}): { spec: SweepSpec; job: ModelSweepJob } {
  const spec = loadSweepFromText(readUserFile(path, 'sweep file'), path, overrides);
  const definition = loadSweepModel(path, spec.model, locate(spec, childPath(spec.root, 'model')), folders);
  // A stock's level is a mass; flows, a stock's inflow and outflow, and waste streams are masses per
  // year; emissions are masses of CO2e per year; an indicator is in its own unit.
  const compiled = compile(definition);
  const unitOf = (output: (typeof spec.outputs)[number]) => {
    const { source } = output;
    if (source.kind === 'stock' && source.measure === 'level') return definition.massUnit;
    if (source.kind === 'emission') return `${definition.massUnit} CO2e/yr`;
    if (source.kind === 'indicator') return compiled.indicators.find((indicator) => indicator.name === source.id)?.unit ?? '';
    return `${definition.massUnit}/yr`;
  };
  const units = Object.fromEntries(spec.outputs.map((output) => [output.name, unitOf(output)]));
  const labelled = (entries: readonly { name: string; label: string | undefined }[]) => Object.fromEntries(entries.flatMap(({ name, label }) => (label === undefined ? [] : [[name, label]])));
  const labels = { factors: labelled(spec.factors), outputs: labelled(spec.outputs) };
  return { spec, job: { ...modelSweepJob(spec, definition, compiled), units, labels } };
}
