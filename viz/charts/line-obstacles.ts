import type { Obstacle } from '../labels/place.js';

/**
 * Boxes along a polyline, so that labels keep off the lines: one box per segment, as tall as
 * the segment rises plus the stroke, split so that steep segments do not block a wide area.
 */
export function polylineObstacles(xs: ArrayLike<number>, ys: ArrayLike<number>, stroke: number, group: number): Obstacle[] {
  const obstacles: Obstacle[] = [];
  const half = stroke / 2 + 0.5;
  for (let i = 1; i < xs.length; i++) {
    const pieces = Math.max(1, Math.ceil(Math.abs(ys[i] - ys[i - 1]) / 6));
    for (let k = 0; k < pieces; k++) {
      const xa = xs[i - 1] + ((xs[i] - xs[i - 1]) * k) / pieces;
      const xb = xs[i - 1] + ((xs[i] - xs[i - 1]) * (k + 1)) / pieces;
      const ya = ys[i - 1] + ((ys[i] - ys[i - 1]) * k) / pieces;
      const yb = ys[i - 1] + ((ys[i] - ys[i - 1]) * (k + 1)) / pieces;
      obstacles.push({ x0: Math.min(xa, xb) - half, y0: Math.min(ya, yb) - half, x1: Math.max(xa, xb) + half, y1: Math.max(ya, yb) + half, group });
    }
  }
  return obstacles;
}
