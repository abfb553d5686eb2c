import { describe, expect, it } from 'vitest';
import { splitPeakYears } from '../../../../engine/sweep/estimators/peakYears.js';
import { PEAK_STATUS } from '../../../../engine/sweep/peakStatus.js';

describe('splitPeakYears', () => {
  it('splitPeakYears counts runs still rising, falling from the start, flat and failed apart from the peak years', () => {
    const { peak, rising, falling, flat, zero } = PEAK_STATUS;
    const peakYear = Float64Array.of(2041, 2060, 2015, NaN, 2043, NaN, 2050);
    const peakStatus = Float64Array.of(peak, rising, falling, flat, peak, zero, peak);
    // The last run failed: its peak (recorded before it failed) is left out.
    const split = splitPeakYears(peakYear, peakStatus, Uint8Array.of(0, 0, 0, 0, 0, 0, 2));
    expect(Array.from(split.peakYears)).toEqual([2041, 2043]);
    expect(split).toMatchObject({ rising: 1, falling: 1, flat: 2, failed: 1 });
  });

  it('splitPeakYears refuses columns of another length and a successful run without a peak status', () => {
    expect(() => splitPeakYears(Float64Array.of(1), Float64Array.of(0, 0), Uint8Array.of(0, 0))).toThrow('options.peakYear and peakStatus must hold one value per run (2; got 1 and 2)');
    expect(() => splitPeakYears(Float64Array.of(NaN), Float64Array.of(NaN), Uint8Array.of(0))).toThrow('options.peakStatus[0] must be a code of PEAK_STATUS_CODES for a run that succeeded (got NaN)');
  });
});
