import type { Box } from './box.js';

/**
 * Boxes bucketed into square cells, so that "what overlaps this box?" looks at nearby boxes
 * only: label placement asks it for every candidate position, against thousands of obstacles.
 */
export class BoxGrid<T extends Box> {
  private readonly cells = new Map<number, number[]>();
  private readonly items: T[] = [];
  /** Query number at which each item was last visited, so an item in several cells counts once. */
  private visited = new Int32Array(64);
  private query = 0;

  constructor(private readonly cellSize: number) {}

  /** Rows and columns stay far below 2^20 for any figure, so the pair packs into one number. */
  private static key(column: number, row: number): number {
    return (column + 524288) * 1048576 + (row + 524288);
  }

  insert(item: T): void {
    const index = this.items.length;
    this.items.push(item);
    if (index >= this.visited.length) {
      const grown = new Int32Array(this.visited.length * 2);
      grown.set(this.visited);
      this.visited = grown;
    }
    const size = this.cellSize;
    for (let c = Math.floor(item.x0 / size); c <= Math.floor(item.x1 / size); c++) {
      for (let r = Math.floor(item.y0 / size); r <= Math.floor(item.y1 / size); r++) {
        const key = BoxGrid.key(c, r);
        const cell = this.cells.get(key);
        if (cell) cell.push(index);
        else this.cells.set(key, [index]);
      }
    }
  }

  /**
   * Sum of `measure(item)` over stored boxes in the cells that `box` touches, each counted once;
   * stops early once the sum exceeds `limit`, since callers only compare it with a best so far.
   */
  sumNear(box: Box, measure: (item: T) => number, limit = Infinity): number {
    const stamp = ++this.query;
    const size = this.cellSize;
    let sum = 0;
    for (let c = Math.floor(box.x0 / size); c <= Math.floor(box.x1 / size); c++) {
      for (let r = Math.floor(box.y0 / size); r <= Math.floor(box.y1 / size); r++) {
        const cell = this.cells.get(BoxGrid.key(c, r));
        if (!cell) continue;
        for (let k = 0; k < cell.length; k++) {
          const index = cell[k];
          if (this.visited[index] === stamp) continue;
          this.visited[index] = stamp;
          sum += measure(this.items[index]);
          if (sum > limit) return sum;
        }
      }
    }
    return sum;
  }
}
