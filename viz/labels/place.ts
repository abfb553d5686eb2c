import type { Box } from './box.js';
import { LabelSpace, type Scored } from './label-space.js';
import { blockBox, type TextBlock } from './text-block.js';

/** A position a label may take: the block's anchor point and first baseline. */
export interface LabelCandidate {
  readonly x: number;
  readonly y: number;
  readonly block: TextBlock;
  /** Obstacles of this group do not count against this position (a flow's own band, for a label set inside it). */
  readonly ownGroup?: number;
}

export interface LabelRequest {
  readonly id: string;
  /** Positions in order of preference. */
  readonly candidates: readonly LabelCandidate[];
  /**
   * A required label (a node's name) is always placed: when every candidate is taken it moves
   * away and gets a leader line to `anchor`. An optional one (a flow's value) is dropped
   * instead, and the figure counts what it dropped.
   */
  readonly required: boolean;
  /** What the label describes (a node's rectangle, or a point as an empty box), where a leader line starts. */
  readonly anchor: Box;
  readonly color?: string;
  /**
   * Positions of a short stand-in for a required label (a key number whose full text the figure
   * lists elsewhere), tried when no candidate is free, before the label moves away.
   */
  readonly keys?: readonly LabelCandidate[];
}

/** Something labels should not cover: a node, a flow band (sampled into boxes), a legend. */
export interface Obstacle extends Box {
  readonly group: number;
}

export interface PlacedLabel {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly block: TextBlock;
  readonly box: Box;
  readonly color: string | undefined;
  /** Present when the label had to move away from its candidates: from the anchor to the box. */
  readonly leader: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | undefined;
  /** True when the stand-in of `LabelRequest.keys` was placed instead of the label. */
  readonly keyed: boolean;
}

export interface Placement {
  readonly placed: readonly PlacedLabel[];
  /** Optional labels that found no free position. */
  readonly dropped: readonly string[];
  /** Required labels that could only be placed over another label (0 in every figure we ship). */
  readonly overlapping: number;
  /** Required labels that could only be placed over an obstacle (0 in every figure we ship). */
  readonly obstructed: number;
}

/** How far, in multiples of its line height, a required label may move to find free space. */
const MAX_DISPLACEMENT_STEPS = 24;

/** Moves tried at each distance: vertical first (along a column's gap), then sideways and diagonal. */
const DIRECTIONS = [
  [0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1],
] as const;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** The leader runs between the nearest points of the anchor and the label's box. */
function leaderTo(anchor: Box, box: Box): PlacedLabel['leader'] {
  const x2 = clamp((anchor.x0 + anchor.x1) / 2, box.x0, box.x1);
  const y2 = clamp((anchor.y0 + anchor.y1) / 2, box.y0, box.y1);
  return { x1: clamp(x2, anchor.x0, anchor.x1), y1: clamp(y2, anchor.y0, anchor.y1), x2, y2 };
}

/** Every candidate moved outwards in steps, nearest first: the first free one, else the least covering. */
function displaced(space: LabelSpace, candidates: readonly LabelCandidate[]): Scored | undefined {
  const step = candidates[0].block.size * 0.6;
  let best: Scored | undefined;
  for (let k = 1; k <= MAX_DISPLACEMENT_STEPS; k++) {
    for (const [dx, dy] of DIRECTIONS) {
      best = space.best(candidates, dx * k * step, dy * k * step, best);
      if (best?.cost === 0) return best;
    }
  }
  return best;
}

/**
 * Greedy placement in request order (put the most important labels first): each label takes its
 * first candidate that stays inside `bounds`, clears every placed label and covers no obstacle.
 * A required label with nowhere free takes its key stand-in, else moves away with a leader line,
 * else covers an obstacle (counted in `obstructed`), else another label (counted in `overlapping`).
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Obstacle[], bounds: Box): Placement {
  const space = new LabelSpace(obstacles, bounds);
  const placed: PlacedLabel[] = [];
  const dropped: string[] = [];
  let overlapping = 0;
  let obstructed = 0;
  const place = (request: LabelRequest, { candidate, dx, dy, box }: Scored, keyed: boolean, moved: boolean) => {
    const leader = moved ? leaderTo(request.anchor, box) : undefined;
    placed.push({ id: request.id, x: candidate.x + dx, y: candidate.y + dy, block: candidate.block, box, color: request.color, leader, keyed });
    space.occupy(box);
  };

  for (const request of requests) {
    const preferred = space.best(request.candidates);
    if (preferred?.cost === 0) {
      place(request, preferred, false, false);
      continue;
    }
    if (!request.required) {
      dropped.push(request.id);
      continue;
    }
    const keyed = request.keys !== undefined;
    const key = keyed ? space.best(request.keys!) : undefined;
    if (key?.cost === 0) {
      place(request, key, true, false);
      continue;
    }
    const near = keyed ? key : preferred;
    const moved = displaced(space, keyed ? request.keys! : request.candidates);
    if (moved?.cost === 0 || (near === undefined && moved !== undefined)) {
      place(request, moved, keyed, true);
      if (moved.cost > 0) obstructed++;
      continue;
    }
    if (near !== undefined) {
      place(request, near, keyed, false);
      obstructed++;
      continue;
    }
    const fallback = request.candidates[0];
    place(request, { candidate: fallback, dx: 0, dy: 0, box: blockBox(fallback.block, fallback.x, fallback.y), cost: 0 }, false, false);
    overlapping++;
  }
  return { placed, dropped, overlapping, obstructed };
}
