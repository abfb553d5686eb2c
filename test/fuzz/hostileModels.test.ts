import { rmSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, fuzzCases } from './fuzzCases.js';
import { runCases, type RunnerOutcome } from './fuzzRunner.js';

/**
 * A seeded fuzz test: malformed models made from the shipped ones and the test fixtures, each
 * loaded, compiled and run as the CLI would, in a child process under a deadline. For every case:
 * success or a ModelError (or OptionsError) with a file and a hint, never another error; it ends;
 * and no data file outside the model's folder (and the data root it was given) was read.
 * The seed is fixed, so a failure names a case that replays exactly.
 */
const SEED = 20261124;
const CASES = 240;
/** Far above what any case takes (most take milliseconds): a case past it does not end. */
const DEADLINE_MS = 20_000;
/** Characters of a message and its hint, at most. */
const MESSAGE_LENGTH = 1_000;

const root = createSandbox();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const inside = (path: string, folder: string) => {
  const route = relative(folder, path);
  return route !== '' && route !== '..' && !route.startsWith(`..${sep}`);
};

const show = (outcome: RunnerOutcome) => `case ${outcome.index} (${outcome.outcome}): ${'message' in outcome ? outcome.message : ''}`;

describe('hostile models (seeded fuzz)', () => {
  it(`loadModel, compile and run end in success or a typed error, end, and read nothing outside the allowed folders (${CASES} cases, seed ${SEED})`, { timeout: 300_000 }, async () => {
    const cases = fuzzCases(root, SEED, CASES);
    const outcomes = await runCases(cases, DEADLINE_MS);
    expect(outcomes.filter((outcome) => !['success', 'ModelError', 'OptionsError'].includes(outcome.outcome)).map(show)).toEqual([]);
    expect(outcomes.filter((outcome) => 'typed' in outcome && !outcome.typed).map(show)).toEqual([]);
    // A clear message: a few lines, whatever the file holds (long names, cells or lists are abbreviated).
    expect(outcomes.filter((outcome) => outcome.outcome === 'ModelError' && 'length' in outcome && outcome.length > MESSAGE_LENGTH).map(show)).toEqual([]);
    const outside = outcomes.flatMap((outcome) => {
      if (!('served' in outcome)) return [];
      const allowed = [dirname(cases[outcome.index].file), ...cases[outcome.index].dataRoots];
      return outcome.served.filter((path) => !allowed.some((folder) => inside(path, folder))).map((path) => `case ${outcome.index} read ${path}`);
    });
    expect(outside).toEqual([]);
    expect(outcomes.filter((outcome) => 'served' in outcome && outcome.served.length > 0).length).toBeGreaterThan(CASES / 40);
    expect(outcomes.map((outcome) => ('message' in outcome ? outcome.message : '')).join('\n')).not.toMatch(/FUZZ-SECRET/);
    // The cases reach every stage: some load, compile and run; most are refused, each for its own reason.
    expect(outcomes.filter((outcome) => outcome.outcome === 'success').length).toBeGreaterThan(CASES / 40);
    expect(outcomes.filter((outcome) => outcome.outcome === 'ModelError').length).toBeGreaterThan(CASES / 2);
  });
});
