import { compile } from '../../compile/compileModel.js';
import type { CompiledModel } from '../../compile/compiledModel.js';
import type { ModelDefinition } from '../../definition/types.js';
import { resolveSweep } from '../spec/resolveSweep.js';
import type { SweepSpec } from '../spec/sweepSpec.js';
import type { SweepJob } from '../sweepJob.js';
import { modelHash } from './modelHash.js';
import type { SweepWorkerData } from './sampleRunner.js';
import { sweepDesign } from './sweepDesign.js';

/**
 * The sweep job of a sweep file and its model: the design's factor values as inputs, the
 * recorded outputs as columns, and the model worker (which compiles the definition once per
 * thread). `model` is the definition compiled here, to check the sweep against it.
 */
export function modelSweepJob(spec: SweepSpec, definition: ModelDefinition, model: CompiledModel = compile(definition)): SweepJob {
  const resolved = resolveSweep(spec, model);
  // The sweep loader kept the design within LIMITS.sweepRuns, below 2^31: sample numbers are 32-bit integers.
  const { design, fillValues } = sweepDesign(spec);
  const data: SweepWorkerData = { definition, scenario: spec.scenario, factors: resolved.factors, outputs: resolved.outputs, columns: resolved.columns.length };
  return {
    runs: design.size,
    factors: spec.factors.map((factor) => factor.name),
    columns: resolved.columns,
    fillInputs: fillValues,
    worker: { file: new URL('./sweepWorker.js', import.meta.url), data },
    description: {
      model: { file: spec.model, name: definition.name, hash: modelHash(definition) },
      scenario: spec.scenario ?? null,
      sampler: spec.sampler,
      n: spec.n ?? null,
      seed: spec.seed,
      ...(spec.sampler === 'sobol' ? { secondOrder: spec.secondOrder } : {}),
      ...(spec.sampler === 'morris' ? { levels: spec.levels, placement: spec.placement } : {}),
      factors: spec.factors.map((factor, f) => ({
        name: factor.name,
        [resolved.factors[f].target]: factor.symbol,
        item: factor.items?.[''] ?? factor.items ?? null,
        apply: resolved.factors[f].apply,
        ...(factor.years === undefined ? {} : { years: factor.years }),
        ...(factor.distribution ? { distribution: factor.distribution } : { levels: factor.levels }),
      })),
      outputs: spec.outputs.map((output) => ({
        name: output.name,
        [output.source.kind]: output.source.id,
        ...(output.source.kind === 'stock' ? { measure: output.source.measure } : {}),
        item: output.items?.[''] ?? output.items ?? null,
        record: output.record,
        years: output.years ?? [definition.time.start, definition.time.end],
      })),
    },
  };
}
