import type { Box } from '../labels/box.js';
import { pathData } from '../svg/element.js';

/**
 * The stock element under a node: additions leave the bottom of the node's right side and turn
 * down into a box under it; releases rise from the box and turn into the bottom of its left side.
 * Both bands keep the flows' scale, so the node balances visibly: what comes in equals what goes
 * out plus what turns down into the stock.
 */
export interface StockRoute {
  readonly nodeX0: number;
  readonly nodeX1: number;
  /** Bottom of the node's drawn sides, where both bands attach. */
  readonly base: number;
  readonly radius: number;
  readonly additionWidth: number;
  readonly releaseWidth: number;
  readonly box: Box;
}

const STOCK_TURN_RADIUS = 3;
const STOCK_STUB = 3;
const STOCK_BOX_HEIGHT = 5;
const STOCK_BOX_MARGIN = 2;
/** Vertical space a stock element needs under its node (its label sits beside the box). */
export const STOCK_RESERVE = STOCK_TURN_RADIUS + STOCK_STUB + STOCK_BOX_HEIGHT + 12;

export function stockRoute(nodeX0: number, nodeX1: number, base: number, additionWidth: number, releaseWidth: number): StockRoute {
  const r = STOCK_TURN_RADIUS;
  const top = base + r + STOCK_STUB;
  const box = {
    x0: releaseWidth > 0 ? nodeX0 - r - releaseWidth - STOCK_BOX_MARGIN : nodeX0 - STOCK_BOX_MARGIN,
    y0: top,
    x1: additionWidth > 0 ? nodeX1 + r + additionWidth + STOCK_BOX_MARGIN : nodeX1 + STOCK_BOX_MARGIN,
    y1: top + STOCK_BOX_HEIGHT,
  };
  return { nodeX0, nodeX1, base, radius: r, additionWidth, releaseWidth, box };
}

/** Centre line of an addition part whose centre lies `e` above the node's bottom. */
export function additionPath(route: StockRoute, e: number): string {
  const arc = route.radius + e;
  return pathData('M', route.nodeX1, route.base - e, 'A', arc, arc, 0, 0, 1, route.nodeX1 + route.radius + e, route.base + route.radius, 'V', route.box.y0);
}

/** Centre line of a release part whose centre lies `e` above the node's bottom. */
export function releasePath(route: StockRoute, e: number): string {
  const arc = route.radius + e;
  const x = route.nodeX0 - route.radius - e;
  return pathData('M', x, route.box.y0, 'V', route.base + route.radius, 'A', arc, arc, 0, 0, 1, route.nodeX0, route.base - e);
}

/** Boxes covering the bands and the box, for label placement. */
export function stockBoxes(route: StockRoute): Box[] {
  const { nodeX0, nodeX1, base, radius: r, additionWidth: a, releaseWidth: w } = route;
  const boxes: Box[] = [route.box];
  if (a > 0) boxes.push({ x0: nodeX1, y0: base - a, x1: nodeX1 + r + a, y1: route.box.y0 });
  if (w > 0) boxes.push({ x0: nodeX0 - r - w, y0: base - w, x1: nodeX0, y1: route.box.y0 });
  return boxes;
}
