import { OptionsError } from '../../errors.js';
import { lognormalLogMean, lognormalLogSd } from '../../lifetime/lognormal.js';
import { type Distribution, checkDistribution } from './distributions.js';
import { inverseNormalCdf } from './inverseNormal.js';
import { truncatedStandardNormalQuantile } from './truncatedNormal.js';

/** A quantile function (inverse CDF): u in (0, 1) to a value of the variable. */
export type Quantile = (u: number) => number;

/** The quantile function of `distribution`, with its constants computed once; throws on an invalid one. */
export function quantileFunction(distribution: Distribution): Quantile {
  const problem = checkDistribution(distribution);
  if (problem !== undefined) throw new OptionsError('distribution', `is invalid: ${problem}`);
  const d = distribution;
  switch (d.kind) {
    case 'uniform': {
      const width = d.max - d.min;
      return (u) => Math.min(d.max, d.min + u * width);
    }
    case 'log-uniform': {
      const logMin = Math.log(d.min);
      const logWidth = Math.log(d.max) - logMin;
      return (u) => Math.min(d.max, Math.max(d.min, Math.exp(logMin + u * logWidth)));
    }
    case 'normal':
      return (u) => d.mean + d.sd * inverseNormalCdf(u);
    case 'truncated-normal': {
      const standard = truncatedStandardNormalQuantile((d.min - d.mean) / d.sd, (d.max - d.mean) / d.sd);
      return (u) => Math.min(d.max, Math.max(d.min, d.mean + d.sd * standard(u)));
    }
    case 'lognormal': {
      const logMean = lognormalLogMean(d.mean, d.sd);
      const logSd = lognormalLogSd(d.mean, d.sd);
      return (u) => Math.exp(logMean + logSd * inverseNormalCdf(u));
    }
    case 'triangular':
      return triangularQuantile(d.min, d.mode, d.max);
    case 'discrete':
      return discreteQuantile(d.values, d.weights);
  }
}

/**
 * F(x) = (x − min)²/((max − min)(mode − min)) up to the mode, where F = (mode − min)/(max − min);
 * 1 − (max − x)²/((max − min)(max − mode)) above it. Each branch is the root of its own side.
 */
function triangularQuantile(min: number, mode: number, max: number): Quantile {
  const width = max - min;
  const atMode = (mode - min) / width;
  return (u) =>
    u < atMode ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
}

/**
 * The first value whose cumulative weight exceeds u·total (binary search over the cumulative
 * weights). The search stops at the last value of positive weight, where u·total may round up to.
 */
function discreteQuantile(values: readonly number[], weights: readonly number[] | undefined): Quantile {
  const count = values.length;
  const cumulative = new Float64Array(count);
  let total = 0;
  let lastPositive = 0;
  for (let i = 0; i < count; i++) {
    const weight = weights === undefined ? 1 : weights[i];
    if (weight > 0) lastPositive = i;
    total += weight;
    cumulative[i] = total;
  }
  return (u) => {
    const target = u * total;
    let low = 0;
    let high = lastPositive;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return values[low];
  };
}
