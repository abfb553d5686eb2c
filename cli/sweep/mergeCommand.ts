import type { Command } from 'commander';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shards of a sweep (<dir>/shard-k-of-K) into <dir>, after checking that every shard is there, complete and of the same design')
    .argument('<dir>', 'the --out folder the shards were run with')
    .addHelpText('after', '\nExample:\n  $ metabolis sweep sweep.yaml --shard 0/2 --out runs/x && metabolis sweep sweep.yaml --shard 1/2 --out runs/x\n  $ metabolis merge runs/x\n')
    .action(async (folder: string) => (await import('./mergeAction.js')).mergeSweep(folder));
}
