import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metabolisBin as metabolis } from '../cli/builtBin.js';

/**
 * The Quick start shows what `npm run demo` prints: the README's block is the demo's output, line
 * for line, except one line "… (N more lines: …)" that stands for N lines of it.
 */
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const block = /and prints:\n\n```\n([\s\S]*?)```/.exec(readme)![1].trimEnd().split('\n');
const scratch = mkdtempSync(join(tmpdir(), 'metabolis-demo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the README Quick start', () => {
  it('metabolis run models/singapore (the demo) prints what the README shows', () => {
    const out = join(scratch, 'singapore');
    const { code, stdout } = metabolis('run', 'models/singapore/model.yaml', '--out', out);
    expect(code).toBe(0);
    const printed = stdout.trimEnd().split(out).join('results/singapore').split('\n');
    const elision = block.findIndex((line) => /^ *… \(\d+ more lines/.test(line));
    const elided = elision < 0 ? 0 : Number(/(\d+) more lines/.exec(block[elision])![1]);
    const before = elision < 0 ? block : block.slice(0, elision);
    const after = elision < 0 ? [] : block.slice(elision + 1);
    expect(printed.slice(0, before.length)).toEqual(before);
    expect(printed.slice(printed.length - after.length)).toEqual(after);
    expect(printed.length).toBe(before.length + elided + after.length);
  });
});
