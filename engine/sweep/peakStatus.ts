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

/** The code of each status: PEAK_STATUS.rising is 1. */
export const PEAK_STATUS = Object.fromEntries(PEAK_STATUS_CODES.map((status, code) => [status, code])) as Readonly<Record<RecordedPeakStatus, number>>;

/** The code of a peak's status; NaN for 'undefined' (a series with NaN in it). */
export function peakStatusCode(peak: Peak): number {
  return peak.status === 'undefined' ? NaN : PEAK_STATUS[peak.status];
}

/** Runs whose peak is censored, from a peak_status column: still rising at the end, or falling from the start. */
export function censoredPeaks(peakStatus: ArrayLike<number>): { rising: number; falling: number } {
  let rising = 0;
  let falling = 0;
  for (let run = 0; run < peakStatus.length; run++) {
    if (peakStatus[run] === PEAK_STATUS.rising) rising++;
    else if (peakStatus[run] === PEAK_STATUS.falling) falling++;
  }
  return { rising, falling };
}

