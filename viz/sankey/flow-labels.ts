import { formatQuantity, formatUncertainQuantity } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import type { LabelCandidate, LabelRequest } from '../labels/place.js';
import { baselineCentredOn, blockWidth, textBlock } from '../labels/text-block.js';
import { TEXT_ASCENT, TEXT_DESCENT } from '../text/measure.js';
import { bandAt, bandPieces, forwardBand } from './band-shape.js';
import type { SankeyGraph } from './graph.js';
import type { LabelText } from './labels.js';
import type { ForwardLayout } from './layout.js';
import type { Routing } from './routing.js';

const SIZE = FONT_SIZE.label;
/** Where along a forward band its value is tried, middle first. */
const BAND_POSITIONS = [0.5, 0.35, 0.65, 0.2, 0.8];
/** Where along a loop's lane its value is tried, middle first. */
const LANE_POSITIONS = [0.5, 0.3, 0.7, 0.15, 0.85];

/**
 * Flow values, largest first, optional: each sits inside its band where the band is wide enough,
 * else just above or below it (clear of the band along the label's whole width), at the middle
 * of the band or further along; where nothing is free the value is left out (and counted).
 */
export function flowLabelRequests(graph: SankeyGraph, layout: ForwardLayout, routing: Routing, text: LabelText, minWidth: number): LabelRequest[] {
  const requests: LabelRequest[] = [];
  const textHeight = (TEXT_ASCENT + TEXT_DESCENT) * SIZE;
  const bySize = graph.links.map((_, l) => l).sort((a, b) => graph.links[b].total - graph.links[a].total || a - b);
  for (const l of bySize) {
    const link = graph.links[l];
    const value = link.sd === undefined ? formatQuantity(link.total, text.unit, text.suffix) : formatUncertainQuantity(link.total, link.sd, text.unit, text.suffix);
    const block = textBlock([value], SIZE, 'middle');
    const route = routing.loops[l];
    const candidates: LabelCandidate[] = [];
    if (route) {
      for (const fraction of LANE_POSITIONS) {
        const x = route.upX + (route.downX - route.upX) * fraction;
        if (route.width >= textHeight * 1.1) candidates.push({ x, y: baselineCentredOn(block, route.laneY + route.width / 2), block, ownGroup: l });
        candidates.push({ x, y: route.laneY + route.width + 1 + TEXT_ASCENT * SIZE, block });
      }
    } else {
      const band = forwardBand(graph, layout, l);
      const pieces = bandPieces(band, minWidth);
      const half = blockWidth(block) / 2;
      for (const t of BAND_POSITIONS) {
        const point = bandAt(band, t);
        if (band.width >= textHeight * 1.1) candidates.push({ x: point.x, y: baselineCentredOn(block, point.y), block, ownGroup: l });
        // Above and below, clear of the band wherever it runs under or over the label.
        let top = point.y - point.half;
        let bottom = point.y + point.half;
        for (const piece of pieces) {
          if (piece.x1 <= point.x - half || piece.x0 >= point.x + half) continue;
          top = Math.min(top, piece.y0);
          bottom = Math.max(bottom, piece.y1);
        }
        candidates.push({ x: point.x, y: top - 1 - TEXT_DESCENT * SIZE, block });
        candidates.push({ x: point.x, y: bottom + 1 + TEXT_ASCENT * SIZE, block });
      }
    }
    requests.push({ id: `flow:${l}`, candidates, required: false, anchor: { x0: candidates[0].x, y0: candidates[0].y, x1: candidates[0].x, y1: candidates[0].y } });
  }
  return requests;
}
