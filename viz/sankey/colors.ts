import type { LegendEntry } from '../figure/legend.js';
import { categoricalColors } from '../figure/palette.js';
import type { GraphLink, SankeyGraph, ValuePart } from './graph.js';

/** Bands with no category (an unsplit total, or a stock band when colouring by process). */
const NEUTRAL_BAND = '#8C8C8C';

/** Bands are drawn translucent so that crossings stay legible; their legend swatches alike. */
export const BAND_OPACITY = 0.75;

export interface BandColors {
  readonly flow: (link: GraphLink, part: ValuePart) => string;
  readonly stock: (part: ValuePart) => string;
  readonly legend: readonly LegendEntry[];
  readonly legendTitle: string | undefined;
  /** False when there were more categories than distinguishable colours. */
  readonly distinct: boolean;
}

/** One colour per dimension item (material), or per source or target process (route). */
export function bandColors(graph: SankeyGraph, colorBy: 'item' | 'source' | 'target', dimensionName: string | undefined): BandColors {
  if (colorBy === 'item') {
    const { colors, distinct } = categoricalColors(graph.items.length);
    const colorOf = new Map(graph.items.map((item, i) => [item, colors[i]]));
    const byItem = (part: ValuePart) => (part.item === undefined ? NEUTRAL_BAND : colorOf.get(part.item)!);
    const unsplit = graph.links.some((link) => link.parts.some((part) => part.item === undefined));
    const legend: LegendEntry[] = graph.items.map((item, i) => ({ label: item, color: colors[i], mark: 'swatch', opacity: BAND_OPACITY }));
    if (unsplit && graph.items.length > 0) legend.push({ label: 'not split', color: NEUTRAL_BAND, mark: 'swatch', opacity: BAND_OPACITY });
    return { flow: (_, part) => byItem(part), stock: byItem, legend, legendTitle: dimensionName, distinct };
  }
  const end = (link: GraphLink) => (colorBy === 'source' ? link.source : link.target);
  const ends = [...new Set(graph.links.map(end))].sort((a, b) => a - b);
  const { colors, distinct } = categoricalColors(ends.length);
  const colorOf = new Map(ends.map((node, i) => [node, colors[i]]));
  const legend: LegendEntry[] = ends.map((node, i) => ({ label: graph.nodes[node].label, color: colors[i], mark: 'swatch', opacity: BAND_OPACITY }));
  return {
    flow: (link) => colorOf.get(end(link))!,
    stock: () => NEUTRAL_BAND,
    legend,
    legendTitle: colorBy === 'source' ? 'From' : 'To',
    distinct,
  };
}
