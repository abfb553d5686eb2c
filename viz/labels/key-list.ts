import type { Rendered } from '../figure/header.js';
import { INK } from '../figure/palette.js';
import { element, textElement } from '../svg/element.js';
import { TEXT_ASCENT } from '../text/measure.js';
import { blockHeight, blockSvg, blockWidth, textBlock } from './text-block.js';
import { wrapText } from './wrap.js';

/** A label that only had room for its key: the key as drawn in the figure, and the label's full text. */
export interface KeyEntry {
  readonly key: string;
  readonly text: string;
  readonly color?: string;
}

const KEY_GAP = 3;
const COLUMN_GAP = 12;
const ROW_GAP = 1.5;

/**
 * The key of a crowded figure: each key in semibold, as drawn next to its node, followed by the
 * label it stands for. Entries run down equal columns, as many as the width holds, in the order
 * given; an entry wider than a column wraps within it.
 */
export function keyListSvg(entries: readonly KeyEntry[], x: number, y: number, width: number, size: number): Rendered {
  if (entries.length === 0) return { svg: '', height: 0 };
  const keyWidth = Math.max(...entries.map((entry) => blockWidth(textBlock([entry.key], size, 'start', 'semibold'))));
  const textWidth = Math.max(...entries.map((entry) => blockWidth(textBlock([entry.text], size))));
  const columnWidth = Math.min(width, keyWidth + KEY_GAP + textWidth);
  const columns = Math.max(1, Math.floor((width + COLUMN_GAP) / (columnWidth + COLUMN_GAP)));
  const rows = Math.ceil(entries.length / columns);
  let svg = '';
  let height = 0;
  for (let column = 0; column * rows < entries.length; column++) {
    const left = x + column * (columnWidth + COLUMN_GAP);
    let top = y;
    for (const entry of entries.slice(column * rows, (column + 1) * rows)) {
      const block = textBlock(wrapText(entry.text, columnWidth - keyWidth - KEY_GAP, size), size);
      const baseline = top + TEXT_ASCENT * size;
      svg += textElement(entry.key, { x: left + keyWidth, y: baseline, 'font-size': size, 'font-weight': 600, 'text-anchor': 'end', fill: entry.color ?? INK });
      svg += blockSvg(block, left + keyWidth + KEY_GAP, baseline, entry.color ?? INK);
      top += blockHeight(block) + ROW_GAP;
    }
    height = Math.max(height, top - y - ROW_GAP);
  }
  return { svg: element('g', {}, svg), height };
}
