import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FuzzCase } from './fuzzProcess.js';
import { baseFile, mutate, mutation } from './mutations.js';

/** The valid files cases start from, each copied with its data into a folder of its own; `weight` is its share of the cases. */
const BASES = [
  { name: 'tiny', kind: 'model', folder: 'test/fixtures/sweeps/tiny', file: 'model.yaml', weight: 4 },
  { name: 'city', kind: 'model', folder: 'test/fixtures/definition/city', file: 'model.yaml', weight: 3 },
  { name: 'singapore', kind: 'model', folder: 'models/singapore', file: 'model.yaml', weight: 2 },
  { name: 'reference', kind: 'model', folder: 'models/reference-city', file: 'model.yaml', weight: 1 },
  { name: 'sweep', kind: 'sweep', folder: 'test/fixtures/sweeps/tiny', file: 'sweep.yaml', weight: 2 },
] as const;

const repository = join(import.meta.dirname, '../..');

/**
 * A sandbox folder: a copy of every base with its data, a secret beside them, a shared folder
 * (a data root for some cases), and in each base's data folder a link out to the secret and a
 * link to a file inside. Returns its path; the caller removes it.
 */
export function createSandbox(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'metabolis-fuzz-')));
  writeFileSync(join(root, 'secret.txt'), 'year,value\nFUZZ-SECRET,1\n');
  mkdirSync(join(root, 'shared'));
  writeFileSync(join(root, 'shared', 'extra.csv'), 'year,value\n2000,1\n2100,1\n');
  for (const base of BASES) {
    const folder = join(root, base.name);
    cpSync(join(repository, base.folder), folder, { recursive: true });
    mkdirSync(join(folder, 'data'), { recursive: true });
    writeFileSync(join(folder, 'data', 'inside-target.csv'), 'year,value\n2000,1\n2100,1\n');
    symlinkSync(join(root, 'secret.txt'), join(folder, 'data', 'escape.csv'));
    symlinkSync(join(folder, 'data', 'inside-target.csv'), join(folder, 'data', 'inside.csv'));
  }
  return root;
}

const drawnCase = fc.record({
  base: fc.noBias(fc.nat(BASES.reduce((sum, base) => sum + base.weight, 0) - 1)),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  sharedRoot: fc.noBias(fc.boolean()),
});

function baseOf(draw: number): (typeof BASES)[number] {
  let left = draw;
  for (const base of BASES) {
    if (left < base.weight) return base;
    left -= base.weight;
  }
  throw new Error(`no base for draw ${draw}`);
}

/** `count` cases drawn from `seed`, with their files in the sandbox `root` (each next to its base). */
export function fuzzCases(root: string, seed: number, count: number): FuzzCase[] {
  const files = new Map(BASES.map((base) => [base.name, baseFile(readFileSync(join(root, base.name, base.file), 'utf8'))]));
  return fc.sample(drawnCase, { seed, numRuns: count }).map((drawn, index) => {
    const base = baseOf(drawn.base);
    return {
      index,
      kind: base.kind,
      file: join(root, base.name, `case-${index}.yaml`),
      text: mutate(files.get(base.name)!, drawn.mutations),
      dataRoots: drawn.sharedRoot ? [join(root, 'shared')] : [],
    };
  });
}
