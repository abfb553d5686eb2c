import type { Box } from '../labels/box.js';
import type { Obstacle } from '../labels/place.js';
import type { SankeyGraph } from './graph.js';
import type { ForwardLayout } from './layout.js';
import { loopBoxes } from './loop-route.js';
import type { Routing } from './routing.js';
import { stockBoxes } from './stock-route.js';

/** Groups of obstacles that are not flows (flows use their link index). */
const NODE_GROUP = -1;
const STOCK_GROUP = -2;
const IMBALANCE_GROUP = -3;
const BEZIER_SAMPLES = 16;
/** Slack around each piece: the stroke's extent is measured at the samples only, its edge between them may bulge a little. */
const SAMPLE_MARGIN = 0.3;

/** A forward flow's whole band (all its parts together): centre line ends and width. */
export interface ForwardBand {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly width: number;
}

/**
 * Point and vertical half-thickness of a band's centre at parameter t of its Bézier curve, whose
 * control points sit at the middle x: x(t) and y(t) are the cubic Bernstein sums, and a stroke of
 * width w measured across the curve is w·√(1 + (dy/dx)²) tall.
 */
export function bandAt(band: ForwardBand, t: number): { x: number; y: number; half: number } {
  const { x0, y0, x1, y1 } = band;
  const u = 1 - t;
  const middle = (x0 + x1) / 2;
  const x = u * u * u * x0 + 3 * u * t * (u * middle + t * middle) + t * t * t * x1;
  const y = (u * u * u + 3 * u * u * t) * y0 + (3 * u * t * t + t * t * t) * y1;
  const dx = 3 * u * u * (middle - x0) + 3 * t * t * (x1 - middle);
  const dy = 6 * u * t * (y1 - y0);
  const slope = dx === 0 ? 0 : dy / dx;
  return { x, y, half: (band.width / 2) * Math.sqrt(1 + slope * slope) };
}

export function forwardBand(graph: SankeyGraph, layout: ForwardLayout, l: number): ForwardBand {
  const parts = layout.parts[l];
  const first = parts[0];
  const last = parts[parts.length - 1];
  let width = 0;
  for (const part of parts) width += part.width;
  const link = graph.links[l];
  return {
    x0: layout.nodes[link.source].x1,
    x1: layout.nodes[link.target].x0,
    y0: (first.y0 - first.width / 2 + last.y0 + last.width / 2) / 2,
    y1: (first.y1 - first.width / 2 + last.y1 + last.width / 2) / 2,
    width,
  };
}

/**
 * Boxes that together hold a forward band drawn at least `minWidth` wide: one per piece between
 * two samples of its curve, spanning both ends' extents. y runs monotonically along each piece
 * and the height peaks at a sample (the middle), so the boxes hold the whole band.
 */
export function bandPieces(band: ForwardBand, minWidth: number): Box[] {
  const drawn = band.width >= minWidth ? band : { ...band, width: minWidth };
  const pieces: Box[] = [];
  let previous = bandAt(drawn, 0);
  for (let s = 1; s <= BEZIER_SAMPLES; s++) {
    const point = bandAt(drawn, s / BEZIER_SAMPLES);
    pieces.push({
      x0: previous.x,
      y0: Math.min(previous.y - previous.half, point.y - point.half) - SAMPLE_MARGIN,
      x1: point.x,
      y1: Math.max(previous.y + previous.half, point.y + point.half) + SAMPLE_MARGIN,
    });
    previous = point;
  }
  return pieces;
}

/** Everything drawn that labels must keep off: nodes, bands, stock elements, imbalance markers. */
export function sankeyObstacles(graph: SankeyGraph, layout: ForwardLayout, routing: Routing, minWidth: number): Obstacle[] {
  const obstacles: Obstacle[] = [];
  for (const { x0, y0, x1, y1 } of layout.nodes) obstacles.push({ x0, y0, x1, y1, group: NODE_GROUP });
  graph.links.forEach((_, l) => {
    const route = routing.loops[l];
    const boxes = route ? loopBoxes(route) : bandPieces(forwardBand(graph, layout, l), minWidth);
    for (const box of boxes) obstacles.push({ ...box, group: l });
  });
  for (const route of routing.stocks) if (route) for (const box of stockBoxes(route)) obstacles.push({ ...box, group: STOCK_GROUP });
  for (const marker of routing.imbalances) if (marker) obstacles.push({ ...marker.box, group: IMBALANCE_GROUP });
  return obstacles;
}
