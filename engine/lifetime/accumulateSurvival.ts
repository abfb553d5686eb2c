import { erfc } from './erfc.js';
import { regularizedGammaQ } from './incompleteGamma.js';
import { unknownDistribution, type Lifetime } from './lifetime.js';
import { lognormalLogMean, lognormalLogSd } from './lognormal.js';

/**
 * out[offset + i] += weight · S(firstAge + i + shift) for i = 0 … count − 1, where S(x) is the
 * probability that a lifetime exceeds x (continuous age x ≥ 0, in years):
 *   fixed L:            1 for x < L, else 0 (right-continuous: at age L everything has left);
 *   normal μ, σ:        ½ erfc((x − μ) / (σ√2))  (not truncated: S(0) < 1);
 *   folded normal μ, σ: P(|Y| > x) = ½ erfc((x − μ)/(σ√2)) + ½ erfc((x + μ)/(σ√2)), Y ~ normal(μ, σ);
 *   lognormal:          ½ erfc((ln x − m)/(s√2)), m and s the log-space parameters (see lognormal.ts);
 *   Weibull k, λ:       exp(−(x/λ)^k);
 *   gamma k, θ:         Q(k, x/θ), the regularised upper incomplete gamma function;
 *   exponential mean:   exp(−x/mean);
 *   table:              table[x] at integer ages, linear in between, 0 from age table.length on.
 * The distribution is chosen once; the loops run over ages. Accumulating (rather than assigning)
 * lets quadrature add one weighted node at a time without scratch buffers.
 */
export function accumulateSurvival(
  lifetime: Lifetime,
  firstAge: number,
  shift: number,
  weight: number,
  out: Float64Array,
  offset: number,
  count: number,
): void {
  // Ages are formed as (firstAge + i) + shift, so that one age gets the same bits whatever the first age.
  switch (lifetime.distribution) {
    case 'fixed': {
      for (let i = 0; i < count; i++) if (firstAge + i + shift < lifetime.mean) out[offset + i] += weight;
      return;
    }
    case 'normal': {
      const inverseScale = 1 / (lifetime.sd * Math.SQRT2);
      const halfWeight = 0.5 * weight;
      for (let i = 0; i < count; i++) out[offset + i] += halfWeight * erfc((firstAge + i + shift - lifetime.mean) * inverseScale);
      return;
    }
    case 'folded-normal': {
      const inverseScale = 1 / (lifetime.sd * Math.SQRT2);
      const halfWeight = 0.5 * weight;
      for (let i = 0; i < count; i++) {
        const age = firstAge + i + shift;
        out[offset + i] += halfWeight * (erfc((age - lifetime.mean) * inverseScale) + erfc((age + lifetime.mean) * inverseScale));
      }
      return;
    }
    case 'lognormal': {
      const logMean = lognormalLogMean(lifetime.mean, lifetime.sd);
      const inverseScale = 1 / (lognormalLogSd(lifetime.mean, lifetime.sd) * Math.SQRT2);
      const halfWeight = 0.5 * weight;
      for (let i = 0; i < count; i++) out[offset + i] += halfWeight * erfc((Math.log(firstAge + i + shift) - logMean) * inverseScale);
      return;
    }
    case 'weibull': {
      const inverseScale = 1 / lifetime.scale;
      for (let i = 0; i < count; i++) out[offset + i] += weight * Math.exp(-Math.pow((firstAge + i + shift) * inverseScale, lifetime.shape));
      return;
    }
    case 'gamma': {
      const inverseScale = 1 / lifetime.scale;
      for (let i = 0; i < count; i++) out[offset + i] += weight * regularizedGammaQ(lifetime.shape, (firstAge + i + shift) * inverseScale);
      return;
    }
    case 'exponential': {
      const rate = 1 / lifetime.mean;
      for (let i = 0; i < count; i++) out[offset + i] += weight * Math.exp(-(firstAge + i + shift) * rate);
      return;
    }
    case 'table': {
      const table = lifetime.table;
      for (let i = 0; i < count; i++) {
        const age = firstAge + i + shift;
        const below = Math.floor(age);
        const fraction = age - below;
        const lower = below < table.length ? table[below] : 0;
        const upper = below + 1 < table.length ? table[below + 1] : 0;
        out[offset + i] += weight * (fraction === 0 ? lower : lower + (upper - lower) * fraction);
      }
      return;
    }
    default:
      return unknownDistribution(lifetime);
  }
}
