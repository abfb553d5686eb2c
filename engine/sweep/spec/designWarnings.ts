import type { SweepSpec } from './sweepSpec.js';

/**
 * What is legal in a sweep but weakens its results, one sentence each, for the command line to
 * print before it runs. The first N = 2^m points of a Sobol' sequence form a (t, m, s)-net in base
 * 2 — every dyadic box of the right volume holds its share of points — and other N do not, so
 * their estimates converge more slowly (Saltelli et al. 2010 take N = 2^k for this reason).
 */
export function designWarnings(spec: SweepSpec): string[] {
  const warning = spec.sampler === 'sobol' && spec.n !== undefined ? sobolSizeWarning(spec.n, 'n') : undefined;
  return warning === undefined ? [] : [warning];
}

/** The warning for a Sobol' base size N that is not a power of two, naming the setting (`n`, `samples`); undefined for 2^k. */
export function sobolSizeWarning(n: number, setting: string): string | undefined {
  if (Number.isInteger(Math.log2(n))) return undefined;
  const below = 2 ** Math.floor(Math.log2(n));
  return `${setting} = ${n} is not a power of two: the Sobol' sequence is balanced only for N = 2^k, so the indices converge more slowly; use ${setting} = ${below} or ${2 * below}`;
}
