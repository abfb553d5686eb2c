import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addBatch, createPartBuffer, type PartBuffer } from '../../engine/sweep/partBuffer.js';
import { partName, type Part } from '../../engine/sweep/parts.js';
import { writeAtomically } from './atomicFile.js';

/**
 * What an interrupted sweep keeps of the parts it had not finished: each part's buffer, written to
 * `.partial/part-NNNNN.bin` when the sweep stops (Ctrl-C), so that --resume runs only the runs
 * that were not done. Layout: a 4-byte header length, the header as JSON (which runs are done,
 * their messages), zero padding to 8 bytes, then the inputs, outputs and statuses of every run of
 * the part as they lie in memory. A sweep that is killed outright leaves none: its unfinished
 * parts are computed again, its finished parts are kept.
 */
const PARTIAL_FOLDER = '.partial';

interface SpillHeader {
  readonly part: Part;
  readonly factors: number;
  readonly columns: number;
  /** Done runs as [from, to) ranges. */
  readonly done: readonly (readonly [number, number])[];
  readonly messages: Readonly<Record<string, string>>;
}

/** The spill of grid cell `index`, as a path in the sweep folder (the manifest's checksums are by this path). */
export function spillFile(index: number): string {
  return `${PARTIAL_FOLDER}/${partName(index)}.bin`;
}

export function isSpillFile(file: string): boolean {
  return file.startsWith(`${PARTIAL_FOLDER}/`);
}

function spillPath(folder: string, index: number): string {
  return join(folder, spillFile(index));
}

/** Writes the runs of the buffer that are in; returns the spill's path in the folder. */
export function writeSpill(folder: string, buffer: PartBuffer): string {
  const { part, factors, columns } = buffer;
  const done: [number, number][] = [];
  const messages: Record<string, string> = {};
  buffer.done.forEach((isDone, row) => {
    if (!isDone) return;
    const last = done[done.length - 1];
    if (last && last[1] === part.from + row) last[1]++;
    else done.push([part.from + row, part.from + row + 1]);
    const message = buffer.messages[row];
    if (message !== null) messages[part.from + row] = message;
  });
  const header: SpillHeader = { part, factors, columns, done, messages };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const start = Math.ceil((4 + headerBytes.length) / 8) * 8;
  const prefix = Buffer.alloc(start);
  prefix.writeUInt32LE(headerBytes.length, 0);
  headerBytes.copy(prefix, 4);
  mkdirSync(join(folder, PARTIAL_FOLDER), { recursive: true });
  writeAtomically(spillPath(folder, part.index), (temporary) =>
    writeFileSync(temporary, Buffer.concat([prefix, bytesOf(buffer.inputs), bytesOf(buffer.outputs), bytesOf(buffer.status)])),
  );
  return spillFile(part.index);
}

/** Removes what interrupted runs left (every spill), once a sweep is complete. */
export function removeSpills(folder: string): void {
  rmSync(join(folder, PARTIAL_FOLDER), { recursive: true, force: true });
}

export function hasSpill(folder: string, index: number): boolean {
  return existsSync(spillPath(folder, index));
}

/** The buffer of `part` with the runs an earlier, interrupted run kept; a fresh buffer when there are none. */
export function readSpill(folder: string, part: Part, factors: number, columns: number): PartBuffer {
  const buffer = createPartBuffer(part, factors, columns);
  const path = spillPath(folder, part.index);
  if (!existsSync(path)) return buffer;
  const bytes = readFileSync(path);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as SpillHeader;
  const same = header.part.from === part.from && header.part.to === part.to && header.factors === factors && header.columns === columns;
  if (!same) return buffer;
  const rows = part.to - part.from;
  let offset = Math.ceil((4 + headerLength) / 8) * 8;
  const take = (length: number) => {
    const view = bytes.subarray(offset, offset + length);
    offset += length;
    return new Uint8Array(view).buffer;
  };
  const inputs = new Float64Array(take(rows * factors * 8));
  const outputs = new Float64Array(take(rows * columns * 8));
  const status = new Uint8Array(take(rows));
  for (const [from, to] of header.done) {
    const row = from - part.from;
    addBatch(buffer, {
      from,
      to,
      inputs: inputs.slice(row * factors, (to - part.from) * factors),
      outputs: outputs.slice(row * columns, (to - part.from) * columns),
      status: status.slice(row, to - part.from),
      messages: Array.from({ length: to - from }, (_, k) => header.messages[from + k] ?? null),
    });
  }
  return buffer;
}

export function removeSpill(folder: string, index: number): void {
  rmSync(spillPath(folder, index), { force: true });
}

function bytesOf(array: Float64Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
