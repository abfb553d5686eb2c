import type { Command } from 'commander';
import type { SolveFlags } from './solveTargetAction.js';

export function registerSolveTarget(program: Command): void {
  program
    .command('solve-target')
    .description('find the value of one parameter (or the end value of its ramp) that just meets one or more targets')
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .requiredOption('--target <names>', 'the target(s), comma-separated')
    .requiredOption('--vary <parameter>', 'the value parameter to vary, or one item of it: recycling_rate[paper]')
    .option('--ramp-to <year>', 'ramp the parameter to the value found, reached in this year (default: set it in every year)')
    .option('--ramp-from <year>', 'the year the ramp starts from the parameter\'s value (default: the first model year)')
    .option('--range <low,high>', 'the values allowed (default 0,1 for a dimensionless parameter)')
    .option('-s, --scenario <name>', 'the scenario the policy is added to (its own treatment of the parameter is replaced)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 a value meets every target; 1 a mistake in the model; 2 a mistake in the command; 3 no value in the\nrange meets every target (or a run failed).\n\nExample:\n  $ metabolis solve-target models/singapore/model.yaml --target recycling_2030 --vary domestic_recycling_rate --ramp-to 2030 -s zero-waste\n',
    )
    .action(async (modelPath: string, flags: SolveFlags) => (await import('./solveTargetAction.js')).solveTarget(modelPath, flags));
}
