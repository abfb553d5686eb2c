import { expect } from 'vitest';

/**
 * What every survival curve must satisfy, whatever the distribution and convention: shares within
 * [0, 1] that never increase with age.
 */
export function expectSurvivalContract(curve: Float64Array): void {
  for (let age = 0; age < curve.length; age++) {
    if (!(curve[age] >= 0 && curve[age] <= 1)) expect.fail(`sf at age ${age} is ${curve[age]}, outside [0, 1]`);
    if (age > 0 && curve[age] > curve[age - 1]) expect.fail(`sf increases from age ${age - 1} (${curve[age - 1]}) to ${age} (${curve[age]})`);
  }
}
