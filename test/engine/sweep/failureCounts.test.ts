import { describe, expect, it } from 'vitest';
import { addFailureCounts, failureCounts, formatFailureCounts, totalFailures } from '../../../engine/sweep/failureCounts.js';
import { statusCode } from '../../../engine/sweep/sweepJob.js';

describe('failureCounts', () => {
  it('failureCounts(status) counts the runs of each status but success, in the order of SAMPLE_STATUSES; addFailureCounts sums them', () => {
    const error = statusCode('error');
    const shares = statusCode('invalid-shares');
    const counts = failureCounts(Uint8Array.of(0, error, shares, 0, shares));
    expect(counts).toEqual({ 'invalid-shares': 2, error: 1 });
    expect(Object.keys(counts)).toEqual(['invalid-shares', 'error']);
    expect(formatFailureCounts(counts)).toBe('invalid-shares 2, error 1');
    expect(addFailureCounts([counts, { error: 3 }, {}])).toEqual({ 'invalid-shares': 2, error: 4 });
    expect(totalFailures(failureCounts(new Uint8Array(4)))).toBe(0);
  });
});
