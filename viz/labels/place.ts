import { boxesOverlap, growBox, insideBox, overlapArea, type Box } from './box.js';
import { BoxGrid } from './box-grid.js';
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
   * away vertically and gets a leader line to `anchor`. An optional one (a flow's value) is
   * dropped instead, and the figure counts what it dropped.
   */
  readonly required: boolean;
  /** What the label describes (a node's rectangle, or a point as an empty box), where a leader line starts. */
  readonly anchor: Box;
  readonly color?: string;
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
}

export interface Placement {
  readonly placed: readonly PlacedLabel[];
  /** Optional labels that found no free position. */
  readonly dropped: readonly string[];
  /** Required labels that could only be placed over another label (0 in every figure we ship). */
  readonly overlapping: number;
}

/** Clear space kept between two labels, in points. */
const LABEL_GAP = 1;
/** How far, in multiples of its line height, a required label may move to find free space. */
const MAX_DISPLACEMENT_STEPS = 24;

/** Grid cell size in points: about a short label's width, so a query touches a few cells. */
const CELL_SIZE = 24;

function obstacleCost(box: Box, obstacles: BoxGrid<Obstacle>, ownGroup: number | undefined, limit: number): number {
  return obstacles.sumNear(box, (obstacle) => (obstacle.group === ownGroup ? 0 : overlapArea(box, obstacle)), limit);
}

function hitsLabel(box: Box, placed: BoxGrid<Box>): boolean {
  const padded = growBox(box, LABEL_GAP);
  return placed.sumNear(padded, (label) => Number(boxesOverlap(padded, label)), 0) > 0;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** The leader runs between the nearest points of the anchor and the label's box. */
function leaderTo(anchor: Box, box: Box): PlacedLabel['leader'] {
  const x2 = clamp((anchor.x0 + anchor.x1) / 2, box.x0, box.x1);
  const y2 = clamp((anchor.y0 + anchor.y1) / 2, box.y0, box.y1);
  return { x1: clamp(x2, anchor.x0, anchor.x1), y1: clamp(y2, anchor.y0, anchor.y1), x2, y2 };
}

function placedLabel(request: LabelRequest, candidate: LabelCandidate, box: Box, leader: PlacedLabel['leader']): PlacedLabel {
  return { id: request.id, x: candidate.x, y: candidate.y, block: candidate.block, box, color: request.color, leader };
}

/** Moves tried at each distance: vertical first (along a column's gap), then sideways and diagonal. */
const DIRECTIONS = [
  [0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1],
] as const;

/** Candidates of a crowded required label: every candidate moved outwards in steps, nearest first. */
function displacedCandidates(request: LabelRequest): LabelCandidate[] {
  const step = request.candidates[0].block.size * 0.6;
  const moved: LabelCandidate[] = [];
  for (let k = 1; k <= MAX_DISPLACEMENT_STEPS; k++) {
    for (const [dx, dy] of DIRECTIONS) {
      for (const candidate of request.candidates) moved.push({ ...candidate, x: candidate.x + dx * k * step, y: candidate.y + dy * k * step });
    }
  }
  return moved;
}

/**
 * Greedy placement in request order (put the most important labels first): each label takes its
 * first candidate that stays inside `bounds`, clears every placed label and covers no obstacle.
 * Labels never overlap each other unless a required label has nowhere else to go, which is
 * counted in `overlapping`.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Obstacle[], bounds: Box): Placement {
  const placed: PlacedLabel[] = [];
  const placedBoxes = new BoxGrid<Box>(CELL_SIZE);
  const obstacleGrid = new BoxGrid<Obstacle>(CELL_SIZE);
  for (const obstacle of obstacles) obstacleGrid.insert(obstacle);
  const dropped: string[] = [];
  let overlapping = 0;
  const place = (label: PlacedLabel) => {
    placed.push(label);
    placedBoxes.insert(label.box);
  };

  const tryCandidates = (candidates: readonly LabelCandidate[]) => {
    let best: { candidate: LabelCandidate; box: Box; cost: number } | undefined;
    for (const candidate of candidates) {
      const box = blockBox(candidate.block, candidate.x, candidate.y);
      if (!insideBox(box, bounds) || hitsLabel(box, placedBoxes)) continue;
      const cost = obstacleCost(box, obstacleGrid, candidate.ownGroup, best?.cost ?? Infinity);
      if (cost === 0) return { candidate, box, cost };
      if (best === undefined || cost < best.cost) best = { candidate, box, cost };
    }
    return best;
  };

  for (const request of requests) {
    const preferred = tryCandidates(request.candidates);
    if (preferred?.cost === 0) {
      place(placedLabel(request, preferred.candidate, preferred.box, undefined));
      continue;
    }
    if (!request.required) {
      dropped.push(request.id);
      continue;
    }
    const displaced = tryCandidates(displacedCandidates(request));
    const chosen = displaced?.cost === 0 ? displaced : preferred ?? displaced;
    if (chosen) {
      const leader = chosen === preferred ? undefined : leaderTo(request.anchor, chosen.box);
      place(placedLabel(request, chosen.candidate, chosen.box, leader));
      continue;
    }
    const fallback = request.candidates[0];
    place(placedLabel(request, fallback, blockBox(fallback.block, fallback.x, fallback.y), undefined));
    overlapping++;
  }
  return { placed, dropped, overlapping };
}
