import { RandomStream } from '../../random/streams.js';
import { checkSeed, fillUniforms } from '../../random/uniform.js';
import { checkInteger, createDesign, type Design } from './design.js';

export interface MonteCarloOptions {
  readonly dimensions: number;
  readonly size: number;
  readonly seed: number;
}

/** Independent uniform points: coordinate j of row i is draw j of (seed, i) in the Monte Carlo stream. */
export function monteCarloDesign(options: MonteCarloOptions): Design {
  const dimensions = checkInteger('dimensions', options.dimensions, 1);
  const size = checkInteger('size', options.size, 0);
  const seed = checkSeed(options.seed);
  return createDesign('unit', dimensions, size, (from, to, out) => {
    for (let row = from; row < to; row++) {
      fillUniforms(seed, row, RandomStream.monteCarlo, out, (row - from) * dimensions, dimensions);
    }
  });
}
