import { OptionsError, checkOption } from '../../errors.js';
import { RandomStream } from '../../random/streams.js';
import { checkSeed, fillUniforms } from '../../random/uniform.js';
import { checkInteger, createDesign, type Design } from './design.js';
import { selectSpreadTrajectories } from './morrisSelection.js';
import { type MorrisPlacement, morrisDrawCount, writeMorrisTrajectory } from './morrisTrajectory.js';

export interface MorrisOptions {
  readonly factors: number;
  /** r, the number of trajectories. */
  readonly trajectories: number;
  /** p, the number of grid levels: even, at least 2 (default 4). */
  readonly levels?: number;
  readonly seed: number;
  /** Generate this many candidates and keep the r most spread out (Campolongo et al. 2007); default: no selection. */
  readonly candidates?: number;
  /** Where the levels lie in [0, 1] (default 'grid'); see morrisTrajectory.ts. */
  readonly placement?: MorrisPlacement;
}

export interface MorrisDesign extends Design {
  readonly factors: number;
  readonly trajectories: number;
  readonly levels: number;
  /** The candidate index behind each trajectory (0 … r − 1 without selection). */
  readonly candidateOf: Uint32Array;
}

const DEFAULTS = { levels: 4, placement: 'grid' as MorrisPlacement };
const PLACEMENTS: readonly MorrisPlacement[] = ['grid', 'centred'];

/**
 * Morris elementary-effects design: r trajectories of d + 1 runs, so r(d + 1) runs in all. Candidate
 * trajectory c is made from draws (seed, c) of the Morris stream only, so any block of runs is
 * computed directly; with `candidates`, the selection runs once when the design is made.
 */
export function morrisDesign(options: MorrisOptions): MorrisDesign {
  const { levels, placement } = { ...DEFAULTS, ...options };
  const factors = checkInteger('factors', options.factors, 1);
  const trajectories = checkInteger('trajectories', options.trajectories, 1);
  const seed = checkSeed(options.seed);
  checkOption('placement', placement, PLACEMENTS);
  if (!Number.isSafeInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new OptionsError('levels', `must be an even integer of at least 2 (got ${levels})`);
  }
  const pointsPerTrajectory = factors + 1;
  const stride = pointsPerTrajectory * factors;
  const draws = new Float64Array(morrisDrawCount(factors));
  const order = new Int32Array(factors);
  const writeCandidate = (candidate: number, out: Float64Array, offset: number): void => {
    fillUniforms(seed, candidate, RandomStream.morris, draws);
    writeMorrisTrajectory(draws, factors, levels, placement, order, out, offset);
  };

  let candidateOf: Uint32Array;
  if (options.candidates === undefined) {
    candidateOf = Uint32Array.from({ length: trajectories }, (_, t) => t);
  } else {
    const candidates = checkInteger('candidates', options.candidates, trajectories);
    const all = new Float64Array(candidates * stride);
    for (let candidate = 0; candidate < candidates; candidate++) writeCandidate(candidate, all, candidate * stride);
    candidateOf = selectSpreadTrajectories(all, candidates, factors, trajectories);
  }

  const trajectory = new Float64Array(stride);
  const fillRuns = (from: number, to: number, out: Float64Array): void => {
    let current = -1;
    for (let run = from; run < to; run++) {
      const t = Math.floor(run / pointsPerTrajectory);
      if (t !== current) {
        writeCandidate(candidateOf[t], trajectory, 0);
        current = t;
      }
      const point = (run % pointsPerTrajectory) * factors;
      const target = (run - from) * factors;
      for (let factor = 0; factor < factors; factor++) out[target + factor] = trajectory[point + factor];
    }
  };
  const size = trajectories * pointsPerTrajectory;
  return { ...createDesign('unit', factors, size, fillRuns), factors, trajectories, levels, candidateOf };
}
