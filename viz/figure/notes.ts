import { blockHeight, blockSvg, textBlock } from '../labels/text-block.js';
import { wrapText } from '../labels/wrap.js';
import { TEXT_ASCENT } from '../text/measure.js';
import type { Rendered } from './header.js';
import { INK } from './palette.js';
import { FONT_SIZE } from './size.js';

/** Sentences under a figure that say what it leaves out or flags (hidden flows, imbalances). */
export function notesSvg(notes: readonly { readonly text: string; readonly color?: string }[], x: number, y: number, width: number): Rendered {
  let svg = '';
  let height = 0;
  for (const note of notes) {
    const block = textBlock(wrapText(note.text, width, FONT_SIZE.note), FONT_SIZE.note);
    svg += blockSvg(block, x, y + height + TEXT_ASCENT * FONT_SIZE.note, note.color ?? INK);
    height += blockHeight(block) + 1.5;
  }
  return { svg, height };
}
