/**
 * Index arithmetic for arrays over named dimensions. Dimensions are referred to by their position
 * in the model's declaration; an array over dims [d0, d1, …] (ascending positions) stores its items
 * row-major, the last dimension varying fastest.
 */

export function sizeOf(dims: readonly number[], itemCounts: readonly number[]): number {
  let size = 1;
  for (const dim of dims) size *= itemCounts[dim];
  return size;
}

/**
 * For every item of an array over `dims`, the item of an array over `subDims` (a subset of dims)
 * that broadcasts onto it: map[item] = index into the smaller array.
 */
export function broadcastMap(dims: readonly number[], subDims: readonly number[], itemCounts: readonly number[]): Int32Array {
  const size = sizeOf(dims, itemCounts);
  const map = new Int32Array(size);
  const subStride = new Map<number, number>();
  let stride = 1;
  for (let k = subDims.length - 1; k >= 0; k--) {
    subStride.set(subDims[k], stride);
    stride *= itemCounts[subDims[k]];
  }
  for (let item = 0; item < size; item++) {
    let rest = item;
    let subItem = 0;
    for (let k = dims.length - 1; k >= 0; k--) {
      const count = itemCounts[dims[k]];
      const coordinate = rest % count;
      rest = (rest - coordinate) / count;
      subItem += coordinate * (subStride.get(dims[k]) ?? 0);
    }
    map[item] = subItem;
  }
  return map;
}

/** Item names of an array over dims, e.g. [['food'], ['paper']] or [['north', 'food'], …]. */
export function itemLabels(dims: readonly number[], items: readonly (readonly string[])[]): string[][] {
  let labels: string[][] = [[]];
  for (const dim of dims) labels = labels.flatMap((prefix) => items[dim].map((item) => [...prefix, item]));
  return labels;
}

export function isSubset(subDims: readonly number[], dims: readonly number[]): boolean {
  return subDims.every((dim) => dims.includes(dim));
}

/** The item names of one item of an array over dims (what itemLabels(dims, items)[index] is, without the list). */
export function itemLabel(dims: readonly number[], items: readonly (readonly string[])[], index: number): string[] {
  const label = new Array<string>(dims.length);
  let rest = index;
  for (let k = dims.length - 1; k >= 0; k--) {
    const count = items[dims[k]].length;
    label[k] = items[dims[k]][rest % count];
    rest = Math.floor(rest / count);
  }
  return label;
}
