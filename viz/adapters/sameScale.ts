import type { SankeyInput, SankeyOptions } from '../sankey/input.js';
import { sankeySvg, type SankeyFigure } from '../sankey/sankey-svg.js';

/**
 * Sankey panels (years, scenarios) on one scale so that equal bands mean equal flows: each is
 * fitted alone first, then all are drawn at the coarsest of those scales, at which every panel
 * still fits its width. A scale given in the options is used as it is.
 */
export function sameScaleSankeys(inputs: readonly SankeyInput[], options: SankeyOptions = {}): SankeyFigure[] {
  const unitsPerPoint = options.unitsPerPoint ?? Math.max(...inputs.map((input) => sankeySvg(input, options).unitsPerPoint));
  return inputs.map((input) => sankeySvg(input, { ...options, unitsPerPoint }));
}
