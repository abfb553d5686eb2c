import { compile } from '../../compile/compileModel.js';
import type { ModelDefinition } from '../../definition/types.js';
import { run } from '../../simulate/run.js';
import type { BatchOutcome, BatchTask } from '../pool/batch.js';
import type { FactorBinding, OutputBinding } from '../spec/resolveSweep.js';
import { statusCode } from '../sweepJob.js';
import { factorApplier } from './applyFactors.js';
import { outputExtractor } from './extractOutputs.js';

/** What a sweep worker starts from: plain data, cloned into each thread once. */
export interface SweepWorkerData {
  readonly definition: ModelDefinition;
  readonly scenario: string | undefined;
  readonly factors: readonly FactorBinding[];
  readonly outputs: readonly OutputBinding[];
  readonly columns: number;
}

const SUCCESS = statusCode('success');
const NON_FINITE = statusCode('non-finite');
const ERROR = statusCode('error');

/**
 * Compiles the model once and returns the function that evaluates a batch: for each run, apply
 * its factor values, run, and extract the outputs. A run that throws or gives non-finite values
 * is recorded with its status and message and the batch goes on. The worker thread and the
 * single-thread benchmark both run sweeps through this.
 */
export function sampleRunner(data: SweepWorkerData): (task: BatchTask) => BatchOutcome {
  const model = compile(data.definition);
  const applier = factorApplier(model, data.factors);
  const extractor = outputExtractor(data.outputs, model.years);
  // Each solution is read (extract) before the next run, so the runs can share one set of output buffers.
  const options = { scenario: data.scenario, parameters: applier.parameters, reuseOutputs: true };
  const width = data.factors.length;
  const { columns } = data;

  return (task) => {
    const rows = task.to - task.from;
    const outputs = new Float64Array(rows * columns);
    const status = new Uint8Array(rows);
    const messages: (string | null)[] = new Array<string | null>(rows).fill(null);
    for (let row = 0; row < rows; row++) {
      try {
        applier.apply(task.inputs, row * width);
        const solution = run(applier.model, options);
        const problem = extractor.extract(solution, outputs, row * columns);
        status[row] = statusCode(solution.status);
        messages[row] = solution.issues[0]?.message ?? null;
        if (problem !== undefined && status[row] === SUCCESS) {
          status[row] = NON_FINITE;
          messages[row] = problem;
        }
      } catch (error) {
        outputs.fill(NaN, row * columns, (row + 1) * columns);
        status[row] = ERROR;
        messages[row] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
    return { outputs, status, messages };
  };
}
