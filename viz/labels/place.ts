import type { Box } from './box.js';
import { LabelSpace, type Scored } from './label-space.js';
import { MAX_DISPLACEMENT_STEPS, MOVABLE_KEYS, SHORT_DISPLACEMENT_STEPS, displaced, leaderTo } from './move-away.js';
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
  /** The candidates worth moving away from, with a leader line, when none is free (default: all). */
  readonly movable?: readonly LabelCandidate[];
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

/**
 * Greedy placement, one request at a time in the order given (put the most important labels
 * first): each label takes its first candidate that stays inside the bounds, clears every placed
 * label and covers no obstacle. An optional label with nowhere free is dropped. A required label
 * with nowhere free moves a little away with a leader line (only where the leader crosses
 * nothing, if it has a key stand-in), else takes its key stand-in, else moves (the key if it has
 * one) further away, else covers an obstacle (counted in `obstructed`), else another label
 * (counted in `overlapping`).
 */
export class LabelPlacer {
  readonly placed: PlacedLabel[] = [];
  readonly dropped: string[] = [];
  overlapping = 0;
  obstructed = 0;
  private readonly space: LabelSpace;

  constructor(obstacles: readonly Obstacle[], bounds: Box) {
    this.space = new LabelSpace(obstacles, bounds);
  }

  /** Places the label, or drops it (then undefined). */
  place(request: LabelRequest): PlacedLabel | undefined {
    const { space } = this;
    const preferred = space.best(request.candidates);
    if (preferred?.cost === 0) return this.add(request, preferred, false, false);
    if (!request.required) {
      this.dropped.push(request.id);
      return undefined;
    }
    const { keys } = request;
    const movable = request.movable ?? request.candidates;
    const leaderClear = (box: Box) => {
      const leader = leaderTo(request.anchor, box)!;
      return space.clearLine(leader.x1, leader.y1, leader.x2, leader.y2);
    };
    const close = displaced(space, movable, 1, SHORT_DISPLACEMENT_STEPS, undefined, keys && leaderClear);
    if (close?.cost === 0) return this.add(request, close, false, true);
    const key = keys && space.best(keys);
    if (key?.cost === 0) return this.add(request, key, true, false);
    const moved = keys ? displaced(space, keys.slice(0, MOVABLE_KEYS), 1, MAX_DISPLACEMENT_STEPS) : displaced(space, movable, SHORT_DISPLACEMENT_STEPS + 1, MAX_DISPLACEMENT_STEPS, close);
    const near = key ?? preferred;
    if (moved !== undefined && (moved.cost === 0 || near === undefined)) {
      if (moved.cost > 0) this.obstructed++;
      return this.add(request, moved, keys !== undefined, true);
    }
    if (near !== undefined) {
      this.obstructed++;
      return this.add(request, near, near === key, false);
    }
    this.overlapping++;
    const fallback = request.candidates[0];
    return this.add(request, { candidate: fallback, dx: 0, dy: 0, box: blockBox(fallback.block, fallback.x, fallback.y), cost: 0 }, false, false);
  }

  private add(request: LabelRequest, { candidate, dx, dy, box }: Scored, keyed: boolean, moved: boolean): PlacedLabel {
    const leader = moved ? leaderTo(request.anchor, box) : undefined;
    const label = { id: request.id, x: candidate.x + dx, y: candidate.y + dy, block: candidate.block, box, color: request.color, leader, keyed };
    this.placed.push(label);
    this.space.occupy(box);
    return label;
  }
}

/** Places every request in order with a `LabelPlacer`. */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Obstacle[], bounds: Box): Placement {
  const placer = new LabelPlacer(obstacles, bounds);
  for (const request of requests) placer.place(request);
  return { placed: placer.placed, dropped: placer.dropped, overlapping: placer.overlapping, obstructed: placer.obstructed };
}
