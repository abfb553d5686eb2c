import type { Peak, PeakStatus } from '../analysis/peaks.js';

/**
 * How an output peaks within its years, as the `peak_status` column records it: the index into
 * this list (readers in Python or R map the code with the same list, documented in the README).
 * `peak`: a maximum inside the years; `rising`: largest in the last year, so the peak (if any)
 * comes later and peak_value is a lower bound (right-censored); `falling`: largest in the first
 * year, so the peak (if any) came before (left-censored); `flat`: the same non-zero value every
 * year; `zero`: zero throughout. A run without values (it failed) has NaN.
 */
export const PEAK_STATUS_CODES = ['peak', 'rising', 'falling', 'flat', 'zero'] as const satisfies readonly PeakStatus[];

export type RecordedPeakStatus = (typeof PEAK_STATUS_CODES)[number];

/** The code of a peak's status; NaN for 'undefined' (a series with NaN in it). */
export function peakStatusCode(peak: Peak | { readonly status: RecordedPeakStatus }): number {
  return peak.status === 'undefined' ? NaN : PEAK_STATUS_CODES.indexOf(peak.status);
}

