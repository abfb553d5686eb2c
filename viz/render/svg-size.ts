import { OptionsError } from '../../engine/errors.js';
import { POINTS_PER_MM } from '../figure/size.js';

/** Width and height in points of an SVG made by viz (its root states them in millimetres). */
export function svgSizePoints(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = /\bwidth="([\d.]+)mm"/.exec(root);
  const height = /\bheight="([\d.]+)mm"/.exec(root);
  if (!width || !height) throw new OptionsError('svg', 'must be a figure made by viz (root width and height in mm)');
  return { width: Number(width[1]) * POINTS_PER_MM, height: Number(height[1]) * POINTS_PER_MM };
}
