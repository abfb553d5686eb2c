import { element, textElement } from '../svg/element.js';
import { TEXT_ASCENT, TEXT_DESCENT, textWidth } from '../text/measure.js';
import type { Rendered } from './header.js';
import { INK } from './palette.js';
import { FONT_SIZE } from './size.js';

/** How an entry is keyed: a filled swatch, a line (solid or dashed), a point (filled or a ring), a light band. */
export type LegendMark = 'swatch' | 'line' | 'dashed' | 'dotted' | 'point' | 'ring' | 'band';

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly mark: LegendMark;
  /** Fill opacity of a swatch or band: that of the marks it stands for (default 1 for a swatch, 0.3 for a band). */
  readonly opacity?: number;
}

const MARK_WIDTH = 11;
const MARK_GAP = 3;
const ENTRY_GAP = 9;

export const DASH_PATTERNS: Readonly<Record<'line' | 'dashed' | 'dotted', string | undefined>> = {
  line: undefined,
  dashed: '4 2',
  dotted: '1 1.5',
};

function markSvg(entry: LegendEntry, x: number, middle: number): string {
  const size = FONT_SIZE.label;
  switch (entry.mark) {
    case 'swatch':
    case 'band': {
      const opacity = entry.opacity ?? (entry.mark === 'band' ? 0.3 : 1);
      return element('rect', { x, y: middle - size * 0.35, width: MARK_WIDTH, height: size * 0.7, fill: entry.color, 'fill-opacity': opacity === 1 ? undefined : opacity });
    }
    case 'point':
      return element('circle', { cx: x + MARK_WIDTH / 2, cy: middle, r: 2, fill: entry.color });
    case 'ring':
      return element('circle', { cx: x + MARK_WIDTH / 2, cy: middle, r: 1.8, fill: 'none', stroke: entry.color, 'stroke-width': 0.9 });
    default:
      return element('line', { x1: x, y1: middle, x2: x + MARK_WIDTH, y2: middle, stroke: entry.color, 'stroke-width': 1.2, 'stroke-dasharray': DASH_PATTERNS[entry.mark] });
  }
}

/** The text cut at a word boundary, with an ellipsis, to fit `width`: legends never run off the figure. */
function truncateText(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) return text;
  const words = text.split(' ');
  while (words.length > 1 && textWidth(`${words.join(' ')}…`, size) > width) words.pop();
  return `${words.join(' ')}…`;
}

/** Entries under an optional title; each group of a legend starts on a new row. */
export interface LegendGroup {
  readonly title?: string;
  readonly entries: readonly LegendEntry[];
}

/** Groups one under the other, entries left to right wrapping within `width`. */
export function legendSvg(groups: readonly LegendGroup[], x: number, y: number, width: number): Rendered {
  const size = FONT_SIZE.label;
  const rowHeight = (TEXT_ASCENT + TEXT_DESCENT) * size + 3;
  let svg = '';
  let row = -1;
  const baseline = () => y + row * rowHeight + TEXT_ASCENT * size;
  for (const group of groups) {
    if (group.entries.length === 0) continue;
    row++;
    let cursor = x;
    if (group.title) {
      svg += textElement(group.title, { x, y: baseline(), 'font-size': size, fill: INK, 'font-weight': 600 });
      cursor += textWidth(group.title, size, 'semibold') + ENTRY_GAP;
    }
    for (const entry of group.entries) {
      const label = truncateText(entry.label, width - MARK_WIDTH - MARK_GAP, size);
      const entryWidth = MARK_WIDTH + MARK_GAP + textWidth(label, size);
      if (cursor > x && cursor + entryWidth > x + width) {
        row++;
        cursor = x;
      }
      svg += markSvg(entry, cursor, baseline() - size * 0.3);
      svg += textElement(label, { x: cursor + MARK_WIDTH + MARK_GAP, y: baseline(), 'font-size': size, fill: INK });
      cursor += entryWidth + ENTRY_GAP;
    }
  }
  return row < 0 ? { svg: '', height: 0 } : { svg: element('g', {}, svg), height: (row + 1) * rowHeight };
}
