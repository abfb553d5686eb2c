import type { Box } from '../labels/box.js';
import { pathData } from '../svg/element.js';

/**
 * A backward flow drawn as a clockwise loop under the diagram: out of the source's right side,
 * down to its lane, left along the lane, up on the target's left, into the target's left side.
 * Every turn is a right turn, so the band's inner edge (the one nearer the loop's middle) is its
 * bottom edge where it leaves and enters the nodes, and each part keeps its distance `e` from
 * that inner edge all the way round; centres of the four quarter turns are fixed by the inner
 * edge and the inner radius, so nested parts stay parallel.
 */
export interface LoopRoute {
  /** Right edge of the source node and left edge of the target node. */
  readonly sourceX: number;
  readonly targetX: number;
  /** Inner (bottom) edge of the band at the source and at the target. */
  readonly sourceInner: number;
  readonly targetInner: number;
  /** Inner edges of the downward segment (its left side) and the upward segment (its right side). */
  readonly downX: number;
  readonly upX: number;
  /** Inner (top) edge of the lane. */
  readonly laneY: number;
  /** Radius of the inner edge in every turn. */
  readonly radius: number;
  /** Total band width. */
  readonly width: number;
}

/** Centre line of the part whose centre lies `e` from the inner edge. */
export function loopPath(route: LoopRoute, e: number): string {
  const { sourceX, targetX, sourceInner, targetInner, downX, upX, laneY, radius: r } = route;
  const arc = r + e;
  return pathData(
    'M', sourceX, sourceInner - e,
    'H', downX - r,
    'A', arc, arc, 0, 0, 1, downX + e, sourceInner + r,
    'V', laneY - r,
    'A', arc, arc, 0, 0, 1, downX - r, laneY + e,
    'H', upX + r,
    'A', arc, arc, 0, 0, 1, upX - e, laneY - r,
    'V', targetInner + r,
    'A', arc, arc, 0, 0, 1, upX + r, targetInner - e,
    'H', targetX,
  );
}

/** Boxes covering the band, for label placement (the turns are covered by the segments' ends). */
export function loopBoxes(route: LoopRoute): Box[] {
  const { sourceX, targetX, sourceInner, targetInner, downX, upX, laneY, radius: r, width: w } = route;
  const reach = r + w;
  return [
    { x0: sourceX, y0: sourceInner - w, x1: downX + w, y1: sourceInner + reach },
    { x0: downX, y0: sourceInner, x1: downX + w, y1: laneY + w },
    { x0: upX - w, y0: laneY, x1: downX + w, y1: laneY + w },
    { x0: upX - w, y0: targetInner, x1: upX, y1: laneY + w },
    { x0: upX - w, y0: targetInner - w, x1: targetX, y1: targetInner + reach },
  ];
}
