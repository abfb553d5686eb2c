import type { Box } from './box.js';

/**
 * Boxes bucketed into square cells over a fixed area, so that "what overlaps this box?" looks at
 * nearby boxes only: label placement asks it for every candidate position, against thousands of
 * obstacles. Boxes are copied into typed arrays, so the scans read one shape of data; boxes
 * reaching beyond the area fall into its edge cells.
 */
/** A group no box belongs to: `overlap` then counts every box. */
export const NO_GROUP = -2147483648;

export class BoxGrid {
  private readonly firstColumn: number;
  private readonly firstRow: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly cells: (number[] | undefined)[];
  private coordinates = new Float64Array(256);
  private groups = new Int32Array(64);
  /** Query number at which each box was last visited, so a box in several cells counts once. */
  private visited = new Int32Array(64);
  private count = 0;
  private query = 0;

  constructor(area: Box, private readonly cellSize: number) {
    this.firstColumn = Math.floor(area.x0 / cellSize);
    this.firstRow = Math.floor(area.y0 / cellSize);
    this.columns = Math.max(1, Math.floor(area.x1 / cellSize) - this.firstColumn + 1);
    this.rows = Math.max(1, Math.floor(area.y1 / cellSize) - this.firstRow + 1);
    this.cells = new Array(this.columns * this.rows);
  }

  private column(x: number): number {
    return Math.min(Math.max(Math.floor(x / this.cellSize) - this.firstColumn, 0), this.columns - 1);
  }

  private row(y: number): number {
    return Math.min(Math.max(Math.floor(y / this.cellSize) - this.firstRow, 0), this.rows - 1);
  }

  insert(box: Box, group = 0): void {
    const index = this.count++;
    if (index >= this.groups.length) {
      const coordinates = new Float64Array(this.coordinates.length * 2);
      coordinates.set(this.coordinates);
      this.coordinates = coordinates;
      const groups = new Int32Array(this.groups.length * 2);
      groups.set(this.groups);
      this.groups = groups;
      this.visited = new Int32Array(this.groups.length);
      this.query = 0;
    }
    this.coordinates.set([box.x0, box.y0, box.x1, box.y1], 4 * index);
    this.groups[index] = group;
    for (let c = this.column(box.x0), last = this.column(box.x1); c <= last; c++) {
      for (let r = this.row(box.y0), lastRow = this.row(box.y1); r <= lastRow; r++) {
        const cell = this.cells[c * this.rows + r];
        if (cell) cell.push(index);
        else this.cells[c * this.rows + r] = [index];
      }
    }
  }

  /**
   * Area that the box (x0, y0)–(x1, y1) shares with the stored boxes not in group `ignored`, each
   * counted once, in a fixed order; stops early once the sum exceeds `limit`, since callers only
   * compare it with a best so far (a limit of 0 stops at the first box it overlaps).
   */
  overlap(x0: number, y0: number, x1: number, y1: number, ignored: number, limit: number): number {
    const stamp = ++this.query;
    const { coordinates, groups, visited } = this;
    let sum = 0;
    for (let c = this.column(x0), last = this.column(x1); c <= last; c++) {
      for (let r = this.row(y0), lastRow = this.row(y1); r <= lastRow; r++) {
        const cell = this.cells[c * this.rows + r];
        if (cell === undefined) continue;
        for (let k = 0; k < cell.length; k++) {
          const index = cell[k];
          if (visited[index] === stamp) continue;
          visited[index] = stamp;
          if (groups[index] === ignored) continue;
          const width = Math.min(x1, coordinates[4 * index + 2]) - Math.max(x0, coordinates[4 * index]);
          const height = Math.min(y1, coordinates[4 * index + 3]) - Math.max(y0, coordinates[4 * index + 1]);
          if (width > 0 && height > 0) sum += width * height;
          if (sum > limit) return sum;
        }
      }
    }
    return sum;
  }
}
