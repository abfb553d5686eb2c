import type { Box } from '../labels/box.js';
import type { LabelCandidate } from '../labels/place.js';
import { blockHeight, type TextBlock } from '../labels/text-block.js';
import { TEXT_ASCENT } from '../text/measure.js';

/** Between a label and what it labels, in points. */
export const GAP = 2.5;
/** A label beside a node slides along its side in steps of this many points... */
const SLIDE_STEP = 3.5;
/** ...this many steps at most each way, nearest the centre first. */
const MAX_SLIDES = 8;

function anchoredAt(block: TextBlock, anchor: TextBlock['anchor']): TextBlock {
  return block.anchor === anchor ? block : { ...block, anchor };
}

/** The block beside the box with its top at `top`. */
function besideAt(block: TextBlock, box: Box, side: 'left' | 'right', top: number): LabelCandidate {
  const anchored = anchoredAt(block, side === 'right' ? 'start' : 'end');
  return { x: side === 'right' ? box.x1 + GAP : box.x0 - GAP, y: top + TEXT_ASCENT * block.size, block: anchored };
}

/** Beside the box, centred on it vertically. */
export function beside(block: TextBlock, box: Box, side: 'left' | 'right'): LabelCandidate {
  return besideAt(block, box, side, (box.y0 + box.y1) / 2 - blockHeight(block) / 2);
}

/**
 * Beside the box off its centre, where bands leave the side free: top-aligned, bottom-aligned,
 * then in steps along the side, nearest the centre first; every position keeps the label level
 * with at least half of the box or half of itself, whichever is shorter, so it still reads as the
 * box's label.
 */
export function besideSliding(block: TextBlock, box: Box, side: 'left' | 'right'): LabelCandidate[] {
  const height = blockHeight(block);
  const overlap = Math.min(height, box.y1 - box.y0) / 2;
  const centred = (box.y0 + box.y1) / 2 - height / 2;
  const highest = box.y0 - height + overlap;
  const lowest = box.y1 - overlap;
  const tops = [box.y0, box.y1 - height];
  for (let k = 1; k <= MAX_SLIDES; k++) {
    if (centred - k * SLIDE_STEP >= highest) tops.push(centred - k * SLIDE_STEP);
    if (centred + k * SLIDE_STEP <= lowest) tops.push(centred + k * SLIDE_STEP);
  }
  return tops.map((top) => besideAt(block, box, side, top));
}

/** Above the box: centred on it, or running right from its left edge ('start'), or left from its right edge ('end'). */
export function above(block: TextBlock, box: Box, align: TextBlock['anchor'] = 'middle'): LabelCandidate {
  return across(block, box, box.y0 - GAP - blockHeight(block) + TEXT_ASCENT * block.size, align);
}

/** Below the box, aligned as `above`. */
export function below(block: TextBlock, box: Box, align: TextBlock['anchor'] = 'middle'): LabelCandidate {
  return across(block, box, box.y1 + GAP + TEXT_ASCENT * block.size, align);
}

function across(block: TextBlock, box: Box, y: number, align: TextBlock['anchor']): LabelCandidate {
  const x = align === 'start' ? box.x0 : align === 'end' ? box.x1 : (box.x0 + box.x1) / 2;
  return { x, y, block: anchoredAt(block, align) };
}
