import { BOUNDARY_FILL, IMBALANCE_COLOR, INK, PROCESS_FILL } from '../figure/palette.js';
import { element, pathData } from '../svg/element.js';
import { BAND_OPACITY, type BandColors } from './colors.js';
import type { SankeyGraph, ValuePart } from './graph.js';
import type { ForwardLayout } from './layout.js';
import { loopPath } from './loop-route.js';
import type { Routing } from './routing.js';
import { additionPath, releasePath } from './stock-route.js';

type Tag = Readonly<Record<string, string | number | undefined>>;

/** A band as a stroked centre line: the stroke width is the band width, never below `minWidth`. */
function band(d: string, color: string, width: number, minWidth: number, tag: Tag | undefined): string {
  return element('path', { d, stroke: color, 'stroke-width': Math.max(width, minWidth), ...tag });
}

/** What a page that redraws the bands needs to find them again (SankeyOptions.tagBands). */
function itemTag(graph: SankeyGraph, part: ValuePart): number | undefined {
  return part.item === undefined ? undefined : graph.items.indexOf(part.item);
}

/** Distances of each part's centre from the inner edge, for parts listed from the outer edge in. */
function innerOffsets(parts: readonly ValuePart[], pointsPerUnit: number): number[] {
  let total = 0;
  for (const part of parts) total += part.value * pointsPerUnit;
  let fromOuter = 0;
  return parts.map((part) => {
    const width = part.value * pointsPerUnit;
    const e = total - fromOuter - width / 2;
    fromOuter += width;
    return e;
  });
}

export function bandsSvg(graph: SankeyGraph, layout: ForwardLayout, routing: Routing, colors: BandColors, minWidth: number, tagged = false): string {
  const ppu = layout.pointsPerUnit;
  let out = '';
  graph.links.forEach((link, l) => {
    const route = routing.loops[l];
    const tag = (part: ValuePart) => (tagged ? { 'data-flow': link.flow, 'data-item': itemTag(graph, part) } : undefined);
    if (route) {
      const offsets = innerOffsets(link.parts, ppu);
      link.parts.forEach((part, p) => (out += band(loopPath(route, offsets[p]), colors.flow(link, part), part.value * ppu, minWidth, tag(part))));
      return;
    }
    const x0 = layout.nodes[link.source].x1;
    const x1 = layout.nodes[link.target].x0;
    const middle = (x0 + x1) / 2;
    link.parts.forEach((part, p) => {
      const { y0, y1, width } = layout.parts[l][p];
      out += band(pathData('M', x0, y0, 'C', middle, y0, middle, y1, x1, y1), colors.flow(link, part), width, minWidth, tag(part));
    });
  });
  graph.nodes.forEach((node, i) => {
    const route = routing.stocks[i];
    if (!node.stock || !route) return;
    const tag = (side: string, part: ValuePart) => (tagged ? { 'data-stock': node.key, 'data-side': side, 'data-item': itemTag(graph, part) } : undefined);
    const additions = innerOffsets(node.stock.additions, ppu);
    node.stock.additions.forEach((part, p) => (out += band(additionPath(route, additions[p]), colors.stock(part), part.value * ppu, minWidth, tag('addition', part))));
    const releases = innerOffsets(node.stock.releases, ppu);
    node.stock.releases.forEach((part, p) => (out += band(releasePath(route, releases[p]), colors.stock(part), part.value * ppu, minWidth, tag('release', part))));
  });
  return element('g', { fill: 'none', 'stroke-opacity': BAND_OPACITY }, out);
}

export function nodesSvg(graph: SankeyGraph, layout: ForwardLayout, routing: Routing): string {
  let out = '';
  routing.stocks.forEach((stock) => {
    if (stock) out += element('rect', { x: stock.box.x0, y: stock.box.y0, width: stock.box.x1 - stock.box.x0, height: stock.box.y1 - stock.box.y0, fill: '#F2F2F2', stroke: INK, 'stroke-width': 0.5 });
  });
  graph.nodes.forEach((node, i) => {
    const { x0, x1, y0, y1 } = layout.nodes[i];
    const imbalanced = routing.imbalances[i] !== undefined;
    out += element('rect', {
      x: x0,
      y: y0,
      width: x1 - x0,
      height: y1 - y0,
      fill: node.kind === 'process' ? PROCESS_FILL : BOUNDARY_FILL,
      stroke: imbalanced ? IMBALANCE_COLOR : undefined,
      'stroke-width': imbalanced ? 0.8 : undefined,
    });
  });
  for (const marker of routing.imbalances) {
    if (!marker) continue;
    const { x0, y0, x1, y1 } = marker.box;
    out += element('rect', { x: x0, y: y0, width: x1 - x0, height: y1 - y0, fill: IMBALANCE_COLOR });
  }
  return element('g', {}, out);
}
