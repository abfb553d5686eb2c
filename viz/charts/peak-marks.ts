import type { Peak } from '../../engine/analysis/peaks.js';
import { formatQuantity } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import type { LabelCandidate } from '../labels/place.js';
import { baselineCentredOn, blockHeight, textBlock } from '../labels/text-block.js';
import { TEXT_ASCENT } from '../text/measure.js';

export const MARKER_RADIUS = 2.2;

/**
 * A point a series' annotation marks. A peak or near tie within the horizon is filled and
 * dropped to the axis; a maximum at an end of the horizon (censored: the peak, if any, lies
 * beyond it) is an open circle whose label sits on the inner side.
 */
export interface PeakMark {
  readonly year: number;
  readonly value: number;
  /** The annotation: one line, or two for a censored maximum, which needs more words. */
  readonly lines: readonly string[];
  readonly censored: 'start' | 'end' | undefined;
}

export function peakMarks(peak: Peak, years: readonly number[], unit: string): PeakMark[] {
  const edge = (year: number): PeakMark['censored'] => (year === years[0] ? 'start' : 'end');
  switch (peak.status) {
    case 'peak':
      return [
        { year: peak.year, value: peak.value, lines: [`peak ${peak.year}: ${formatQuantity(peak.value, unit)}`], censored: undefined },
        ...peak.nearTies.map((tie): PeakMark => {
          const censored = tie.censored ? edge(tie.year) : undefined;
          const cut = censored === 'end' ? ', still rising' : censored === 'start' ? ', falling from before' : '';
          return { year: tie.year, value: tie.value, lines: [`near tie: ${tie.year}${cut}`], censored };
        }),
      ];
    case 'rising':
      return [{ year: peak.year, value: peak.value, lines: [`rising in ${peak.year};`, 'peak, if any, after'], censored: 'end' }];
    case 'falling':
      return [{ year: peak.year, value: peak.value, lines: [`highest in ${peak.year};`, 'peak, if any, before'], censored: 'start' }];
    default:
      return [];
  }
}

/** Positions around a point: above, then to the upper right and left, then the sides, then below. */
export function aroundPoint(lines: readonly string[], x: number, y: number): LabelCandidate[] {
  const size = FONT_SIZE.label;
  const gap = MARKER_RADIUS + 2;
  const block = (anchor: 'start' | 'middle' | 'end') => textBlock(lines, size, anchor);
  const above = y - gap - blockHeight(block('start')) + TEXT_ASCENT * size;
  const below = y + gap + TEXT_ASCENT * size;
  const middle = baselineCentredOn(block('start'), y);
  return [
    { x, y: above, block: block('middle') },
    { x: x + gap, y: above, block: block('start') },
    { x: x - gap, y: above, block: block('end') },
    { x: x + gap, y: middle, block: block('start') },
    { x: x - gap, y: middle, block: block('end') },
    { x, y: below, block: block('middle') },
    { x: x - gap, y: below, block: block('end') },
    { x: x + gap, y: below, block: block('start') },
  ];
}

/** Label positions for a mark: a censored one's label keeps to the inner side of the horizon's end. */
export function markCandidates(mark: PeakMark, x: number, y: number): LabelCandidate[] {
  const [above, upperRight, upperLeft, right, left, below, lowerLeft, lowerRight] = aroundPoint(mark.lines, x, y);
  if (mark.censored === 'end') return [upperLeft, right, left, below, lowerLeft, lowerRight, above, upperRight];
  if (mark.censored === 'start') return [upperRight, right, lowerRight, above, upperLeft, left, below, lowerLeft];
  return [above, upperRight, upperLeft, right, left, below, lowerLeft, lowerRight];
}
