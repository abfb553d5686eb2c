import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MathJsInstance } from 'mathjs';
import { loadMathjsBundle, mathjsCodeCache } from '../../../engine/expr/mathjsBundle.js';

const root = mkdtempSync(join(tmpdir(), 'metabolis-codecache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file in the test folder holding `content`; its path. */
function file(name: string, content: string | Buffer): string {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
}

const answer = (exports: unknown) => (exports as { answer(): number }).answer();

describe('loadMathjsBundle', () => {
  it('loadMathjsBundle(bundle, cache) runs a bundle changed since its cache was made as it is now, even at the same length', () => {
    // V8 compares only the length of the source with the cache's: without the hash, the old code would run.
    const old = file('old.js', 'module.exports = { answer: () => 6 * 7 };');
    const cache = file('old.v8cache', mathjsCodeCache((exports) => answer(exports), old));
    const changed = file('changed.js', 'module.exports = { answer: () => 6 * 8 };');
    expect(answer(loadMathjsBundle(old, cache))).toBe(42);
    expect(answer(loadMathjsBundle(changed, cache))).toBe(48);
  });

  it('loadMathjsBundle(bundle, cache) compiles the bundle when the cache is missing or not V8 code', () => {
    const bundle = file('bundle.js', 'module.exports = { answer: () => 6 * 7 };');
    const key = mathjsCodeCache(() => undefined, bundle).subarray(0, 64);
    const corrupt = file('corrupt.v8cache', Buffer.concat([key, Buffer.alloc(4096, 7)]));
    expect(answer(loadMathjsBundle(bundle, corrupt))).toBe(42);
    expect(answer(loadMathjsBundle(bundle, join(root, 'missing.v8cache')))).toBe(42);
  });

  it('loadMathjsBundle() with the cache made from the installed mathjs gives mathjs, with its units', () => {
    const cache = file('mathjs.v8cache', mathjsCodeCache((bundle) => (bundle as { create(): MathJsInstance }).create().parse('a * b')));
    const math = (loadMathjsBundle(undefined, cache) as { create(): MathJsInstance }).create();
    expect(math.evaluate('2 t / year').toNumber('kg/day')).toBeCloseTo(2000 / 365.25, 9);
  });
});
