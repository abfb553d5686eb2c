import { addFailureCounts, totalFailures } from '../../engine/sweep/failureCounts.js';
import { peakCountLines } from './exclusionNotes.js';
import { failureSentence } from './failuresAction.js';
import { readSummary } from './summaryFile.js';
import { mergeShards } from './mergeShards.js';

/** `metabolis merge <dir>`: check and combine the shards of a sweep. */
export async function mergeSweep(folder: string): Promise<void> {
  const manifest = await mergeShards(folder);
  const failures = addFailureCounts(manifest.parts.map((part) => part.failures ?? {}));
  const peaks = peakCountLines(await readSummary(folder, manifest));
  process.stdout.write(
    `merged ${manifest.mergedFrom!.length} shards into ${folder}: ${manifest.runs} runs, ${manifest.parts.length} parts, summary.parquet\n` +
      `${totalFailures(failures) > 0 ? `${failureSentence(failures, folder)}\n` : ''}${peaks.map((line) => `${line}\n`).join('')}`,
  );
}
