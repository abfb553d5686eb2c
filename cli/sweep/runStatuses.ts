import { join } from 'node:path';
import { SAMPLE_STATUSES, type SampleStatus } from '../../engine/sweep/sweepJob.js';
import type { SweepManifest } from './manifest.js';
import { readSampleStatuses } from './parquetParts.js';

/** The runs of one status that did not succeed: how many, and the first few with their messages. */
export interface FailureGroup {
  readonly status: SampleStatus;
  readonly count: number;
  readonly examples: readonly { readonly sample: number; readonly message: string | null }[];
}

export interface RunStatuses {
  /** Per run of the folder, in run order: an index into SAMPLE_STATUSES (0: success). */
  readonly status: Uint8Array;
  /** The failures by status, in the order of SAMPLE_STATUSES. */
  readonly failures: readonly FailureGroup[];
}

/** Reads the status of every run from the samples parts, with the first `examples` failures of each status. */
export async function readRunStatuses(folder: string, manifest: SweepManifest, examples = 3): Promise<RunStatuses> {
  const { from, to } = manifest.shard;
  const status = new Uint8Array(to - from);
  const counts = new Array<number>(SAMPLE_STATUSES.length).fill(0);
  const found = SAMPLE_STATUSES.map((): { sample: number; message: string | null }[] => []);
  for (const part of [...manifest.parts].sort((a, b) => a.from - b.from)) {
    const read = await readSampleStatuses(join(folder, part.samples));
    status.set(read.status, part.from - from);
    read.status.forEach((code, row) => {
      if (code === 0) return;
      counts[code]++;
      if (found[code].length < examples) found[code].push({ sample: part.from + row, message: read.messages[row] });
    });
  }
  const failures = SAMPLE_STATUSES.flatMap((name, code) => (counts[code] === 0 ? [] : [{ status: name, count: counts[code], examples: found[code] }]));
  return { status, failures };
}
