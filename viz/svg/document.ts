import { POINTS_PER_MM } from '../figure/size.js';
import { FONT_FAMILY } from '../text/font.js';
import { element } from './element.js';
import { escapeXml, num } from './format.js';

/**
 * The root element of every figure. User units are points, and the physical size is stated in
 * millimetres, so a 7-unit font prints at 7 pt. The white background is drawn, not assumed:
 * PNG output is otherwise transparent.
 */
export function svgDocument(width: number, height: number, title: string, body: string): string {
  const attributes = {
    xmlns: 'http://www.w3.org/2000/svg',
    width: `${num(width / POINTS_PER_MM)}mm`,
    height: `${num(height / POINTS_PER_MM)}mm`,
    viewBox: `0 0 ${num(width)} ${num(height)}`,
    'font-family': FONT_FAMILY,
  };
  const content = element('title', {}, escapeXml(title)) + element('rect', { width, height, fill: '#FFFFFF' }) + body;
  return `${element('svg', attributes, content)}\n`;
}
