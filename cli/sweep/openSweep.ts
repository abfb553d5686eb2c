import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { ModelError } from '../../engine/errors.js';
import { modelSweepJob } from '../../engine/sweep/job/modelSweepJob.js';
import { loadSweepFromText, type SweepOverrides } from '../../engine/sweep/spec/loadSweep.js';
import type { SweepSpec } from '../../engine/sweep/spec/sweepSpec.js';
import type { SweepJob } from '../../engine/sweep/sweepJob.js';
import type { SweepLabels } from './manifest.js';

/** A model's sweep job, with the unit of each output and the labels of factors and outputs for the manifest to record. */
export type ModelSweepJob = SweepJob & { readonly units: Readonly<Record<string, string>>; readonly labels: SweepLabels };

/** A sweep file (or a model file with a `sweep:` section), its model loaded and compiled, as a job. */
export function openSweep(path: string, overrides: SweepOverrides = {}): { spec: SweepSpec; job: ModelSweepJob } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ModelError(`missing sweep file: ${path}`, { file: path, path: '' }, error instanceof Error ? error.message : String(error));
  }
  const spec = loadSweepFromText(text, path, overrides);
  const modelPath = isAbsolute(spec.model) ? spec.model : join(dirname(path), spec.model);
  const definition = loadModel(modelPath);
  // A stock's level is a mass; flows, a stock's inflow and outflow, and waste streams are masses per
  // year; emissions are masses of CO2e per year.
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
