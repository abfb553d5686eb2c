import { blockHeight, blockSvg, textBlock } from '../labels/text-block.js';
import { wrapText } from '../labels/wrap.js';
import { TEXT_ASCENT } from '../text/measure.js';
import { MUTED_INK } from './palette.js';
import { FONT_SIZE } from './size.js';

export interface Rendered {
  readonly svg: string;
  /** Vertical space used, in points. */
  readonly height: number;
}

/** Every figure states its title, then what it shows: period, scenario and unit. */
export function headerSvg(title: string, subtitle: string, x: number, y: number, width: number): Rendered {
  const titleBlock = textBlock(wrapText(title, width, FONT_SIZE.title, 'semibold'), FONT_SIZE.title, 'start', 'semibold');
  const subtitleBlock = textBlock(wrapText(subtitle, width, FONT_SIZE.subtitle), FONT_SIZE.subtitle);
  const titleHeight = blockHeight(titleBlock);
  const titleBaseline = y + FONT_SIZE.title * TEXT_ASCENT;
  const subtitleBaseline = y + titleHeight + 2 + FONT_SIZE.subtitle * TEXT_ASCENT;
  const svg = blockSvg(titleBlock, x, titleBaseline) + blockSvg(subtitleBlock, x, subtitleBaseline, MUTED_INK);
  return { svg, height: titleHeight + 2 + blockHeight(subtitleBlock) };
}

/** "2030 · scenario zero-waste · flows in t/yr", leaving out what is not known. */
export function subtitleParts(...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(' · ');
}
