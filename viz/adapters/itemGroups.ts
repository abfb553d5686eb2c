/**
 * Which colour category each dimension item falls in. Beyond `maxItems` categories colours can
 * no longer be told apart, so the largest `maxItems − 1` items keep their own and the rest share
 * one, named for how many it holds ("4 smaller streams").
 */
export interface ItemGroups {
  readonly names: readonly string[];
  /** Category of each item, by the item's index in its dimension. */
  readonly groupOf: Int32Array;
}

export function itemGroups(items: readonly string[], totals: Float64Array, maxItems: number, dimension: string): ItemGroups {
  const groupOf = new Int32Array(items.length);
  if (items.length <= maxItems) {
    groupOf.forEach((_, k) => (groupOf[k] = k));
    return { names: items, groupOf };
  }
  const bySize = items.map((_, k) => k).sort((a, b) => totals[b] - totals[a] || a - b);
  const kept = new Set(bySize.slice(0, maxItems - 1));
  const names: string[] = [];
  for (let k = 0; k < items.length; k++) {
    if (!kept.has(k)) continue;
    groupOf[k] = names.length;
    names.push(items[k]);
  }
  const merged = items.length - kept.size;
  for (let k = 0; k < items.length; k++) if (!kept.has(k)) groupOf[k] = names.length;
  names.push(`${merged} smaller ${dimension}s`);
  return { names, groupOf };
}
