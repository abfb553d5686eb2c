import type { Peak } from '../../engine/analysis/peaks.js';
import { formatQuantity } from '../figure/quantity.js';

/** A peak in words, censored peaks and near ties included, as the waste-peak chart marks them. */
export function peakText(peak: Peak, unit: string): string {
  switch (peak.status) {
    case 'peak': {
      const ties = peak.nearTies.map((tie) => `${tie.year}${tie.censored ? ' (still climbing at the end of the horizon)' : ''}`);
      return `peak in ${peak.year}: ${formatQuantity(peak.value, unit)}${ties.length > 0 ? `; near tie${ties.length > 1 ? 's' : ''} ${ties.join(', ')}` : ''}`;
    }
    case 'rising':
      return `no peak by ${peak.year}: still rising (${formatQuantity(peak.value, unit)} in ${peak.year})`;
    case 'falling':
      return `highest in ${peak.year} (${formatQuantity(peak.value, unit)}): the peak, if any, was in or before ${peak.year}`;
    case 'flat':
      return `the same every year (${formatQuantity(peak.value, unit)})`;
    case 'zero':
      return 'zero throughout';
    case 'undefined':
      return 'no value: the run did not succeed';
  }
}
