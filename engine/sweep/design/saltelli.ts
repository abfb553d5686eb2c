import { checkInteger, createDesign, type Design } from './design.js';
import { MAX_SOBOL_DIMENSIONS } from './joeKuoDirections.js';
import { sobolDesign } from './sobol.js';

export interface SaltelliOptions {
  /** Number of factors d. */
  readonly factors: number;
  /** N, the number of base points (rows of A and of B); a power of 2 keeps the Sobol' balance. */
  readonly baseSize: number;
  /** Also produce the BA_i rows that second-order indices need (default true). */
  readonly secondOrder?: boolean;
  /** Owen-scramble the Sobol' base (default true). */
  readonly scramble?: boolean;
  readonly seed?: number;
  /** Base points to skip (default 0; see sobol.ts). */
  readonly skip?: number;
}

export interface SaltelliDesign extends Design {
  readonly factors: number;
  readonly baseSize: number;
  readonly secondOrder: boolean;
}

const DEFAULTS = { secondOrder: true, scramble: true, seed: 0, skip: 0 };

/** Runs per base point: A, AB_1 … AB_d, [BA_1 … BA_d,] B. */
export function saltelliRunsPerBase(factors: number, secondOrder: boolean): number {
  return secondOrder ? 2 * factors + 2 : factors + 2;
}

/**
 * The design of Saltelli (2002) and Saltelli et al. (2010) for Sobol' indices. A base point of a
 * Sobol' sequence in 2d dimensions gives a row a of matrix A (its first d coordinates) and a row b
 * of B (the last d). For each base point j the design has, in this order (the order of SALib):
 *   A_j;  AB_j^i (= A_j with column i from B_j) for i = 1 … d;
 *   BA_j^i (= B_j with column i from A_j) for i = 1 … d, only for second order;  B_j,
 * so N(d + 2) runs, or N(2d + 2) with second order. Rows of one base point are produced from that
 * point alone, so any block of runs is computed directly.
 */
export function saltelliDesign(options: SaltelliOptions): SaltelliDesign {
  const { secondOrder, scramble, seed, skip } = { ...DEFAULTS, ...options };
  // The base sequence has 2d dimensions.
  const factors = checkInteger('factors', options.factors, 1, Math.floor(MAX_SOBOL_DIMENSIONS / 2));
  const baseSize = checkInteger('baseSize', options.baseSize, 1);
  const base = sobolDesign({ dimensions: 2 * factors, size: baseSize, scramble, seed, skip });
  const step = saltelliRunsPerBase(factors, secondOrder);

  const fillRuns = (from: number, to: number, out: Float64Array): void => {
    const firstBase = Math.floor(from / step);
    const endBase = Math.ceil(to / step);
    const basePoints = new Float64Array((endBase - firstBase) * 2 * factors);
    base.fill(firstBase, endBase, basePoints);
    for (let run = from; run < to; run++) {
      const a = (Math.floor(run / step) - firstBase) * 2 * factors;
      const b = a + factors;
      const kind = run % step;
      const target = (run - from) * factors;
      // kind 0: A; 1 … d: AB with column kind − 1 from B; then BA (second order); last: B.
      const mostlyB = kind > factors;
      const swapped = kind === 0 || kind === step - 1 ? -1 : mostlyB ? kind - 1 - factors : kind - 1;
      for (let factor = 0; factor < factors; factor++) {
        const useB = factor === swapped ? !mostlyB : mostlyB;
        out[target + factor] = basePoints[(useB ? b : a) + factor];
      }
    }
  };
  return { ...createDesign('unit', factors, baseSize * step, fillRuns), factors, baseSize, secondOrder };
}
