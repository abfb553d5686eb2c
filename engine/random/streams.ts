/**
 * The stream numbers reserved for each consumer of random numbers. A draw is named by
 * (seed, sampleIndex, stream, draw); giving every consumer its own stream means that no two of
 * them ever read the same Philox block, so adding a consumer never changes another's numbers.
 */
export const RandomStream = {
  monteCarlo: 1,
  latinHypercubeJitter: 2,
  latinHypercubePermutation: 3,
  sobolScramble: 4,
  morris: 5,
  bootstrap: 6,
  /** A composite index's uncertainty analysis: the weights of one draw, and the values of one draw. */
  indexWeights: 7,
  indexValues: 8,
  /** Streams from here on are free for the draws a model makes inside one run. */
  firstModelStream: 1024,
} as const;
