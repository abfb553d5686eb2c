import type { Box } from './box.js';
import type { LabelSpace, Scored } from './label-space.js';
import type { LabelCandidate, PlacedLabel } from './place.js';

/** How far, in steps of 0.6 times its font size, a required label may move to find free space... */
export const MAX_DISPLACEMENT_STEPS = 24;
/** ...and how far it moves before a key stand-in, next to what it labels, is preferred. */
export const SHORT_DISPLACEMENT_STEPS = 6;

/** Key positions tried further away, with a leader line: the first few, nearest the anchor. */
export const MOVABLE_KEYS = 4;

/** Moves tried at each distance: vertical first (along a column's gap), then sideways and diagonal. */
const DIRECTIONS = [
  [0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1],
] as const;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** The leader runs between the nearest points of the anchor and the label's box. */
export function leaderTo(anchor: Box, box: Box): PlacedLabel['leader'] {
  const x2 = clamp((anchor.x0 + anchor.x1) / 2, box.x0, box.x1);
  const y2 = clamp((anchor.y0 + anchor.y1) / 2, box.y0, box.y1);
  return { x1: clamp(x2, anchor.x0, anchor.x1), y1: clamp(y2, anchor.y0, anchor.y1), x2, y2 };
}

/**
 * Every candidate moved outwards in steps `first` to `last`, nearest first: the first free one
 * that `accept`s its box, else the one covering least obstacle area, unless `start` (an earlier
 * search's best) covers less.
 */
export function displaced(space: LabelSpace, candidates: readonly LabelCandidate[], first: number, last: number, start?: Scored, accept?: (box: Box) => boolean): Scored | undefined {
  const step = candidates[0].block.size * 0.6;
  let best = start;
  for (let k = first; k <= last; k++) {
    for (const [dx, dy] of DIRECTIONS) {
      best = space.best(candidates, dx * k * step, dy * k * step, best, accept);
      if (best?.cost === 0) return best;
    }
  }
  return best;
}
