import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const GOLDEN = new URL('./golden/', import.meta.url);

/**
 * Compares a figure with its golden SVG in test/viz/golden/. Run with UPDATE_GOLDEN=1 to write
 * the files after a deliberate change, then look at the diff (and the figure) before committing.
 */
export function expectGolden(name: string, svg: string): void {
  const file = new URL(`${name}.svg`, GOLDEN);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI === 'true' && !existsSync(file)) throw new Error(`golden file missing: test/viz/golden/${name}.svg`);
    writeFileSync(file, svg);
  }
  expect(svg).toBe(readFileSync(file, 'utf8'));
}

/** Every number in the document has at most three decimals. */
export function longestDecimals(svg: string): number {
  let longest = 0;
  for (const match of svg.matchAll(/\d+\.(\d+)/g)) longest = Math.max(longest, match[1].length);
  return longest;
}
