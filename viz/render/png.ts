import { Resvg } from '@resvg/resvg-js';
import { OptionsError } from '../../engine/errors.js';
import { FONT_FAMILY } from '../text/font.js';
import { rasterFontPaths } from './fonts.js';
import { svgSizePoints } from './svg-size.js';

export interface PngOptions {
  /** Resolution at the figure's printed size, in dots per inch (default 300, what journals ask for). */
  readonly dpi?: number;
}

export interface Png {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * Rasterises a figure with resvg. The shipped fonts (in their unhinted form, which draws the
 * same) are loaded explicitly and system fonts are not: resvg silently drops text whose font it
 * cannot find, and would otherwise pick whatever the machine has.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Png {
  const dpi = options.dpi ?? 300;
  if (!Number.isFinite(dpi) || dpi < 10 || dpi > 2400) throw new OptionsError('dpi', `must be a number from 10 to 2400 (got ${dpi})`);
  const { width } = svgSizePoints(svg);
  const fonts = rasterFontPaths();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round((width / 72) * dpi) },
    font: { fontFiles: [fonts.regular, fonts.semibold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#FFFFFF',
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
