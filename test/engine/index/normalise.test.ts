import { describe, expect, it } from 'vitest';
import { normaliseColumn } from '../../../engine/index/normalise.js';
import type { Normalisation } from '../../../engine/index/indexMethod.js';

function normalise(values: number[], higherIsBetter: boolean, method: Normalisation, target?: number): number[] {
  const out = new Float64Array(values.length);
  normaliseColumn(Float64Array.from(values), higherIsBetter, target, method, out);
  return Array.from(out);
}

const closeTo = (actual: number[], expected: number[]) => actual.forEach((value, k) => expect(value).toBeCloseTo(expected[k], 10));

describe('normaliseColumn', () => {
  it('normaliseColumn(min-max) maps the worst city to 1 and the best to 100, linearly between', () => {
    // (x − 0)/(10 − 0) = 1, 0.6, 0, 0.5 → 1 + 99·share.
    closeTo(normalise([10, 6, 0, 5], true, 'min-max'), [100, 60.4, 1, 50.5]);
    // Lower is better: (10 − x)/10 = 0, 0.4, 1, 0.5.
    closeTo(normalise([10, 6, 0, 5], false, 'min-max'), [1, 40.6, 100, 50.5]);
  });

  it('normaliseColumn(z-score) centres on the mean and divides by the sample standard deviation', () => {
    // mean 5.25; s² = (4.75² + 0.75² + 5.25² + 0.25²)/3 = 50.75/3, s = 4.11298…
    const s = Math.sqrt(50.75 / 3);
    closeTo(normalise([10, 6, 0, 5], true, 'z-score'), [4.75 / s, 0.75 / s, -5.25 / s, -0.25 / s]);
    closeTo(normalise([10, 6, 0, 5], false, 'z-score'), [-4.75 / s, -0.75 / s, 5.25 / s, 0.25 / s]);
  });

  it('normaliseColumn(distance-to-target) scores the progress from the worst city to the target, capped at 100', () => {
    // Target 12, worst 0: progress 10/12, 6/12, 0, 5/12.
    closeTo(normalise([10, 6, 0, 5], true, 'distance-to-target', 12), [1 + 99 * (10 / 12), 50.5, 1, 1 + 99 * (5 / 12)]);
    // Lower is better, target 300, worst 500: (500 − x)/200, a city past the target is capped.
    closeTo(normalise([400, 500, 250], false, 'distance-to-target', 300), [50.5, 1, 100]);
    // A target no better than the worst city: every city has reached it.
    closeTo(normalise([10, 6, 0], true, 'distance-to-target', 0), [100, 100, 100]);
  });

  it('normaliseColumn(rank) ranks the worst city 1 and the best n, ties sharing their mean rank', () => {
    expect(normalise([10, 6, 0, 5], true, 'rank')).toEqual([4, 3, 1, 2]);
    expect(normalise([10, 6, 0, 5], false, 'rank')).toEqual([1, 2, 4, 3]);
    expect(normalise([1, 1, 3], true, 'rank')).toEqual([1.5, 1.5, 3]);
  });

  it('normaliseColumn gives an indicator equal for every city the middle of the scale, so it moves no rank', () => {
    expect(normalise([7, 7, 7], true, 'min-max')).toEqual([50.5, 50.5, 50.5]);
    expect(normalise([7, 7, 7], true, 'z-score')).toEqual([0, 0, 0]);
    expect(normalise([7, 7, 7], true, 'rank')).toEqual([2, 2, 2]);
  });
});
