import { legendSvg, type LegendEntry } from '../figure/legend.js';
import { notesSvg } from '../figure/notes.js';
import { IMBALANCE_COLOR } from '../figure/palette.js';
import { formatQuantity, formatSignedQuantity } from '../figure/quantity.js';
import { FONT_SIZE } from '../figure/size.js';
import { keyListSvg } from '../labels/key-list.js';
import type { BandColors } from './colors.js';
import { MARGIN } from './geometry.js';
import type { SankeyScene } from './scene.js';
import { scaleBarSvg } from './scale-bar.js';

/** Processes drawn with a mass imbalance, and how much. */
export type Imbalances = readonly { readonly process: string; readonly residual: number }[];

/**
 * Under the diagram, from `top` down: the key of labels that only had room for a number, then
 * the scale bar beside the colour legend, then notes on what the figure leaves out or flags.
 */
export function sankeyFooter(scene: SankeyScene, colors: BandColors, imbalances: Imbalances, top: number): { svg: string; bottom: number } {
  const { graph, geometry, text, width } = scene;
  const contentWidth = width - 2 * MARGIN;
  const keys = keyListSvg(scene.labels.keys, MARGIN, top, contentWidth, FONT_SIZE.label);
  const legendTop = top + (keys.height > 0 ? keys.height + 8 : 0);
  const scaleBar = scaleBarSvg(geometry.layout.pointsPerUnit, geometry.largest, text.unit, text.suffix, MARGIN, legendTop);
  const legendEntries: LegendEntry[] = [...colors.legend];
  if (imbalances.length > 0) legendEntries.push({ label: 'imbalance', color: IMBALANCE_COLOR, mark: 'swatch' });
  const legend = legendSvg([{ title: colors.legendTitle, entries: legendEntries }], MARGIN + scaleBar.width + 12, legendTop, contentWidth - scaleBar.width - 12);

  const notes: { text: string; color?: string }[] = [];
  if (graph.hiddenFlows > 0) {
    const flows = graph.hiddenFlows === 1 ? 'flow' : 'flows';
    notes.push({ text: `${graph.hiddenFlows} ${flows} below ${formatQuantity(scene.minFlow, text.unit, text.suffix)} not drawn.` });
  }
  for (const { process, residual } of imbalances) {
    const label = graph.nodes.find((node) => node.key === process)!.label;
    notes.push({ text: `Mass imbalance at ${label}: ${formatSignedQuantity(residual, text.unit, text.suffix)} (inflow − outflow − stock change), drawn red.`, color: IMBALANCE_COLOR });
  }
  if (!colors.distinct) notes.push({ text: 'More categories than distinguishable colours: colours repeat.' });
  if (graph.links.some((link) => link.sd !== undefined)) notes.push({ text: 'Bands: values ± one standard deviation; the light edges of a band span its width at value − sd (solid) to value + sd.' });
  for (const note of scene.notes) notes.push({ text: note });
  const notesTop = legendTop + Math.max(scaleBar.height, legend.height) + 4;
  const notesBlock = notesSvg(notes, MARGIN, notesTop, contentWidth);
  return { svg: keys.svg + scaleBar.svg + legend.svg + notesBlock.svg, bottom: notesTop + notesBlock.height };
}
