import { MUTED_INK } from '../figure/palette.js';
import { element } from '../svg/element.js';
import type { PlacedLabel } from './place.js';
import { blockSvg } from './text-block.js';

/** Placed labels as SVG, leader lines first so text stays on top. */
export function labelsSvg(labels: readonly PlacedLabel[]): string {
  let out = '';
  for (const { leader } of labels) {
    if (leader) out += element('line', { ...leader, stroke: MUTED_INK, 'stroke-width': 0.4 });
  }
  for (const label of labels) out += blockSvg(label.block, label.x, label.y, label.color);
  return out;
}
