import type { Command } from 'commander';
import { mergeShards } from './mergeShards.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shards of a sweep (<dir>/shard-k-of-K) into <dir>, after checking that every shard is there, complete and of the same design')
    .argument('<dir>', 'the --out folder the shards were run with')
    .addHelpText('after', '\nExample:\n  $ metabolis sweep sweep.yaml --shard 0/2 --out runs/x && metabolis sweep sweep.yaml --shard 1/2 --out runs/x\n  $ metabolis merge runs/x\n')
    .action(async (folder: string) => {
      const manifest = await mergeShards(folder);
      const failed = manifest.parts.reduce((sum, part) => sum + part.failed, 0);
      process.stdout.write(
        `merged ${manifest.mergedFrom!.length} shards into ${folder}: ${manifest.runs} runs, ${manifest.parts.length} parts, summary.parquet` +
          `${failed > 0 ? `; ${failed} run(s) did not succeed` : ''}\n`,
      );
    });
}
