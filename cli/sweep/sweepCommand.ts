import type { Command } from 'commander';
import { SAMPLERS } from '../../engine/sweep/spec/sweepSpec.js';
import { dataRootOption } from '../dataRoots.js';
import type { SweepFlags } from './sweepAction.js';

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('run a model many times over a design of parameter and driver values; write Parquet files and a manifest')
    .argument('<sweep>', 'sweep file (metabolis-sweep: 1, model: …), or a model file with a sweep: section')
    .option('--sampler <name>', `${SAMPLERS.join(' | ')} (default: the file's)`)
    .option('-n, --n <count>', "sobol: base points N; morris: trajectories; monte-carlo, latin-hypercube: runs (default: the file's)")
    .option('--seed <integer>', "seed of the design (default: the file's, else 0)")
    .option('-t, --threads <count>', 'worker threads (default: available parallelism)')
    .option('--batch-size <runs>', 'runs per batch sent to a worker (default: about 20 ms of work); never changes results')
    .option('-o, --out <dir>', 'output folder (default: results/<model name>-sweep)')
    .option('--shard <k/K>', 'run only shard k of K (k from 0), into <out>/shard-k-of-K; combine them with metabolis merge <out>')
    .option('--resume', 'finish the interrupted sweep in <out>, without recomputing what it kept')
    .option('-q, --quiet', 'no progress display')
    .addOption(dataRootOption())
    .addHelpText(
      'after',
      '\nExamples:\n  $ metabolis sweep models/singapore/sweep.yaml --sampler sobol --n 1024 --threads 4 --out results/sg-sobol\n' +
        '  $ metabolis sweep models/singapore/sweep.yaml --out results/sg-sobol --resume\n' +
        '  $ metabolis sweep models/singapore/sweep.yaml --shard 0/8 --out runs/sg   # then: metabolis merge runs/sg\n',
    )
    .action(async (path: string, flags: SweepFlags) => (await import('./sweepAction.js')).runSweep(path, flags));
}
