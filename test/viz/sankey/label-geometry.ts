import { boxesOverlap, overlapArea, type Box } from '../../../viz/labels/box.js';
import type { PlacedLabel } from '../../../viz/labels/place.js';
import { loopBoxes } from '../../../viz/sankey/loop-route.js';
import type { SankeyScene } from '../../../viz/sankey/scene.js';
import { stockBoxes } from '../../../viz/sankey/stock-route.js';

/** Samples per point of a forward band's length: dense enough that no label slips between two. */
const SAMPLES_PER_POINT = 2;

/** Whether the box shares area with a forward band part drawn as the Bézier centre line from (x0, y0) to (x1, y1), stroked `width` wide. */
function hitsCurve(box: Box, x0: number, y0: number, x1: number, y1: number, width: number): boolean {
  if (box.x1 <= x0 || box.x0 >= x1) return false;
  const middle = (x0 + x1) / 2;
  const samples = Math.ceil((x1 - x0) * SAMPLES_PER_POINT) + 1;
  for (let s = 0; s <= samples; s++) {
    const t = s / samples;
    const u = 1 - t;
    const x = u * u * u * x0 + 3 * u * u * t * middle + 3 * u * t * t * middle + t * t * t * x1;
    if (x <= box.x0 || x >= box.x1) continue;
    const y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1;
    // Distance across the stroke, measured vertically: the half width grows with the slope.
    const dxdt = 3 * u * u * (middle - x0) + 3 * t * t * (x1 - middle);
    const dydt = 6 * u * t * (y1 - y0);
    const half = (width / 2) * Math.hypot(1, dxdt === 0 ? 0 : dydt / dxdt);
    if (y + half > box.y0 && y - half < box.y1) return true;
  }
  return false;
}

/** What each label covers in the drawn scene: other labels, nodes, bands (other than a flow value's own), stock elements. */
export function labelConflicts(scene: SankeyScene): string[] {
  const { graph, geometry } = scene;
  const { layout, routing } = geometry;
  const labels = scene.labels.placed;
  const conflicts: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (boxesOverlap(a.box, b.box)) conflicts.push(`${a.id} overlaps label ${b.id}`);
  });
  const own = (label: PlacedLabel, l: number) => label.id === `flow:${l}`;
  for (const label of labels) {
    layout.nodes.forEach((node, i) => {
      if (overlapArea(label.box, node) > 0) conflicts.push(`${label.id} covers node ${graph.nodes[i].key}`);
    });
    graph.links.forEach((link, l) => {
      if (own(label, l)) return;
      const route = routing.loops[l];
      const hit = route
        ? loopBoxes(route).some((box) => overlapArea(label.box, box) > 0)
        : layout.parts[l].some((part) => hitsCurve(label.box, layout.nodes[link.source].x1, part.y0, layout.nodes[link.target].x0, part.y1, Math.max(part.width, scene.minWidth)));
      if (hit) conflicts.push(`${label.id} covers band ${graph.nodes[link.source].key} -> ${graph.nodes[link.target].key}`);
    });
    routing.stocks.forEach((route, i) => {
      if (route && stockBoxes(route).some((box) => overlapArea(label.box, box) > 0)) conflicts.push(`${label.id} covers the stock of ${graph.nodes[i].key}`);
    });
  }
  return conflicts;
}

/** Gap between two boxes (0 when they touch or overlap). */
export function boxDistance(a: Box, b: Box): number {
  const dx = Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
  const dy = Math.max(0, a.y0 - b.y1, b.y0 - a.y1);
  return Math.hypot(dx, dy);
}
