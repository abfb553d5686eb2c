import type { Command } from 'commander';
import { addFailureCounts, totalFailures } from '../../engine/sweep/failureCounts.js';
import { peakCountLines } from './exclusionNotes.js';
import { failureSentence } from './failuresCommand.js';
import { readSummary } from './summaryFile.js';
import { mergeShards } from './mergeShards.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shards of a sweep (<dir>/shard-k-of-K) into <dir>, after checking that every shard is there, complete and of the same design')
    .argument('<dir>', 'the --out folder the shards were run with')
    .addHelpText('after', '\nExample:\n  $ metabolis sweep sweep.yaml --shard 0/2 --out runs/x && metabolis sweep sweep.yaml --shard 1/2 --out runs/x\n  $ metabolis merge runs/x\n')
    .action(async (folder: string) => {
      const manifest = await mergeShards(folder);
      const failures = addFailureCounts(manifest.parts.map((part) => part.failures ?? {}));
      const peaks = peakCountLines(await readSummary(folder, manifest));
      process.stdout.write(
        `merged ${manifest.mergedFrom!.length} shards into ${folder}: ${manifest.runs} runs, ${manifest.parts.length} parts, summary.parquet\n` +
          `${totalFailures(failures) > 0 ? `${failureSentence(failures, folder)}\n` : ''}${peaks.map((line) => `${line}\n`).join('')}`,
      );
    });
}
