import type { Box } from './box.js';
import { BoxGrid, NO_GROUP } from './box-grid.js';
import type { LabelCandidate, Obstacle } from './place.js';
import { blockHeight, blockLeft, blockTop, blockWidth } from './text-block.js';

/** Clear space kept between two labels, in points. */
const LABEL_GAP = 1;
/** Grid cell size in points: about a short label's width, so a query touches a few cells. */
const CELL_SIZE = 24;
/** Half the width of a leader line as placement sees it, in points. */
const LINE_HALF_WIDTH = 0.2;

/** A candidate, moved by (dx, dy), with the box it occupies there and what that costs. */
export interface Scored {
  readonly candidate: LabelCandidate;
  readonly dx: number;
  readonly dy: number;
  readonly box: Box;
  /** Obstacle area covered: 0 is a free position. */
  readonly cost: number;
}

/**
 * The figure as label placement sees it: obstacles, the labels placed so far, and the bounds
 * every label must stay in. Scoring a position allocates nothing, since placement scores
 * thousands of them per figure.
 */
export class LabelSpace {
  private readonly obstacles: BoxGrid;
  private readonly labels: BoxGrid;

  constructor(obstacles: readonly Obstacle[], private readonly bounds: Box) {
    this.obstacles = new BoxGrid(bounds, CELL_SIZE);
    this.labels = new BoxGrid(bounds, CELL_SIZE);
    for (const obstacle of obstacles) this.obstacles.insert(obstacle, obstacle.group);
  }

  occupy(box: Box): void {
    this.labels.insert(box);
  }

  /**
   * Obstacle area the candidate covers when moved by (dx, dy); Infinity when it leaves the
   * bounds or comes within the gap of a placed label. Above `limit` the sum may stop early.
   */
  cost(candidate: LabelCandidate, dx: number, dy: number, limit: number): number {
    const { block } = candidate;
    const x0 = blockLeft(block, candidate.x + dx);
    const y0 = blockTop(block, candidate.y + dy);
    const x1 = x0 + blockWidth(block);
    const y1 = y0 + blockHeight(block);
    const { bounds } = this;
    if (x0 < bounds.x0 || y0 < bounds.y0 || x1 > bounds.x1 || y1 > bounds.y1) return Infinity;
    if (this.labels.overlap(x0 - LABEL_GAP, y0 - LABEL_GAP, x1 + LABEL_GAP, y1 + LABEL_GAP, NO_GROUP, 0) > 0) return Infinity;
    return this.obstacles.overlap(x0, y0, x1, y1, candidate.ownGroup ?? NO_GROUP, limit);
  }

  /**
   * The first free candidate in order, each moved by (dx, dy); else the one covering the least
   * obstacle area (the first of equals), unless `start`, the best of an earlier call, covers
   * less; undefined when none is inside the bounds and clear of placed labels. With `accept`, a
   * free position counts only if it accepts its box (free positions it rejects are passed over).
   */
  best(candidates: readonly LabelCandidate[], dx = 0, dy = 0, start?: Scored, accept?: (box: Box) => boolean): Scored | undefined {
    let best = start;
    for (const candidate of candidates) {
      const cost = this.cost(candidate, dx, dy, best?.cost ?? Infinity);
      if (cost === Infinity || (best !== undefined && cost >= best.cost)) continue;
      const scored = { candidate, dx, dy, box: this.box(candidate, dx, dy), cost };
      if (cost > 0) best = scored;
      else if (accept === undefined || accept(scored.box)) return scored;
    }
    return best;
  }

  /**
   * Whether the segment from (x1, y1) to (x2, y2) crosses no obstacle, judged at points a point
   * apart; the first point is left out, since the segment starts on the edge of what it leaves.
   */
  clearLine(x1: number, y1: number, x2: number, y2: number): boolean {
    const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1));
    for (let s = 1; s <= steps; s++) {
      const x = x1 + ((x2 - x1) * s) / steps;
      const y = y1 + ((y2 - y1) * s) / steps;
      if (this.obstacles.overlap(x - LINE_HALF_WIDTH, y - LINE_HALF_WIDTH, x + LINE_HALF_WIDTH, y + LINE_HALF_WIDTH, NO_GROUP, 0) > 0) return false;
    }
    return true;
  }

  private box(candidate: LabelCandidate, dx: number, dy: number): Box {
    const x0 = blockLeft(candidate.block, candidate.x + dx);
    const y0 = blockTop(candidate.block, candidate.y + dy);
    return { x0, y0, x1: x0 + blockWidth(candidate.block), y1: y0 + blockHeight(candidate.block) };
  }
}
