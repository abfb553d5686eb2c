import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemGroups } from '../../../viz/adapters/itemGroups.js';

describe('itemGroups', () => {
  it('itemGroups keeps every item when there are few enough', () => {
    const groups = itemGroups(['a', 'b'], Float64Array.of(1, 2), 7, 'material');
    expect(groups.names).toEqual(['a', 'b']);
    expect([...groups.groupOf]).toEqual([0, 1]);
  });

  it('itemGroups keeps the largest items in their order and merges the rest into one named group', () => {
    const groups = itemGroups(['a', 'b', 'c', 'd', 'e'], Float64Array.of(5, 1, 9, 2, 7), 3, 'stream');
    expect(groups.names).toEqual(['c', 'e', '3 other streams']);
    expect([...groups.groupOf]).toEqual([2, 2, 0, 2, 1]);
  });

  it('itemGroups never makes more than maxItems groups, and every item falls in one', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 2, max: 10 }), (totals, maxItems) => {
        const items = totals.map((_, k) => `item${k}`);
        const groups = itemGroups(items, Float64Array.from(totals), maxItems, 'item');
        expect(groups.names.length).toBeLessThanOrEqual(maxItems);
        for (const group of groups.groupOf) expect(group).toBeLessThan(groups.names.length);
      }),
    );
  });
});
