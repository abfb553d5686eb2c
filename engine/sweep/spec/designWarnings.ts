import type { SweepSpec } from './sweepSpec.js';

/**
 * What is legal in a sweep but weakens its results, one sentence each, for the command line to
 * print before it runs. The first N = 2^m points of a Sobol' sequence form a (t, m, s)-net in base
 * 2 — every dyadic box of the right volume holds its share of points — and other N do not, so
 * their estimates converge more slowly (Saltelli et al. 2010 take N = 2^k for this reason).
 */
export function designWarnings(spec: SweepSpec): string[] {
  const n = spec.n;
  if (spec.sampler !== 'sobol' || n === undefined || Number.isInteger(Math.log2(n))) return [];
  const below = 2 ** Math.floor(Math.log2(n));
  return [`n = ${n} is not a power of two: the Sobol' sequence is balanced only for N = 2^k, so the indices converge more slowly; use n = ${below} or ${2 * below}`];
}
