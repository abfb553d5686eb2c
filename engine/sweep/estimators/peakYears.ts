import { OptionsError } from '../../errors.js';
import { PEAK_STATUS } from '../peakStatus.js';

/** The runs of a sweep by what their peak-year column means for them. */
export interface PeakYears {
  /** The peak years of the successful runs that peak within the output's years, in run order. */
  readonly peakYears: Float64Array;
  /** Successful runs largest in the last year (no peak by then) and in the first (the peak, if any, before). */
  readonly rising: number;
  readonly falling: number;
  /** Successful runs with no peak: the same value every year, or zero throughout. */
  readonly flat: number;
  /** Runs that did not succeed, left out whatever they recorded. */
  readonly failed: number;
}

/**
 * Splits a peak_year column by the run's status and its peak_status column: the year of a run
 * still rising at the end or falling from the start is that of the last or first year, a bound
 * and not a peak, so those runs are counted apart and never mixed into the distribution of peaks.
 */
export function splitPeakYears(peakYear: ArrayLike<number>, peakStatus: ArrayLike<number>, runStatus: Uint8Array): PeakYears {
  const runs = runStatus.length;
  if (peakYear.length !== runs || peakStatus.length !== runs) throw new OptionsError('peakYear', `and peakStatus must hold one value per run (${runs}; got ${peakYear.length} and ${peakStatus.length})`);
  const years: number[] = [];
  let rising = 0;
  let falling = 0;
  let flat = 0;
  let failed = 0;
  for (let run = 0; run < runs; run++) {
    const status = peakStatus[run];
    if (runStatus[run] !== 0) failed++;
    else if (status === PEAK_STATUS.peak) years.push(peakYear[run]);
    else if (status === PEAK_STATUS.rising) rising++;
    else if (status === PEAK_STATUS.falling) falling++;
    else if (status === PEAK_STATUS.flat || status === PEAK_STATUS.zero) flat++;
    else throw new OptionsError(`peakStatus[${run}]`, `must be a code of PEAK_STATUS_CODES for a run that succeeded (got ${status})`);
  }
  return { peakYears: Float64Array.from(years), rising, falling, flat, failed };
}
