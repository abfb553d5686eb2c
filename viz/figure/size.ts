import { OptionsError } from '../../engine/errors.js';

/** Figures are laid out in PostScript points (1/72 in), so a font size is its printed size. */
export const POINTS_PER_MM = 72 / 25.4;

/**
 * Journal column widths: a single column is about 85 mm wide (Elsevier 90, Nature 89, ACS 84),
 * a double column about 175 mm (Elsevier 190, Nature 183, ACS 178).
 */
export const COLUMN_WIDTH_MM = { single: 85, double: 175 } as const;

/** 'single', 'double' or a width in millimetres. */
export type FigureWidth = keyof typeof COLUMN_WIDTH_MM | number;

/** Printed font sizes in points; journals ask for at least 6–7 pt at final size. */
export const FONT_SIZE = { title: 9, subtitle: 7.5, label: 7, tick: 7, axisTitle: 7.5, note: 7 } as const;

export function figureWidthPoints(width: FigureWidth, option = 'width'): number {
  const millimetres = typeof width === 'number' ? width : COLUMN_WIDTH_MM[width];
  if (!(millimetres >= 30 && millimetres <= 500)) {
    throw new OptionsError(option, `must be 'single', 'double' or a width in mm between 30 and 500 (got ${JSON.stringify(width)})`);
  }
  return millimetres * POINTS_PER_MM;
}
