import { pathData } from '../svg/element.js';

/** Path data of a horizontal interval from x0 to x1 at y, with end caps reaching `cap` above and below. */
export function intervalPath(x0: number, x1: number, y: number, cap: number): string {
  return pathData('M', x0, y, 'H', x1, 'M', x0, y - cap, 'V', y + cap, 'M', x1, y - cap, 'V', y + cap);
}
