import fc from 'fast-check';
import { expect } from 'vitest';
import { type Design, designRows } from '../../../../engine/sweep/design/design.js';

/**
 * What every design must satisfy: produced in blocks cut anywhere, its rows are bit-identical to
 * the rows of the whole table (so threads, batches and shards never change a run's inputs).
 */
export function expectBlocksMatchWhole(design: Design): void {
  const whole = designRows(design);
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, design.size - 1) }), { maxLength: 12 }), (cuts) => {
      const bounds = [0, ...cuts.filter((cut) => cut < design.size).sort((a, b) => a - b), design.size];
      const joined = new Float64Array(whole.length);
      for (let k = 0; k + 1 < bounds.length; k++) {
        joined.set(designRows(design, bounds[k], bounds[k + 1]), bounds[k] * design.dimensions);
      }
      expect(joined).toEqual(whole);
    }),
  );
}

/** Every coordinate of a unit design in [0, 1], or strictly inside it when `open`. */
export function expectUnitCoordinates(design: Design, open: boolean): void {
  for (const value of designRows(design)) {
    const inside = open ? value > 0 && value < 1 : value >= 0 && value <= 1;
    if (!inside) expect.fail(`coordinate ${value} outside ${open ? '(0, 1)' : '[0, 1]'}`);
  }
}
