import type { Command } from 'commander';
import type { FailuresFlags } from './failuresAction.js';

export function registerFailures(program: Command): void {
  program
    .command('failures')
    .description('the runs of a sweep that did not succeed, by status, with the first messages of each')
    .argument('<sweep-dir>', 'a sweep folder (complete or not, or one shard)')
    .option('--examples <count>', 'runs listed per status (default 5)')
    .option('--json', 'print the counts and the runs listed as JSON')
    .addHelpText('after', '\nExample:\n  $ metabolis failures results/sg-sobol --examples 20\n')
    .action(async (folder: string, flags: FailuresFlags) => (await import('./failuresAction.js')).listFailures(folder, flags));
}
