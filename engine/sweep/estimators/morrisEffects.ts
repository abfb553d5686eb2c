import { OptionsError } from '../../errors.js';
import { checkInteger } from '../design/design.js';

export interface MorrisEffectsOptions {
  readonly factors: number;
  /** Columns of the output matrix. */
  readonly outputs: number;
}

/** Per output and factor, at [output·d + i]. */
export interface MorrisEffects {
  readonly factors: number;
  readonly outputs: number;
  readonly trajectories: number;
  /** μ, the mean elementary effect. */
  readonly mu: Float64Array;
  /** μ*, the mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007). */
  readonly muStar: Float64Array;
  /** σ, the standard deviation of the elementary effects (r − 1 in the denominator, as SALib). */
  readonly sigma: Float64Array;
}

/**
 * Morris elementary effects from the unit points of a Morris design (runs × d, as the design
 * produced them) and the outputs of those runs (runs × outputs). Between consecutive points of a
 * trajectory exactly one factor i moves, by a signed step δ in unit coordinates; its elementary
 * effect is EE_i = (f(x + δ e_i) − f(x))/δ, so effects are per unit of the factor's [0, 1] range (a
 * linear f = Σ c_i x_i with x_i uniform on [lo_i, hi_i] has EE_i = c_i (hi_i − lo_i) exactly).
 * Mean and variance are accumulated by Welford's update, one trajectory at a time.
 */
export function morrisEffects(points: Float64Array, values: Float64Array, options: MorrisEffectsOptions): MorrisEffects {
  const { factors, outputs } = options;
  checkInteger('factors', factors, 1);
  checkInteger('outputs', outputs, 1);
  const pointsPerTrajectory = factors + 1;
  const runs = points.length / factors;
  const trajectories = runs / pointsPerTrajectory;
  if (!Number.isSafeInteger(trajectories) || trajectories < 1) {
    throw new OptionsError('points', `must hold r·(d + 1)·d numbers for d = ${factors} (got ${points.length})`);
  }
  if (values.length !== runs * outputs) throw new OptionsError('values', `must hold ${runs}·${outputs} numbers, one per run and output (got ${values.length})`);

  const mu = new Float64Array(outputs * factors);
  const muStar = new Float64Array(outputs * factors);
  const squares = new Float64Array(outputs * factors);
  const moved = new Uint8Array(factors);
  for (let t = 0; t < trajectories; t++) {
    moved.fill(0);
    for (let step = 0; step < factors; step++) {
      const run = t * pointsPerTrajectory + step;
      const factor = movedFactor(points, run, factors);
      if (factor < 0 || moved[factor]) {
        throw new OptionsError('points', `are not Morris trajectories: runs ${run} and ${run + 1} must differ in one factor not yet moved in trajectory ${t}`);
      }
      moved[factor] = 1;
      const delta = points[(run + 1) * factors + factor] - points[run * factors + factor];
      for (let o = 0; o < outputs; o++) {
        const effect = (values[(run + 1) * outputs + o] - values[run * outputs + o]) / delta;
        const at = o * factors + factor;
        const deviation = effect - mu[at];
        mu[at] += deviation / (t + 1);
        squares[at] += deviation * (effect - mu[at]);
        muStar[at] += (Math.abs(effect) - muStar[at]) / (t + 1);
      }
    }
  }
  const sigma = new Float64Array(outputs * factors);
  for (let at = 0; at < sigma.length; at++) sigma[at] = trajectories > 1 ? Math.sqrt(squares[at] / (trajectories - 1)) : NaN;
  return { factors, outputs, trajectories, mu, muStar, sigma };
}

/** The one factor that differs between runs `run` and `run + 1`, or −1 when none or several do. */
function movedFactor(points: Float64Array, run: number, factors: number): number {
  let found = -1;
  for (let factor = 0; factor < factors; factor++) {
    if (points[run * factors + factor] === points[(run + 1) * factors + factor]) continue;
    if (found >= 0) return -1;
    found = factor;
  }
  return found;
}
