import type { FontWeight } from '../text/font.js';
import { textWidth } from '../text/measure.js';

/**
 * Breaks text into lines no wider than `maxWidth` at spaces (and after hyphens and slashes, except
 * inside parentheses, where a unit such as "(kg/person/d)" stays whole). A single word wider than
 * that keeps a line of its own: words are never cut.
 */
export function wrapText(text: string, maxWidth: number, size: number, weight: FontWeight = 'regular'): string[] {
  const words = text.split(/(?<=[-/])(?![^(]*\))|\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joined = line === '' ? word : /[-/]$/.test(line) ? line + word : `${line} ${word}`;
    if (line !== '' && textWidth(joined, size, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = joined;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
